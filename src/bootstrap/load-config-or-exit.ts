import type { AppConfig } from '../config/app-config';
import { ConfigError, loadConfig } from '../config/load-config';

/** A bad environment stops the process with one clear message naming each bad variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}
