import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ErrorCode } from './error-codes';
import { buildProblem, PROBLEM_CONTENT_TYPE } from './problem-details';

/** body-parser error types → our codes; these errors happen before Nest's filters can see them. */
const PARSER_ERRORS: Record<string, ErrorCode> = {
  'entity.parse.failed': 'MALFORMED_JSON',
  'entity.too.large': 'PAYLOAD_TOO_LARGE',
  'encoding.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
  'charset.unsupported': 'UNSUPPORTED_MEDIA_TYPE',
};

const PARSER_MESSAGES: Partial<Record<ErrorCode, string>> = {
  MALFORMED_JSON: 'The request body is not valid JSON.',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the accepted limit.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body encoding is not supported.',
};

export function configureBodyParsing(app: INestApplication, limitBytes: number): void {
  app.use(express.json({ limit: limitBytes, type: ['application/json', 'application/*+json'] }));
  app.use((error: unknown, request: Request, response: Response, next: NextFunction) => {
    const code = parserErrorCode(error);
    if (code === undefined) {
      next(error);
      return;
    }
    const problem = buildProblem(code, PARSER_MESSAGES[code] ?? 'Bad request body.', {
      instance: request.path,
    });
    response.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  });
}

function parserErrorCode(error: unknown): ErrorCode | undefined {
  if (typeof error !== 'object' || error === null || !('type' in error)) return undefined;
  return typeof error.type === 'string' ? PARSER_ERRORS[error.type] : undefined;
}
