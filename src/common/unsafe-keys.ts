/**
 * Keys that can reach an object's prototype when a parsed body is copied or transformed. Nest's
 * ValidationPipe deletes them from request bodies before class-transformer sees them; import rows
 * and the well-formed shortcut follow the same rule, so a record is read alike on every path.
 */
const UNSAFE_KEYS: readonly string[] = ['__proto__', 'prototype', 'constructor'];

function isObjectLike(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Whether `value` or anything inside it has an own key in UNSAFE_KEYS. */
export function hasUnsafeKey(value: unknown): boolean {
  if (!isObjectLike(value)) return false;
  if (!Array.isArray(value) && UNSAFE_KEYS.some((key) => Object.hasOwn(value, key))) return true;
  return Object.values(value).some(hasUnsafeKey);
}

/** Deletes UNSAFE_KEYS wherever they are own keys inside `value` (in place). */
export function stripUnsafeKeys(value: unknown): void {
  if (!isObjectLike(value)) return;
  if (!Array.isArray(value)) for (const key of UNSAFE_KEYS) delete value[key];
  for (const item of Object.values(value)) stripUnsafeKeys(item);
}
