import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';

/** Server mode: Redis must answer PING (jobs cannot be enqueued otherwise). */
@Injectable()
export class RedisHealthIndicator implements OnApplicationShutdown {
  private client?: IORedis;

  constructor(
    private readonly config: AppConfig,
    private readonly indicator: HealthIndicatorService,
  ) {}

  async check(key = 'redis'): Promise<HealthIndicatorResult> {
    const session = this.indicator.check(key);
    try {
      this.client ??= new IORedis(this.config.requireRedisUrl(), {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        lazyConnect: true,
      });
      if (this.client.status === 'wait') await this.client.connect();
      await this.client.ping();
      return session.up();
    } catch (error) {
      return session.down({ message: error instanceof Error ? error.message : 'unreachable' });
    }
  }

  onApplicationShutdown(): void {
    this.client?.disconnect();
  }
}
