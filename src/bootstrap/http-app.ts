import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../config/app-config';
import { configureBodyParsing } from '../common/body-parsing';
import { configureOpenApi } from '../common/openapi';
import { ProblemDetailsFilter } from '../common/problem-details.filter';
import { createValidationPipe } from '../common/validation';
import { ResolveRequestDto } from '../resolution/dto/resolve-request.dto';
import { wellFormedResolveRequest } from '../resolution/dto/well-formed-record';

/** The HTTP application exactly as main.ts runs it; tests build it through here too. */
export async function createHttpApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, 'api'), {
    bodyParser: false,
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  configureBodyParsing(app, config.bodyLimitBytes);
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(
    createValidationPipe(new Map([[ResolveRequestDto, wellFormedResolveRequest]])),
  );
  configureOpenApi(app);
  app.enableShutdownHooks();
  return app;
}
