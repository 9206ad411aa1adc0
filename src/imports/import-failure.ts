/** Why a whole import failed (the file as a whole, not one row). Stored on the import. */
export type ImportFailureCode =
  | 'IMPORT_FILE_MISSING'
  | 'IMPORT_FILE_EMPTY'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_HEADER_INVALID'
  | 'IMPORT_CHUNK_FAILED'
  | 'IMPORT_NOT_QUEUED';

/** Thrown by planning and chunk processing when the file cannot be read at all. */
export class ImportFailure extends Error {
  constructor(
    readonly code: ImportFailureCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportFailure';
  }
}
