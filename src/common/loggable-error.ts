import { sqlStateOf } from './sql-state';

/** What an error may put into a log line. */
export interface LoggableError {
  name: string;
  message: string;
  code: string;
  constraint?: string;
  table?: string;
  stack?: string;
}

/**
 * An error as it may be logged. A database error's message, detail, query and parameters can hold
 * the values of the statement (names, phones, id numbers: "Key (source_id)=(...) already
 * exists"), so of those only the SQLSTATE, the constraint and the table are kept, and the stack
 * without its first line (which repeats the message).
 */
export function loggableError(error: unknown): LoggableError {
  if (!(error instanceof Error)) return { name: 'Error', message: 'non-Error thrown', code: '' };
  const code = sqlStateOf(error);
  if (code === '') {
    return { name: error.name, message: error.message, code, stack: error.stack };
  }
  const fields = error as LoggableFields & { driverError?: LoggableFields };
  const driver = fields.driverError ?? fields;
  return {
    name: error.name,
    message: `database error ${code}`,
    code,
    ...(typeof driver.constraint === 'string' ? { constraint: driver.constraint } : {}),
    ...(typeof driver.table === 'string' ? { table: driver.table } : {}),
    stack: error.stack?.split('\n').slice(1).join('\n'),
  };
}

interface LoggableFields {
  constraint?: unknown;
  table?: unknown;
}
