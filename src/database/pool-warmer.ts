import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loggableError } from '../common/loggable-error';

/**
 * A read of the resolve path that matches nothing: it makes a backend load the catalog entries
 * and compile the PL/pgSQL functions the resolve path uses.
 */
const WARM_UP_READ = `SELECT mdm_resolve_read('{"locks": [], "genericLimit": 1, "maxCandidates": 1,
  "nameCountCap": 1, "allocate": false, "source": "", "sourceId": "", "identityHash": "",
  "keys": [], "nameKeyType": "", "nameKeyValue": ""}'::jsonb)`;

/**
 * Opens every connection of the pool at start and runs a resolve read on each. A new PostgreSQL
 * backend spends several milliseconds on its first resolve (catalog caches, PL/pgSQL compilation):
 * opened on demand under load, sixteen of them at once queue the first requests behind them for
 * tens of milliseconds. The pool keeps them (idleTimeoutMillis 0 in createDataSource). A warm-up
 * that fails (migrations not yet run) only costs the warm start, so it is logged, not thrown.
 */
export async function warmPool(dataSource: DataSource, size: number): Promise<void> {
  const runners = Array.from({ length: size }, () => dataSource.createQueryRunner());
  try {
    await Promise.all(runners.map((runner) => runner.query(WARM_UP_READ)));
  } catch (error) {
    new Logger('Database').warn(
      { err: loggableError(error) },
      'Connection warm-up failed; connections will open on first use',
    );
  } finally {
    await Promise.all(runners.map((runner) => runner.release()));
  }
}
