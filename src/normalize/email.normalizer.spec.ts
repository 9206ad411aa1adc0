import fc from 'fast-check';
import { normalizeEmail } from './email.normalizer';

describe('normalizeEmail', () => {
  it.each([
    ['  Zhang.Wei@Example.COM ', 'zhang.wei@example.com'],
    ['mailto:a@b.cn', 'a@b.cn'],
    ['<wei+shop@qq.com>', 'wei+shop@qq.com'],
    ['ｚｈａｎｇ＠ｑｑ．ｃｏｍ', 'zhang@qq.com'],
    ['zhang@163。com', 'zhang@163.com'],
    ["o'brien@example.co.uk", "o'brien@example.co.uk"],
    ['用户@例子.广告', '用户@例子.广告'],
    ['robert255@smith.net', 'robert255@smith.net'],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ value: expected });
  });

  it.each([
    '',
    'not an email',
    'a@b',
    '@example.com',
    'a@@example.com',
    'a..b@example.com',
    '.a@example.com',
    'a@-example.com',
    'a@example.c',
    'a b@example.com',
    'n/a',
  ])('rejects %j', (raw) => {
    expect(normalizeEmail(raw)).toEqual({ issue: 'INVALID_EMAIL' });
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (raw) => {
        const once = normalizeEmail(raw).value;
        if (once) expect(normalizeEmail(once).value).toBe(once);
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void normalizeEmail(raw)));
  });
});
