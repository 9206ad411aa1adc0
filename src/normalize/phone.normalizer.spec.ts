import fc from 'fast-check';
import type { NormalizedPhone } from './normalized-record';
import { isPlaceholderNumber, normalizePhone } from './phone.normalizer';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

describe('normalizePhone: valid numbers', () => {
  it.each<[string, string, NormalizedPhone['type']]>([
    ['+86 138-1234-5678', '+8613812345678', 'mobile'],
    ['13812345678', '+8613812345678', 'mobile'],
    ['008613812345678', '+8613812345678', 'mobile'],
    ['86-13812345678', '+8613812345678', 'mobile'],
    ['１３８１２３４５６７８', '+8613812345678', 'mobile'],
    ['手机：13812345678', '+8613812345678', 'mobile'],
    ['(010) 8888 6666', '+861088886666', 'fixed'],
    ['010-88886666 ext 123', '+861088886666', 'fixed'],
    ['010-88886666转123', '+861088886666', 'fixed'],
    ['010-88886666 分机 123', '+861088886666', 'fixed'],
    ['+86 (0)10 8888 6666', '+861088886666', 'fixed'],
    ['0755-86013388', '+8675586013388', 'fixed'],
    ['400-810-8888', '+864008108888', 'unknown'],
    ['+852 9123 4567', '+85291234567', 'mobile'],
    ['+44 20 7946 0958', '+442079460958', 'fixed'],
    ['+1 650 253 0000', '+16502530000', 'unknown'],
  ])('%s → %s (%s)', (raw, e164, type) => {
    expect(normalizePhone(raw)).toEqual({ value: { e164, type, valid: true } });
  });
});

describe('normalizePhone: kept as invalid', () => {
  it.each([
    ['13800000000', 'PLACEHOLDER_PHONE'],
    ['11111111111', 'PLACEHOLDER_PHONE'],
    ['12345678901', 'PLACEHOLDER_PHONE'],
    ['13800138000', 'PLACEHOLDER_PHONE'],
    ['1381234567', 'IMPLAUSIBLE_PHONE'],
    ['02 9876 5432', 'IMPLAUSIBLE_PHONE'],
  ])('%s → %s', (raw, issue) => {
    const result = normalizePhone(raw);
    expect(result.issue).toBe(issue);
    expect(result.value?.valid).toBe(false);
    // Only filler is marked as such: an implausible number may still be a customer's mistyped one.
    expect(result.value?.placeholder).toBe(issue === 'PLACEHOLDER_PHONE' ? true : undefined);
  });

  it('uses another default region when told', () => {
    expect(normalizePhone('02 9876 5432', 'AU').value).toEqual({
      e164: '+61298765432',
      type: 'fixed',
      valid: true,
    });
  });
});

describe('normalizePhone: dropped', () => {
  it.each(['', '   ', 'abc', '123', '+', '95588', 'x'.repeat(200)])('%j is unparseable', (raw) => {
    expect(normalizePhone(raw)).toEqual({ issue: 'INVALID_PHONE' });
  });
});

describe('isPlaceholderNumber', () => {
  it.each([
    ['13800000000', true],
    ['19999999999', true],
    ['1234567890', true],
    ['9876543210', true],
    ['13812345678', false],
    ['1088886666', false],
  ])('%s → %s', (national, expected) => {
    expect(isPlaceholderNumber(national)).toBe(expected);
  });
});

describe('normalizePhone properties', () => {
  it('is idempotent on E.164', () => {
    const mobile = fc.stringMatching(/^1[3-9]\d{9}$/u);
    fc.assert(
      fc.property(mobile, (raw) => {
        const once = normalizePhone(raw).value;
        if (once) expect(normalizePhone(once.e164).value).toEqual(once);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void normalizePhone(raw)));
  });
});

describe('normalizePhone: validity', () => {
  it("agrees with libphonenumber's isValid() for any digits, Chinese or international", () => {
    const digits = fc.stringMatching(/^\+?[0-9]{3,15}$/);
    fc.assert(
      fc.property(digits, (text) => {
        const parsed = parsePhoneNumberFromString(text, 'CN');
        const result = normalizePhone(text);
        if (parsed === undefined || !parsed.isPossible() || result.value?.placeholder) return;
        expect(result.value?.valid).toBe(parsed.isValid());
      }),
      { numRuns: 2000 },
    );
  });
});
