import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import { JobHandlers } from '../jobs/job-handlers';

/** Jobs that keep the pipeline observable. */
@Module({})
export class MaintenanceModule implements OnModuleInit {
  private readonly logger = new Logger('Maintenance');

  constructor(private readonly handlers: JobHandlers) {}

  onModuleInit(): void {
    this.handlers.register('maintenance.ping', ({ token }) => {
      this.logger.log({ token }, 'Ping job processed');
      return Promise.resolve();
    });
  }
}
