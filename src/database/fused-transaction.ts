import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { inlineParameters, quoteLiteral } from './inline-parameters';

interface RawClient {
  query(text: string): Promise<RawResult | RawResult[]>;
}
interface RawResult {
  rows: unknown[];
}

/** A deferred statement, or a run of items for one function taking them as a JSON array. */
type Deferred = string | { fn: string; items: unknown[] };

/**
 * A transaction that saves round trips: BEGIN travels with the first statement, and statements
 * whose results nobody needs wait to travel with the next statement or with the COMMIT.
 *
 * Why: on the 2-core target machine one round trip to PostgreSQL costs a quarter to half a
 * millisecond of CPU on each side, and a resolve would otherwise make six or seven. Fused, the
 * common resolve makes two: `BEGIN; <reads>` and `<writes>; COMMIT`.
 *
 * Fused statements use the simple query protocol with their parameters inlined as literals
 * (inlineParameters). Any other statement run through the manager flushes the waiting ones
 * first, so the order of statements is always the order of the calls. A failing deferred
 * statement fails the flush or the commit; the transaction is then rolled back.
 */
class FusedTransaction {
  private beginPending = true;
  private readonly deferred: Deferred[] = [];

  constructor(
    private readonly runner: QueryRunner,
    private readonly client: RawClient,
  ) {}

  /** Runs `sql` with everything waiting (BEGIN, deferred statements) in one message. */
  async withWaiting<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    const results = await this.send([inlineParameters(sql, params)]);
    return results[results.length - 1].rows as T[];
  }

  defer(sql: string, params: readonly unknown[]): void {
    this.deferred.push(inlineParameters(sql, params));
  }

  /** Joins the run of items waiting for `fn` when it is the last thing waiting. */
  deferItem(fn: string, item: unknown): void {
    const last = this.deferred.at(-1);
    if (typeof last === 'object' && last.fn === fn) last.items.push(item);
    else this.deferred.push({ fn, items: [item] });
  }

  /** Before any ordinary statement: whatever waits goes first. */
  async flush(): Promise<void> {
    if (this.beginPending || this.deferred.length > 0) await this.send([]);
  }

  async commit(): Promise<void> {
    // Nothing was ever sent: there is no transaction to end.
    if (this.beginPending && this.deferred.length === 0) return;
    await this.send(['COMMIT']);
  }

  async rollback(): Promise<void> {
    if (this.beginPending) return;
    this.deferred.length = 0;
    await this.client.query('ROLLBACK').catch(() => undefined);
  }

  get manager(): EntityManager {
    return this.runner.manager;
  }

  private async send(tail: string[]): Promise<RawResult[]> {
    const statements = [
      ...(this.beginPending ? ['BEGIN'] : []),
      ...this.deferred.map(renderDeferred),
      ...tail,
    ];
    this.beginPending = false;
    this.deferred.length = 0;
    const result = await this.client.query(statements.join(';\n'));
    return Array.isArray(result) ? result : [result];
  }
}

function renderDeferred(d: Deferred): string {
  return typeof d === 'string'
    ? d
    : `SELECT ${d.fn}(${quoteLiteral(JSON.stringify(d.items))}::jsonb)`;
}

const fusedByRunner = new WeakMap<QueryRunner, FusedTransaction>();

function fusedOf(manager: EntityManager): FusedTransaction | undefined {
  return manager.queryRunner === undefined ? undefined : fusedByRunner.get(manager.queryRunner);
}

/**
 * Runs `work` in a fused transaction on a connection of its own, committed when `work` returns and
 * rolled back when it throws. `work` uses the manager as in any transaction.
 */
export async function runFusedTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner('master');
  const client = (await runner.connect()) as RawClient;
  const fused = new FusedTransaction(runner, client);
  fusedByRunner.set(runner, fused);
  // Ordinary statements on this runner must run after the fused ones waiting before them.
  const ordinaryQuery = runner.query.bind(runner);
  runner.query = (async (...args: Parameters<QueryRunner['query']>): Promise<unknown> => {
    await fused.flush();
    return (await ordinaryQuery(...args)) as unknown;
  }) as QueryRunner['query'];
  try {
    const result = await work(fused.manager);
    await fused.commit();
    return result;
  } catch (error) {
    await fused.rollback();
    throw error;
  } finally {
    await runner.release();
  }
}

/**
 * A statement whose result the caller needs. In a fused transaction it travels in one message
 * with everything waiting (the BEGIN, deferred writes), after them, so it sees them: one round trip
 * where an ordinary statement through the manager makes two (the flush, then itself). Elsewhere it
 * is an ordinary statement. Its parameters are inlined (inlineParameters).
 */
export function queryWithWaiting<T>(
  manager: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<T[]> {
  const fused = fusedOf(manager);
  return fused === undefined
    ? manager.query<T[]>(sql, [...params])
    : fused.withWaiting<T>(sql, params);
}

/**
 * A write whose result nobody reads: in a fused transaction it waits for the next statement or
 * the COMMIT; elsewhere it runs at once. Failure must be an error (see mdm_require), not a result.
 */
export async function queryDeferred(
  manager: EntityManager,
  sql: string,
  params: readonly unknown[],
): Promise<void> {
  const fused = fusedOf(manager);
  if (fused === undefined) await manager.query(sql, [...params]);
  else fused.defer(sql, params);
}

/**
 * One item for a function that takes its items as a JSON array (`fn(p jsonb)`, writing them
 * set-wise): in a fused transaction, items deferred one after another for the same function
 * travel as one call, in their order; elsewhere the call runs at once with this item alone.
 * Like queryDeferred, failure must be an error, not a result.
 */
export async function queryDeferredItem(
  manager: EntityManager,
  fn: string,
  item: unknown,
): Promise<void> {
  const fused = fusedOf(manager);
  if (fused === undefined) await manager.query(`SELECT ${fn}($1::jsonb)`, [JSON.stringify([item])]);
  else fused.deferItem(fn, item);
}
