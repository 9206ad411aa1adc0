/**
 * Every stable error code the service answers with, and its HTTP status. One exhaustive table:
 * services throw DomainError with a code, the exception filter maps it here.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  INVALID_CURSOR: 400,
  INVALID_CUSTOMER_NUMBER: 400,
  API_KEY_MISSING: 401,
  API_KEY_INVALID: 401,
  ROLE_REQUIRED: 403,
  ROUTE_NOT_FOUND: 404,
  CUSTOMER_NOT_FOUND: 404,
  SOURCE_RECORD_NOT_FOUND: 404,
  REVIEW_NOT_FOUND: 404,
  PIN_NOT_FOUND: 404,
  IMPORT_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REVIEW_ALREADY_DECIDED: 409,
  MERGE_CONFLICT: 409,
  SPLIT_CONFLICT: 409,
  REVIEW_DECISION_NOT_APPLICABLE: 409,
  IMPORT_NOT_CANCELLABLE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NO_IDENTIFYING_FIELD: 422,
  UNPROCESSABLE_RECORD: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ERROR_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
