import { hasUnsafeKey } from '../../common/unsafe-keys';
import { STRUCTURED_ADDRESS_FIELDS } from '../../normalize/customer-record';
import { ResolveRequestDto } from './resolve-request.dto';

/** The longest each text field may be (ResolveRequestDto's @MaxLength / @Length). */
const TEXT_LIMITS: Readonly<Record<string, number>> = {
  name: 200,
  givenName: 100,
  familyName: 100,
  phone: 40,
  email: 254,
  idNumber: 64,
  idType: 40,
  birthDate: 40,
  gender: 20,
};
const LIST_LIMITS: Readonly<Record<string, number>> = { phones: 40, emails: 254 };
const LIST_MAX_ITEMS = 10;
const ADDRESS_TEXT_LIMIT = 500;
const ADDRESS_PART_LIMIT = 200;
const ADDRESS_PARTS: ReadonlySet<string> = new Set(STRUCTURED_ADDRESS_FIELDS);
const KINDS: ReadonlySet<unknown> = new Set(['person', 'organization']);

/**
 * class-validator counts a surrogate pair as one character and variation selectors as none, so a
 * string's JavaScript length is never below its validated length: at most `max` UTF-16 units is
 * surely within the limit. For a minimum of one, a string without variation selectors that is not
 * empty surely has a character.
 */
const surelyWithin = (value: unknown, max: number): boolean =>
  typeof value === 'string' && value.length <= max;
const surelyNonEmpty = (value: string): boolean =>
  value.length > 0 && !/[\uFE0E\uFE0F]/.test(value);

/** An object literal or parsed JSON object (of any realm), not an array or a class instance. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function wellFormedField(key: string, value: unknown): boolean {
  const textLimit = TEXT_LIMITS[key];
  if (textLimit !== undefined) return surelyWithin(value, textLimit);
  const itemLimit = LIST_LIMITS[key];
  if (itemLimit !== undefined) {
    return (
      Array.isArray(value) &&
      value.length <= LIST_MAX_ITEMS &&
      value.every((item) => surelyWithin(item, itemLimit))
    );
  }
  switch (key) {
    case 'source':
      return surelyWithin(value, 64) && surelyNonEmpty(value as string);
    case 'sourceId':
      return surelyWithin(value, 256) && surelyNonEmpty(value as string);
    case 'kind':
      return KINDS.has(value);
    case 'address':
      return (
        surelyWithin(value, ADDRESS_TEXT_LIMIT) ||
        (isPlainObject(value) &&
          Object.entries(value).every(
            ([part, text]) => ADDRESS_PARTS.has(part) && surelyWithin(text, ADDRESS_PART_LIMIT),
          ))
      );
    case 'attributes':
      // Keys such as `constructor` are stripped on the other path (src/common/unsafe-keys.ts).
      return isPlainObject(value) && !hasUnsafeKey(value);
    default:
      return false;
  }
}

/**
 * The request as a ResolveRequestDto when it surely passes the DTO's validation, else undefined:
 * then class-validator must judge it, and its errors are the ones reported.
 *
 * Why: class-transformer and class-validator cost about 65 µs per import row, a tenth of a
 * worker's CPU, for records that are almost always well formed. This check accepts only what they
 * accept (a property test holds it to that): every known field of the right type within its limit,
 * the required ones present, no unknown field, no null, no `__proto__`, `prototype` or `constructor`
 * key inside the attributes.
 */
export function wellFormedResolveRequest(body: unknown): ResolveRequestDto | undefined {
  if (!isPlainObject(body)) return undefined;
  if (body.source === undefined || body.sourceId === undefined || body.kind === undefined) {
    return undefined;
  }
  for (const key of Object.keys(body)) {
    if (!wellFormedField(key, body[key])) return undefined;
  }
  return Object.assign(new ResolveRequestDto(), body);
}
