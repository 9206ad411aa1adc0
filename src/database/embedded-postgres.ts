import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const MEMORY = 'memory://';

/**
 * PostgreSQL in-process (PGlite) exposed on a loopback port so that TypeORM and `pg` use it
 * exactly like a server. PGlite is single-connection: callers must use a pool of one.
 * One process at a time may own a data folder; a lock file says which.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    private readonly lockFile: string | undefined,
  ) {}

  static async start(dataDir: string): Promise<EmbeddedPostgres> {
    const inMemory = dataDir === MEMORY;
    const lockFile = inMemory ? undefined : acquireLock(resolve(dataDir));
    try {
      const db = await PGlite.create(inMemory ? MEMORY : join(resolve(dataDir), 'pgdata'));
      const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1', maxConnections: 1 });
      await server.start();
      return new EmbeddedPostgres(db, server, lockFile);
    } catch (error) {
      if (lockFile !== undefined) rmSync(lockFile, { force: true });
      throw error;
    }
  }

  get url(): string {
    return `postgres://postgres@${this.server.getServerConn()}/postgres`;
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
    if (this.lockFile !== undefined) rmSync(this.lockFile, { force: true });
  }
}

function acquireLock(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'embedded.lock');
  const holder = readLockHolder(lockFile);
  if (holder !== undefined && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `The embedded database in ${dir} is in use by process ${holder}. Stop it first, or point DATA_DIR elsewhere.`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  return lockFile;
}

function readLockHolder(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
