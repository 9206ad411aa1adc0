import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { stripUnsafeKeys } from '../../common/unsafe-keys';
import { flattenValidationErrors } from '../../common/validation';
import type { CustomerRecordInput } from '../../normalize/customer-record';
import { ResolveRequestDto, toRecordInput } from '../../resolution/dto/resolve-request.dto';
import { wellFormedResolveRequest } from '../../resolution/dto/well-formed-record';
import type { FileRecord } from '../readers/file-records';
import { LIST_FIELDS, type MappingTarget, targetFor } from './column-mapping';

/** One problem with a row. Messages name fields and rules, never the row's values. */
export interface RowError {
  field: string | null;
  code: string;
  message: string;
}

export type ParsedRow =
  | { row: number; line: number; input: CustomerRecordInput }
  | { row: number; line: number; errors: RowError[] };

/** Splits a CSV list cell: `138…;139…`, `a@x.cn|b@y.cn`, Chinese enumeration marks too. */
const LIST_SEPARATORS = /[;|,，；、]/;

/**
 * Turns file records into resolve inputs: maps columns (or keys) to record fields, sets the
 * import's source, and validates against the same DTO as POST /v1/resolve, so a row gets the
 * same field errors the API would answer with.
 */
export class RowParser {
  private readonly columnTargets: MappingTarget[];

  constructor(
    private readonly format: 'csv' | 'ndjson',
    private readonly source: string,
    private readonly mapping: Readonly<Record<string, string>>,
    columns: readonly string[] = [],
  ) {
    this.columnTargets = columns.map((c) => targetFor(c, mapping));
  }

  async parse(record: FileRecord): Promise<ParsedRow> {
    const { row, line } = record;
    if (record.problem !== undefined) {
      return { row, line, errors: [{ field: null, ...record.problem }] };
    }
    const body =
      this.format === 'csv' ? this.fromCsv(record.fields ?? []) : this.fromJson(record.text ?? '');
    if ('errors' in body) return { row, line, errors: body.errors };
    const wellFormed = wellFormedResolveRequest(body.value);
    if (wellFormed !== undefined) return { row, line, input: toRecordInput(wellFormed) };
    // As the API's validation pipe does: class-transformer throws on some of these keys, and one
    // row must never stop the others.
    stripUnsafeKeys(body.value);
    const dto = plainToInstance(ResolveRequestDto, body.value);
    const problems = await validate(dto, {
      whitelist: true,
      forbidNonWhitelisted: true,
      validationError: { target: false, value: false },
    });
    if (problems.length > 0) return { row, line, errors: flattenValidationErrors(problems) };
    return { row, line, input: toRecordInput(dto) };
  }

  private fromCsv(fields: readonly string[]): Body {
    if (fields.some((f) => f.includes('\uFFFD'))) return INVALID_UTF8;
    const value: Record<string, unknown> = {};
    fields.forEach((raw, i) => {
      const cell = raw.trim();
      const target = this.columnTargets[i];
      if (cell === '' || target === undefined) return;
      place(value, target, cell, true);
    });
    value.source = this.source;
    return { value };
  }

  private fromJson(text: string): Body {
    if (text.includes('\uFFFD')) return INVALID_UTF8;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      // The parser's message quotes the text, which may be personal data.
      return {
        errors: [{ field: null, code: 'INVALID_JSON', message: 'The line is not valid JSON.' }],
      };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        errors: [{ field: null, code: 'NOT_AN_OBJECT', message: 'The line is not a JSON object.' }],
      };
    }
    const value: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(parsed)) {
      if (v !== undefined) place(value, targetFor(key, this.mapping), v, false);
    }
    value.source = this.source;
    return { value };
  }
}

type Body = { value: Record<string, unknown> } | { errors: RowError[] };

const INVALID_UTF8: Body = {
  errors: [{ field: null, code: 'INVALID_UTF8', message: 'The row is not valid UTF-8 text.' }],
};

function place(
  body: Record<string, unknown>,
  target: MappingTarget,
  value: unknown,
  csv: boolean,
): void {
  switch (target.kind) {
    case 'ignore':
      return;
    case 'field':
      if (csv && LIST_FIELDS.has(target.field)) {
        const items = String(value)
          .split(LIST_SEPARATORS)
          .map((s) => s.trim())
          .filter((s) => s !== '');
        body[target.field] = [...((body[target.field] as string[] | undefined) ?? []), ...items];
      } else if (target.field === 'address' && isObject(body.address)) {
        // Parts from other columns were placed first: the free text becomes the first line.
        body.address = { line1: value, ...body.address };
      } else {
        body[target.field] = value;
      }
      return;
    case 'address': {
      const address = body.address;
      const base = isObject(address)
        ? address
        : typeof address === 'string'
          ? { line1: address }
          : {};
      body.address = { ...base, [target.part]: value };
      return;
    }
    case 'attribute': {
      const attributes = isObject(body.attributes) ? body.attributes : {};
      body.attributes = { ...attributes, [target.key]: value };
      return;
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
