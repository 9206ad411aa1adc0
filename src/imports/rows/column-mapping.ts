import { STRUCTURED_ADDRESS_FIELDS } from '../../normalize/customer-record';
import type { FieldError } from '../../common/domain-error';

/** Record fields a column or key can feed (the body of POST /v1/resolve, without `source`). */
export const RECORD_FIELDS = [
  'sourceId',
  'kind',
  'name',
  'givenName',
  'familyName',
  'phones',
  'phone',
  'emails',
  'email',
  'idNumber',
  'idType',
  'birthDate',
  'gender',
  'address',
  'attributes',
] as const;
export type RecordField = (typeof RECORD_FIELDS)[number];

export const ADDRESS_PARTS = STRUCTURED_ADDRESS_FIELDS;
export type AddressPart = (typeof ADDRESS_PARTS)[number];

/** Several columns may feed these (mobile and landline both into phones); others take one. */
export const LIST_FIELDS: ReadonlySet<RecordField> = new Set(['phones', 'emails']);

export type MappingTarget =
  | { kind: 'field'; field: RecordField }
  | { kind: 'address'; part: AddressPart }
  | { kind: 'attribute'; key: string }
  | { kind: 'ignore' };

/** `-` in a mapping drops a column; so does any column that matches no field. */
export const IGNORE = '-';

/** `header=target` pairs as given with repeated `map` fields or `--map` options. */
export function parseMappingSpecs(specs: readonly string[]): {
  mapping: Record<string, string>;
  errors: FieldError[];
} {
  const mapping: Record<string, string> = {};
  const errors: FieldError[] = [];
  specs.forEach((spec, i) => {
    const field = `map[${i}]`;
    const at = spec.lastIndexOf('=');
    const header = at <= 0 ? '' : spec.slice(0, at).trim();
    const target = at <= 0 ? '' : spec.slice(at + 1).trim();
    if (header === '' || target === '') {
      errors.push({ field, code: 'INVALID_MAPPING', message: 'a mapping is header=field' });
    } else if (header.length > 200) {
      errors.push({
        field,
        code: 'INVALID_MAPPING',
        message: 'the header is longer than 200 characters',
      });
    } else if (parseTarget(target) === undefined) {
      errors.push({
        field,
        code: 'UNKNOWN_FIELD',
        message: `the target must be one of ${RECORD_FIELDS.join(', ')}, address.<part>, attributes.<key> or ${IGNORE}`,
      });
    } else if (header in mapping) {
      errors.push({ field, code: 'DUPLICATE_MAPPING', message: 'this header is mapped twice' });
    } else {
      mapping[header] = target;
    }
  });
  return { mapping, errors };
}

export function parseTarget(target: string): MappingTarget | undefined {
  if (target === IGNORE) return { kind: 'ignore' };
  if ((RECORD_FIELDS as readonly string[]).includes(target)) {
    return { kind: 'field', field: target as RecordField };
  }
  const [head, ...rest] = target.split('.');
  const tail = rest.join('.');
  if (head === 'address' && (ADDRESS_PARTS as readonly string[]).includes(tail)) {
    return { kind: 'address', part: tail as AddressPart };
  }
  if (head === 'attributes' && /^[A-Za-z0-9_\-\u00C0-\uFFFF]{1,64}$/.test(tail)) {
    return { kind: 'attribute', key: tail };
  }
  return undefined;
}

/** given_name, Given Name and GIVENNAME all meet givenName; city and address_city meet address.city. */
function comparable(name: string): string {
  return name.toLowerCase().replace(/[\s_.-]/g, '');
}

const AUTOMATIC = new Map<string, MappingTarget>([
  ...RECORD_FIELDS.map((f): [string, MappingTarget] => [
    comparable(f),
    { kind: 'field', field: f },
  ]),
  ...ADDRESS_PARTS.flatMap((p): [string, MappingTarget][] => [
    [comparable(`address.${p}`), { kind: 'address', part: p }],
    [comparable(p), { kind: 'address', part: p }],
  ]),
]);

/** Where a header (or NDJSON key) goes: its explicit mapping, else the field it names, else nowhere. */
export function targetFor(
  header: string,
  mapping: Readonly<Record<string, string>>,
): MappingTarget {
  const explicit = mapping[header];
  if (explicit !== undefined) return parseTarget(explicit) ?? { kind: 'ignore' };
  return AUTOMATIC.get(comparable(header)) ?? { kind: 'ignore' };
}

/**
 * Checks a CSV header against the mapping before any row is read: every mapped header must
 * exist, no two columns may feed one single-valued field, and sourceId and kind must be fed.
 * Returns the problems (empty when the header can be imported).
 */
export function checkHeader(
  columns: readonly string[],
  mapping: Readonly<Record<string, string>>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const column of columns) {
    if (column !== '' && seen.has(column)) problems.push(`column "${column}" appears twice`);
    seen.add(column);
  }
  for (const header of Object.keys(mapping)) {
    if (!seen.has(header)) problems.push(`mapped column "${header}" is not in the header`);
  }
  const fed = new Map<string, number>();
  for (const column of columns) {
    const target = targetFor(column, mapping);
    const name = targetName(target);
    if (name !== undefined) fed.set(name, (fed.get(name) ?? 0) + 1);
  }
  for (const [name, count] of fed) {
    if (count > 1 && !LIST_FIELDS.has(name as RecordField)) {
      problems.push(`${count} columns map to ${name}`);
    }
  }
  for (const required of ['sourceId', 'kind']) {
    if (!fed.has(required)) problems.push(`no column maps to ${required}`);
  }
  return problems;
}

function targetName(target: MappingTarget): string | undefined {
  switch (target.kind) {
    case 'field':
      return target.field;
    case 'address':
      return `address.${target.part}`;
    case 'attribute':
      return `attributes.${target.key}`;
    case 'ignore':
      return undefined;
  }
}
