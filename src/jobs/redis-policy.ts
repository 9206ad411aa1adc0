import IORedis from 'ioredis';

/**
 * BullMQ loses jobs silently if Redis evicts keys; the worker refuses to start unless
 * maxmemory-policy is noeviction.
 */
export async function assertRedisNoEviction(redisUrl: string): Promise<void> {
  const redis = new IORedis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    const reply = (await redis.config('GET', 'maxmemory-policy')) as string[];
    const policy = reply[1];
    if (policy !== 'noeviction') {
      throw new Error(
        `Redis maxmemory-policy is "${policy}", but BullMQ needs "noeviction" (otherwise Redis may drop queued jobs). ` +
          'Set it with `CONFIG SET maxmemory-policy noeviction` or `--maxmemory-policy noeviction`.',
      );
    }
  } finally {
    redis.disconnect();
  }
}
