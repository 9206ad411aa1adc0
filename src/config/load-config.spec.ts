import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('defaults to embedded mode on port 3000 with data in ./data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('embedded');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
  });

  it('switches to server mode when DATABASE_URL and REDIS_URL are set', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' });
    expect(config.mode).toBe('server');
    expect(config.redisUrl).toBe('redis://h:6379');
  });

  it('sizes the connection pool to twice the cores plus one unless DB_POOL_SIZE says otherwise', () => {
    const server = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379' };
    expect(loadConfig(server).dbPoolSize).toBe(2 * availableParallelism() + 1);
    expect(loadConfig({ ...server, DB_POOL_SIZE: '12' }).dbPoolSize).toBe(12);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DATABASE_URL: 'mysql://x', REDIS_URL: 'redis://h' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://u@h/db' }, 'REDIS_URL'],
    [{ DB_POOL_SIZE: '0' }, 'DB_POOL_SIZE'],
    [{ QUEUE_PREFIX: 'has space' }, 'QUEUE_PREFIX'],
  ])('rejects %p naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(
      new RegExp(`^Invalid configuration:[\\s\\S]*${variable}:`),
    );
  });

  it('ignores empty values as if unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' }).mode).toBe('embedded');
  });
});
