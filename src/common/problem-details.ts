import { ERROR_STATUS, ERROR_TITLES, type ErrorCode } from './error-codes';
import type { FieldError } from './domain-error';

/** RFC 9457 problem details, extended with a stable `code`, the bad fields and the error id. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  errorId?: string;
  requestId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function buildProblem(
  code: ErrorCode,
  detail: string,
  extra: Partial<Pick<ProblemDetails, 'instance' | 'errors' | 'errorId' | 'requestId'>> = {},
): ProblemDetails {
  const status = ERROR_STATUS[code];
  const problem: ProblemDetails = {
    type: `urn:customer-mdm:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: ERROR_TITLES[status] ?? 'Error',
    status,
    code,
    detail,
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) {
      (problem as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return problem;
}
