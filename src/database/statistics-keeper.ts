import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loggableError } from '../common/loggable-error';

/** The tables whose candidate lookups and foreign-key checks need current statistics. */
const HOT_TABLES = ['blocking_keys', 'source_records', 'customers', 'review_items'];

/**
 * Keeps the planner's statistics current where nothing else does. Without autovacuum (PGlite
 * never runs it, though its setting says "on"; some servers turn it off) tables are never analyzed, and the plans cached by each
 * connection (foreign-key checks, PL/pgSQL statements) keep the sequential scans chosen while the
 * tables were empty: a resolve then reads every source record, and gets slower with every import.
 * An ANALYZE replaces those plans. With autovacuum on, this does nothing.
 *
 * On a server the keeper follows autovacuum's own rule (a table changed by more than 50 rows +
 * 10% since its last ANALYZE), checked every interval. PGlite keeps no such counts, so there the
 * tables are analyzed when the source records grew by more than 10% since the last ANALYZE
 * (records are what every hot table grows with). The check is a single cheap query, so it runs
 * often (2 s by default): during an import's first seconds the tables double every few seconds,
 * and each statistics refresh comes too late for the rows that ran on plans made for smaller tables.
 */
export class StatisticsKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Statistics');
  private timer: NodeJS.Timeout | undefined;
  /** Embedded mode: the source records allocated at the last ANALYZE. */
  private recordsAtLastAnalyze = 0;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly intervalSeconds: number,
    private readonly embedded: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.intervalSeconds === 0) return;
    if (!this.embedded) {
      if (await this.autovacuumIsOn()) return;
      this.logger.warn(
        `autovacuum is off: the service runs ANALYZE itself every ${this.intervalSeconds} s (STATISTICS_INTERVAL_SECONDS)`,
      );
    }
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.analyze(true));
    }, this.intervalSeconds * 1000);
    // Statistics must never keep a CLI command or a stopping process alive.
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Refreshes the statistics now (with `onlyStale`, of the tables that grew enough since their last
   * ANALYZE); failures are logged, never thrown: the next run tries again.
   */
  async analyze(onlyStale = false): Promise<void> {
    try {
      const tables = !onlyStale
        ? HOT_TABLES
        : this.embedded
          ? await this.tablesIfRecordsGrew()
          : await this.staleTables();
      if (tables.length > 0) await this.dataSource.query(`ANALYZE ${tables.join(', ')}`);
    } catch (error) {
      if (this.dataSource.isInitialized) {
        this.logger.warn({ err: loggableError(error) }, 'ANALYZE failed');
      }
    }
  }

  /** Embedded: all the hot tables once the source records grew by more than 10%. */
  private async tablesIfRecordsGrew(): Promise<string[]> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM source_records_id_seq',
    );
    const records = Number(row.n);
    if (records <= this.recordsAtLastAnalyze * 1.1) return [];
    this.recordsAtLastAnalyze = records;
    return HOT_TABLES;
  }

  /** autovacuum's analyze threshold with its default settings (50 rows + 10%). */
  private async staleTables(): Promise<string[]> {
    const rows = await this.dataSource.query<{ relname: string }[]>(
      `SELECT s.relname FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.relname = ANY($1) AND s.n_mod_since_analyze > 50 + 0.1 * GREATEST(c.reltuples, 0)`,
      [HOT_TABLES],
    );
    return rows.map((r) => r.relname);
  }

  private async autovacuumIsOn(): Promise<boolean> {
    const [row] = await this.dataSource.query<{ autovacuum: string }[]>('SHOW autovacuum');
    return row?.autovacuum === 'on';
  }
}
