import type { ErrorCode } from './error-codes';

/** One bad field: its path in the request (`phones[1]`, `address.city`), a code and a message. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * The only error services throw on purpose. It carries a stable code and never personal data
 * (messages name fields, never their values), so it is safe in logs, job results and responses.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
