import { extname } from 'node:path';
import { DomainError, type FieldError } from '../common/domain-error';
import { IMPORT_FORMATS, type ImportFormat } from './import.entity';
import { parseMappingSpecs } from './rows/column-mapping';

/** What a caller asks for besides the file: the same for the upload and the CLI. */
export interface ImportRequest {
  source?: string;
  format?: string;
  maps: string[];
  fileName: string;
  mimeType?: string;
}

export interface ValidImportRequest {
  source: string;
  format: ImportFormat;
  mapping: Record<string, string>;
  fileName: string;
}

const EXTENSIONS: Record<string, ImportFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.txt': 'csv',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.json': 'ndjson',
};

const MIME_TYPES: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'text/tab-separated-values': 'csv',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'application/jsonl': 'ndjson',
  'application/json-lines': 'ndjson',
};

/** Same source rule as POST /v1/resolve; the format is given, or told by the name or type. */
export function validateImportRequest(request: ImportRequest): ValidImportRequest {
  const errors: FieldError[] = [];
  const source = request.source?.trim() ?? '';
  if (source.length < 1 || source.length > 64) {
    errors.push({ field: 'source', code: 'IS_LENGTH', message: 'source must be 1-64 characters' });
  }
  const format = formatOf(request);
  if (format === undefined) {
    errors.push(
      request.format === undefined
        ? {
            field: 'format',
            code: 'IS_NOT_EMPTY',
            message: 'format (csv or ndjson) cannot be told from the file name or type; give it',
          }
        : {
            field: 'format',
            code: 'IS_IN',
            message: `format must be one of ${IMPORT_FORMATS.join(', ')}`,
          },
    );
  }
  const { mapping, errors: mappingErrors } = parseMappingSpecs(request.maps);
  errors.push(...mappingErrors);
  if (errors.length > 0 || format === undefined) {
    throw new DomainError('VALIDATION_FAILED', 'The import request has invalid fields.', errors);
  }
  return { source, format, mapping, fileName: request.fileName.slice(0, 255) || 'upload' };
}

function formatOf(request: ImportRequest): ImportFormat | undefined {
  if (request.format !== undefined) {
    const given = request.format.trim().toLowerCase();
    return (IMPORT_FORMATS as readonly string[]).includes(given)
      ? (given as ImportFormat)
      : undefined;
  }
  const byName = EXTENSIONS[extname(request.fileName).toLowerCase()];
  if (byName !== undefined) return byName;
  const mime = request.mimeType?.split(';')[0].trim().toLowerCase();
  return mime === undefined ? undefined : MIME_TYPES[mime];
}
