import IORedis from 'ioredis';
import { assertRedisNoEviction } from '../src/jobs/redis-policy';

/** Server mode only (needs a real Redis): the worker's start-up check. */
describe('worker Redis policy check', () => {
  it('refuses a Redis whose maxmemory-policy is not noeviction, accepts noeviction', async () => {
    const url = process.env.REDIS_URL as string;
    const redis = new IORedis(url);
    const [, previous] = (await redis.config('GET', 'maxmemory-policy')) as string[];
    try {
      await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');
      await expect(assertRedisNoEviction(url)).rejects.toThrow(
        /maxmemory-policy is "allkeys-lru".*noeviction/,
      );
      await redis.config('SET', 'maxmemory-policy', 'noeviction');
      await expect(assertRedisNoEviction(url)).resolves.toBeUndefined();
    } finally {
      await redis.config('SET', 'maxmemory-policy', previous);
      redis.disconnect();
    }
  });
});
