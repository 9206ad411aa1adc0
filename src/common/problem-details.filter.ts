import { loggableError } from './loggable-error';
import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from './domain-error';
import type { ErrorCode } from './error-codes';
import { buildProblem, PROBLEM_CONTENT_TYPE, type ProblemDetails } from './problem-details';

/** Nest's own HTTP exceptions (routing, method) mapped to our codes. */
const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'API_KEY_MISSING',
  403: 'ROLE_REQUIRED',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'SERVICE_UNAVAILABLE',
};

/**
 * Every error leaves as problem+json. Unknown errors become a 500 with an error id that is also
 * logged; the stack and any SQL stay in the log, never in the response.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const problem = this.toProblem(exception, request);
    if (response.headersSent) return;
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, request: Request): ProblemDetails {
    const instance = request.path;
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (exception instanceof DomainError) {
      return buildProblem(exception.code, exception.message, {
        instance,
        errors: exception.errors,
        requestId,
      });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = HTTP_STATUS_CODES[status];
      if (code !== undefined) {
        return buildProblem(code, httpMessage(exception), { instance, requestId });
      }
    }
    const errorId = randomUUID();
    this.logger.error({ err: loggableError(exception), errorId, requestId }, 'Unhandled error');
    return buildProblem(
      'INTERNAL_ERROR',
      'An unexpected error occurred; quote the errorId when reporting it.',
      {
        instance,
        errorId,
        requestId,
      },
    );
  }
}

function httpMessage(exception: HttpException): string {
  const body = exception.getResponse();
  if (
    typeof body === 'object' &&
    body !== null &&
    'message' in body &&
    typeof body.message === 'string'
  ) {
    return body.message;
  }
  return exception.message;
}
