import type { LogLevel } from './environment';

export type RunMode = 'embedded' | 'server';

/** The typed configuration every other module receives (never process.env). */
export class AppConfig {
  constructor(
    readonly mode: RunMode,
    readonly port: number,
    readonly databaseUrl: string | undefined,
    readonly redisUrl: string | undefined,
    readonly dataDir: string,
    readonly logLevel: LogLevel,
    readonly bodyLimitBytes: number,
    readonly dbPoolSize: number,
    readonly workerConcurrency: number,
    readonly queuePrefix: string,
    readonly importStorageDir: string,
    readonly matchConfigFile: string | undefined,
    readonly apiKeyCacheSeconds: number,
    readonly importChunkRows: number,
    readonly statisticsIntervalSeconds: number,
  ) {}

  get isEmbedded(): boolean {
    return this.mode === 'embedded';
  }

  /** Server mode only; loadConfig guarantees both URLs are set there. */
  requireDatabaseUrl(): string {
    if (this.databaseUrl === undefined) throw new Error('DATABASE_URL is not set (embedded mode)');
    return this.databaseUrl;
  }

  requireRedisUrl(): string {
    if (this.redisUrl === undefined) throw new Error('REDIS_URL is not set (embedded mode)');
    return this.redisUrl;
  }
}
