/** The SQLSTATE of a pg error, directly or wrapped by TypeORM (QueryFailedError.driverError); '' otherwise. */
export function sqlStateOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const code =
    (error as { code?: unknown }).code ??
    (error as { driverError?: { code?: unknown } }).driverError?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : '';
}
