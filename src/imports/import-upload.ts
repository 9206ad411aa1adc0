import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { DomainError } from '../common/domain-error';
import type { ImportRequest } from './import-request';
import type { ImportStorage } from './import-storage';

export interface ReceivedUpload {
  request: ImportRequest;
  bytes: number;
}

const KNOWN_FIELDS = new Set(['source', 'format', 'map']);

/**
 * Streams a multipart upload: the part named `file` goes straight to storage (never into
 * memory, so files of several GB work), the fields `source`, `format` and repeated `map` are
 * collected whatever their order. On any problem the stored file is removed again.
 */
export async function receiveUpload(
  request: IncomingMessage,
  storage: ImportStorage,
  importId: string,
): Promise<ReceivedUpload> {
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the file as multipart/form-data, in a part named "file".',
    );
  }
  const fields = new Map<string, string[]>();
  let file:
    { fileName: string; mimeType: string; stream: Readable; saved: Promise<number> } | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const parser = busboy({
        headers: request.headers,
        limits: { files: 1, fields: 200, fieldSize: 4096, parts: 201 },
      });
      parser.on('file', (name, stream, info) => {
        if (name !== 'file' || file !== undefined) {
          stream.resume();
          return;
        }
        const saved = storage.save(importId, stream);
        // Awaited below; this only keeps an early failure from being reported as unhandled.
        saved.catch(() => undefined);
        file = { fileName: info.filename ?? '', mimeType: info.mimeType, stream, saved };
      });
      parser.on('field', (name, value) => fields.set(name, [...(fields.get(name) ?? []), value]));
      parser.on('filesLimit', () => reject(malformed('Send one file per import.')));
      parser.on('fieldsLimit', () => reject(malformed('Too many form fields.')));
      parser.on('partsLimit', () => reject(malformed('Too many form parts.')));
      parser.on('error', () => reject(malformed('The multipart body is malformed or incomplete.')));
      parser.on('close', resolve);
      request.on('aborted', () => reject(malformed('The upload was interrupted.')));
      request.pipe(parser);
    });
    if (file === undefined) {
      throw new DomainError('VALIDATION_FAILED', 'The request has invalid fields.', [
        {
          field: 'file',
          code: 'IS_NOT_EMPTY',
          message: 'a part named "file" with the file is required',
        },
      ]);
    }
    const bytes = await file.saved;
    return { request: toRequest(fields, file), bytes };
  } catch (error) {
    // Stop writing at once (the client may still be sending) and drop what was written.
    request.unpipe();
    request.resume();
    file?.stream.destroy();
    await file?.saved.catch(() => undefined);
    await storage.remove(importId);
    if (error instanceof DomainError) throw error;
    if (error instanceof Error && /boundary/i.test(error.message)) {
      throw malformed('The multipart Content-Type has no boundary.');
    }
    throw error;
  }
}

function toRequest(
  fields: Map<string, string[]>,
  file: { fileName: string; mimeType: string },
): ImportRequest {
  const unknown = [...fields.keys()].filter((name) => !KNOWN_FIELDS.has(name));
  const single = ['source', 'format'].filter((name) => (fields.get(name)?.length ?? 0) > 1);
  if (unknown.length > 0 || single.length > 0) {
    throw new DomainError('VALIDATION_FAILED', 'The request has invalid fields.', [
      ...unknown.map((name) => ({
        field: name.slice(0, 100),
        code: 'UNKNOWN_FIELD',
        message: `only file, ${[...KNOWN_FIELDS].join(', ')} are accepted`,
      })),
      ...single.map((name) => ({
        field: name,
        code: 'NOT_REPEATABLE',
        message: `give ${name} once`,
      })),
    ]);
  }
  return {
    source: fields.get('source')?.[0],
    format: fields.get('format')?.[0],
    maps: fields.get('map') ?? [],
    fileName: file.fileName,
    mimeType: file.mimeType,
  };
}

function malformed(detail: string): DomainError {
  return new DomainError('VALIDATION_FAILED', detail, [
    { field: 'file', code: 'MALFORMED_MULTIPART', message: detail },
  ]);
}
