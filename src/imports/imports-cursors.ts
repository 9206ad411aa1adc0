import { decodeCursor, encodeCursor } from '../common/cursor';
import { DomainError } from '../common/domain-error';
import type { StoredRowError } from './import-chunks.repository';
import type { ListPosition } from './imports.repository';

export function encodeErrorsCursor(last: Pick<StoredRowError, 'row' | 'seq'>): string {
  return encodeCursor({ row: String(last.row), seq: String(last.seq) });
}

export function decodeErrorsCursor(cursor: string): { row: number; seq: number } {
  const { row, seq } = decodeCursor(cursor, ['row', 'seq']);
  return { row: Number(row), seq: Number(seq) };
}

/** Imports are listed by creation time and id (a uuid, which the shared numeric cursor cannot carry). */
export function encodeListCursor(last: ListPosition): string {
  return Buffer.from(JSON.stringify({ t: last.createdAtExact, id: last.id })).toString('base64url');
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeListCursor(cursor: string): ListPosition {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (
      typeof parsed.t === 'string' &&
      TIMESTAMP.test(parsed.t) &&
      typeof parsed.id === 'string' &&
      UUID.test(parsed.id)
    ) {
      return { createdAtExact: parsed.t, id: parsed.id };
    }
  } catch {
    // fall through to the error below
  }
  throw new DomainError('INVALID_CURSOR', 'The cursor is not one this service issued.', [
    { field: 'cursor', code: 'INVALID_CURSOR', message: 'cursor is malformed' },
  ]);
}
