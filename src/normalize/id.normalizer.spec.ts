import fc from 'fast-check';
import type { NormalizedId } from './normalized-record';
import {
  idTypeFromHint,
  normalizeId,
  residentCheckChar,
  upgradeResidentId,
  usccCheckChar,
} from './id.normalizer';

const TODAY = new Date('2025-06-01T00:00:00Z');

describe('normalizeId: resident IDs', () => {
  it.each<[string, string | undefined, NormalizedId]>([
    [
      '11010519491231002X',
      undefined,
      {
        type: 'cn_resident',
        value: '11010519491231002X',
        valid: true,
        birthDate: '1949-12-31',
        gender: 'F',
        divisionCode: '110105',
      },
    ],
    [
      '11010519491231002x',
      '身份证',
      {
        type: 'cn_resident',
        value: '11010519491231002X',
        valid: true,
        birthDate: '1949-12-31',
        gender: 'F',
        divisionCode: '110105',
      },
    ],
    [
      '320102 19850302 4514',
      'resident',
      {
        type: 'cn_resident',
        value: '320102198503024514',
        valid: true,
        birthDate: '1985-03-02',
        gender: 'M',
        divisionCode: '320102',
      },
    ],
    [
      '310115200002290021',
      undefined,
      {
        type: 'cn_resident',
        value: '310115200002290021',
        valid: true,
        birthDate: '2000-02-29',
        gender: 'F',
        divisionCode: '310115',
      },
    ],
    [
      '１１０１０５４９１２３１００２',
      undefined,
      {
        type: 'cn_resident',
        value: '11010519491231002X',
        valid: true,
        birthDate: '1949-12-31',
        gender: 'F',
        divisionCode: '110105',
      },
    ],
  ])('%s (%s)', (raw, hint, expected) => {
    expect(normalizeId(raw, hint, TODAY)).toEqual({ value: expected });
  });

  it.each([
    ['110105194912310021', 'ID_CHECKSUM_MISMATCH'],
    ['440305199002301239', 'ID_INVALID_BIRTH_DATE'],
    ['110105203001011231', 'ID_INVALID_BIRTH_DATE'],
    ['110105189001011233', 'ID_INVALID_BIRTH_DATE'],
    ['000000000000000000', 'PLACEHOLDER_ID'],
  ])('keeps %s as invalid with %s', (raw, issue) => {
    const result = normalizeId(raw, 'resident', TODAY);
    expect(result.issue).toBe(issue);
    expect(result.value).toMatchObject({ type: 'cn_resident', value: raw, valid: false });
  });

  it('keeps a resident ID of the wrong length as invalid when the type says resident', () => {
    expect(normalizeId('44030519900101123', '居民身份证', TODAY)).toEqual({
      value: { type: 'cn_resident', value: '44030519900101123', valid: false },
      issue: 'INVALID_ID_FORMAT',
    });
  });
});

describe('normalizeId: unified social credit codes', () => {
  it.each([
    ['91350100M000100Y43', undefined],
    ['91350100m000100y43', '统一社会信用代码'],
    ['9144 0300 MA5D C123 41', 'uscc'],
    ['91110000600037341L', undefined],
  ])('%s (%s) is valid', (raw, hint) => {
    expect(normalizeId(raw, hint, TODAY).value).toMatchObject({ type: 'cn_uscc', valid: true });
  });

  it('derives the division code', () => {
    expect(normalizeId('91350100M000100Y43').value?.divisionCode).toBe('350100');
  });

  it.each([
    ['91350100M000100Y42', 'ID_CHECKSUM_MISMATCH'],
    ['91350100M000100YI3', 'INVALID_ID_FORMAT'],
    ['ABC', 'INVALID_ID_FORMAT'],
  ])('keeps %s as invalid with %s', (raw, issue) => {
    const result = normalizeId(raw, 'uscc');
    expect(result.issue).toBe(issue);
    expect(result.value).toMatchObject({ type: 'cn_uscc', valid: false });
  });
});

describe('normalizeId: other types and detection', () => {
  it.each<[string, string | undefined, Pick<NormalizedId, 'type' | 'value' | 'valid'>]>([
    [
      '110105491231002',
      undefined,
      { type: 'cn_resident', value: '11010519491231002X', valid: true },
    ],
    ['E12345678', undefined, { type: 'passport', value: 'E12345678', valid: true }],
    ['g1234 5678', undefined, { type: 'passport', value: 'G12345678', valid: true }],
    ['e12345678', '护照', { type: 'passport', value: 'E12345678', valid: true }],
    ['6988048', undefined, { type: 'other', value: '6988048', valid: true }],
    ['123-45-6789', 'ssn', { type: 'other', value: '123456789', valid: true }],
    ['AB 12 34 56 C', 'National Insurance', { type: 'other', value: 'AB123456C', valid: true }],
    ['123456789012345', undefined, { type: 'other', value: '123456789012345', valid: true }],
  ])('%s (%s)', (raw, hint, expected) => {
    expect(normalizeId(raw, hint, TODAY).value).toMatchObject(expected);
  });

  it('detects an 18-digit value failing both checksums as a resident ID', () => {
    expect(normalizeId('440305199001011234', undefined, TODAY)).toMatchObject({
      value: { type: 'cn_resident', valid: false },
      issue: 'ID_CHECKSUM_MISMATCH',
    });
  });

  it.each(['N/A', '无', 'null', 'Unknown'])('treats %s as no ID', (raw) => {
    expect(normalizeId(raw)).toEqual({});
  });

  it.each(['---', '   ', '***'])('reports %j as unusable', (raw) => {
    expect(normalizeId(raw)).toEqual({ issue: 'INVALID_ID_FORMAT' });
  });

  it('flags a repeated character as a placeholder', () => {
    expect(normalizeId('0000000', 'passport')).toMatchObject({
      issue: 'PLACEHOLDER_ID',
      value: { valid: false },
    });
  });
});

describe('checksums and hints', () => {
  it.each([
    ['11010519491231002', 'X'],
    ['32010219850302451', '4'],
    ['44030519900101123', 'X'],
  ])('resident check character of %s is %s', (first17, check) => {
    expect(residentCheckChar(first17)).toBe(check);
  });

  it.each([
    ['91350100M000100Y4', '3'],
    ['91110000600037341', 'L'],
  ])('USCC check character of %s is %s', (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it('upgrades a 15-digit resident ID', () => {
    expect(upgradeResidentId('110105491231002')).toBe('11010519491231002X');
  });

  it.each([
    ['resident', 'cn_resident'],
    ['ID_CARD', 'cn_resident'],
    ['身份证', 'cn_resident'],
    ['USCC', 'cn_uscc'],
    ['统一社会信用代码', 'cn_uscc'],
    ['Passport', 'passport'],
    ['ssn', 'other'],
    ['', undefined],
    [undefined, undefined],
  ])('hint %j → %s', (hint, type) => {
    expect(idTypeFromHint(hint)).toBe(type);
  });
});

describe('normalizeId properties', () => {
  it('is idempotent on the canonical value with the detected type', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), (raw) => {
        const once = normalizeId(raw, undefined, TODAY);
        if (once.value) expect(normalizeId(once.value.value, undefined, TODAY)).toEqual(once);
      }),
    );
  });

  it('always accepts a valid resident ID built from its own check digit', () => {
    const first17 = fc.stringMatching(
      /^[1-6]\d{5}(?:19[5-9]\d|200\d)(?:0[1-9]|1[0-2])(?:0[1-9]|1\d|2[0-8])\d{3}$/u,
    );
    fc.assert(
      fc.property(first17, (digits) => {
        const id = normalizeId(digits + residentCheckChar(digits), undefined, TODAY);
        expect(id.value).toMatchObject({ type: 'cn_resident', valid: true });
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.string()), (raw, hint) => {
        normalizeId(raw, hint ?? undefined, TODAY);
      }),
    );
  });
});
