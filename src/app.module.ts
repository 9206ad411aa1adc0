import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { LoggingModule } from './common/logging.module';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { JobsModule } from './jobs/jobs.module';
import { MaintenanceModule } from './maintenance/maintenance.module';
import { EventsModule } from './events/events.module';
import { ResolutionModule } from './resolution/resolution.module';
import { ImportsModule } from './imports/imports.module';
import { ReviewModule } from './review/review.module';
import { StewardshipModule } from './customers/stewardship.module';
import { ConsoleModule } from './console/console.module';

export type ProcessRole = 'api' | 'worker' | 'cli';

/**
 * The same feature modules serve all three entry points; only who consumes jobs differs.
 * (An application context, as the worker and CLI use, registers no HTTP routes.)
 */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: ProcessRole): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        JobsModule.forRoot(config, { consume: role === 'worker' }),
        AuthModule,
        HealthModule,
        MaintenanceModule,
        EventsModule,
        ResolutionModule,
        ImportsModule,
        StewardshipModule,
        ReviewModule,
        ConsoleModule,
      ],
    };
  }
}
