import { Module } from '@nestjs/common';
import { ConsoleController } from './console.controller';

/** The data steward's web console at /console: static files calling the API with the steward's key. */
@Module({ controllers: [ConsoleController] })
export class ConsoleModule {}
