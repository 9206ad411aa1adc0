import { DomainError } from './domain-error';

/** Opaque pagination cursors: base64url JSON, validated on the way back in. */
export function encodeCursor(position: Record<string, string>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<K extends string>(
  cursor: string,
  keys: readonly K[],
): Record<K, string> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (keys.every((k) => typeof parsed[k] === 'string' && /^\d+$/.test(parsed[k])))
      return parsed as Record<K, string>;
  } catch {
    // fall through to the error below
  }
  throw new DomainError('INVALID_CURSOR', 'The cursor is not one this service issued.', [
    { field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor is malformed' },
  ]);
}
