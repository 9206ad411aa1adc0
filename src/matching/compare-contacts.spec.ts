import fc from 'fast-check';
import type { NormalizedPhone, PhoneType } from '../normalize/normalized-record';
import { compareEmails, comparePhones } from './compare-contacts';

const phone = (e164: string, type: PhoneType = 'mobile'): NormalizedPhone => ({
  e164,
  type,
  valid: true,
});
const mobile = phone('+8613812345678');
const landline = phone('+861088886666', 'fixed');
const filler: NormalizedPhone = { ...phone('+8613800000000'), placeholder: true };

describe('comparePhones', () => {
  it.each([
    ['a shared mobile', [mobile], [phone('+8613900000000'), mobile], 'exact'],
    ['only a shared landline (households share it)', [landline, mobile], [landline], 'partial'],
    [
      'a shared number of unknown type',
      [phone('+61299998888', 'unknown')],
      [phone('+61299998888', 'unknown')],
      'exact',
    ],
    ['two mobiles one digit apart', [mobile], [phone('+8613812345679')], 'close'],
    ['two mobiles with swapped digits', [mobile], [phone('+8613812345687')], 'close'],
    [
      'two landlines one digit apart are not a typo match',
      [landline],
      [phone('+861088886667', 'fixed')],
      'different',
    ],
    ['different numbers', [mobile], [phone('+8613900000000')], 'different'],
    [
      'a mobile with a dropped digit (its type lost)',
      [mobile],
      [phone('+861381234567', 'unknown')],
      'close',
    ],
    [
      'two unclassified numbers a digit apart',
      [phone('+61299998888', 'unknown')],
      [phone('+61299998889', 'unknown')],
      'different',
    ],
    ['a placeholder is no phone', [filler], [phone('+8613800000000')], 'missing'],
    [
      'a placeholder next to a real number',
      [filler, mobile],
      [phone('+8613800000000'), phone('+8613900000000')],
      'different',
    ],
    ['none on one side', [], [mobile], 'missing'],
  ])('%s', (_, a, b, level) => {
    expect(comparePhones(a, b)).toBe(level);
    expect(comparePhones(b, a)).toBe(level);
  });

  it.each([
    [
      'a shared landline between organisations is their own',
      [landline],
      [landline, mobile],
      'exact',
    ],
    ['a shared mobile stays exact', [mobile], [mobile], 'exact'],
  ])('%s', (_, a, b, level) => {
    expect(comparePhones(a, b, 'exact')).toBe(level);
    expect(comparePhones(b, a, 'exact')).toBe(level);
  });
});

describe('compareEmails', () => {
  it.each([
    ['a shared address', ['a@x.cn', 'zhang.wei@example.com'], ['zhang.wei@example.com'], 'exact'],
    ['a typo in the mailbox name', ['zhang.wei@example.com'], ['zhang.wie@example.com'], 'close'],
    ['a typo in the domain', ['t.m39@brooks-sawyer.com'], ['t.m39@brooks-sawer.com'], 'close'],
    [
      'same mailbox name at another provider',
      ['zhangwei@qq.com'],
      ['zhangwei@163.com'],
      'different',
    ],
    ['different people', ['li.na@example.com'], ['zhang.wei@example.com'], 'different'],
    ['none on one side', [], ['zhang.wei@example.com'], 'missing'],
  ])('%s', (_, a, b, level) => {
    expect(compareEmails(a, b)).toBe(level);
    expect(compareEmails(b, a)).toBe(level);
  });

  it('is symmetric', () => {
    const email = fc.constantFrom(
      'a.b@x.com',
      'a.c@x.com',
      'a.b@y.com',
      'ab@x.com',
      'zz@x.com',
      'nodomain',
    );
    fc.assert(
      fc.property(fc.array(email, { maxLength: 3 }), fc.array(email, { maxLength: 3 }), (a, b) => {
        expect(compareEmails(a, b)).toBe(compareEmails(b, a));
      }),
    );
  });
});
