import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { AppConfig } from './app-config';
import { ENVIRONMENT_VARIABLE_NAMES, EnvironmentVariables } from './environment';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = ENVIRONMENT_VARIABLE_NAMES as readonly string[];
  const present = Object.fromEntries(
    Object.entries(env).filter(
      ([key, value]) => known.includes(key) && value !== undefined && value !== '',
    ),
  );
  const vars = plainToInstance(EnvironmentVariables, present, { enableImplicitConversion: false });
  const errors = validateSync(vars, { whitelist: true, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(
      errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`),
    );
  }
  const server = vars.DATABASE_URL !== undefined;
  if (server && vars.REDIS_URL === undefined) {
    throw new ConfigError(['REDIS_URL: is required in server mode (when DATABASE_URL is set)']);
  }
  return new AppConfig(
    server ? 'server' : 'embedded',
    vars.PORT,
    vars.DATABASE_URL,
    server ? vars.REDIS_URL : undefined,
    vars.DATA_DIR,
    vars.LOG_LEVEL,
    vars.BODY_LIMIT_BYTES,
    vars.DB_POOL_SIZE,
    vars.WORKER_CONCURRENCY,
    vars.QUEUE_PREFIX,
    vars.IMPORT_STORAGE_DIR ??
      join(vars.DATA_DIR === 'memory://' ? './data' : vars.DATA_DIR, 'imports'),
    vars.MATCH_CONFIG_FILE,
    vars.API_KEY_CACHE_SECONDS,
    vars.IMPORT_CHUNK_ROWS,
    vars.STATISTICS_INTERVAL_SECONDS,
  );
}
