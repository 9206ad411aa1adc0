import { readFileSync } from 'node:fs';
import { AppConfig } from '../config/app-config';
import { DEFAULT_MATCH_CONFIG, type MatchConfig } from '../matching/match-config';
import { applyMatchConfigOverride } from '../matching/match-config-override';

/** The matching configuration: documented defaults, optionally overridden by MATCH_CONFIG_FILE. */
export abstract class MatchConfigHolder {
  abstract readonly config: MatchConfig;
}

/** A bad override stops the start with every problem named by its path (fields.phone.exact.u). */
export function loadMatchConfig(appConfig: AppConfig): MatchConfigHolder {
  const file = appConfig.matchConfigFile;
  if (file === undefined) return { config: DEFAULT_MATCH_CONFIG };
  let override: unknown;
  try {
    override = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`MATCH_CONFIG_FILE: cannot read ${file} as JSON: ${(error as Error).message}`);
  }
  const result = applyMatchConfigOverride(override);
  if (!result.ok) throw new Error(`MATCH_CONFIG_FILE: ${result.errors.join('; ')}`);
  return { config: result.config };
}

export const matchConfigProvider = {
  provide: MatchConfigHolder,
  inject: [AppConfig],
  useFactory: loadMatchConfig,
};
