import fc from 'fast-check';
import type { IdType, NormalizedId } from '../normalize/normalized-record';
import { compareBirthDates, compareGenders, compareIds } from './compare-identity';

const id = (type: IdType, value: string, valid = true): NormalizedId => ({ type, value, valid });
const resident = id('cn_resident', '11010519491231002X');

describe('compareIds', () => {
  it.each([
    ['the same valid resident ID (decisive)', resident, resident, 'exact', true],
    [
      'two different valid resident IDs (cannot be a typo)',
      resident,
      id('cn_resident', '110105194912310038'),
      'different',
      true,
    ],
    [
      'a valid and a mistyped resident ID',
      resident,
      id('cn_resident', '11010519491231003X', false),
      'close',
      false,
    ],
    [
      'the same invalid resident ID',
      id('cn_resident', '110105194912310039', false),
      id('cn_resident', '110105194912310039', false),
      'exact',
      false,
    ],
    [
      'the same ID without checksum',
      id('other', '1804974'),
      id('other', '1804974'),
      'exact',
      false,
    ],
    [
      'an ID without checksum one digit off',
      id('other', '1804974'),
      id('other', '1804975'),
      'close',
      false,
    ],
    [
      'IDs without checksum with swapped digits',
      id('other', '1804974'),
      id('other', '1809474'),
      'close',
      false,
    ],
    [
      'different IDs without checksum',
      id('other', '1804974'),
      id('other', '6089216'),
      'different',
      false,
    ],
    [
      'different ID types are not compared',
      resident,
      id('passport', 'E12345678'),
      'missing',
      false,
    ],
    ['no ID on one side', resident, undefined, 'missing', false],
  ])('%s', (_, a, b, level, verified) => {
    expect(compareIds(a, b)).toEqual({ level, verified });
    expect(compareIds(b, a)).toEqual({ level, verified });
  });
});

describe('compareBirthDates', () => {
  it.each([
    ['1985-03-02', '1985-03-02', 'exact'],
    ['1985-03-02', '1985-03-05', 'close'], // one digit
    ['1985-03-02', '1958-03-02', 'close'], // swapped digits
    ['1957-12-04', '1957-10-24', 'close'], // swapped digits across the month/day boundary
    ['1985-03-02', '1985-02-03', 'close'], // day and month swapped
    ['1985-03-02', '1985-03-28', 'partial'], // same month
    ['2009-12-21', '2010-01-20', 'partial'], // a month apart
    ['1976-09-15', '1977-09-15', 'close'], // year one digit off
    ['1985-03-02', '1990-07-12', 'different'],
    ['1960-05-01', '1990-07-12', 'different'],
    [undefined, '1990-07-12', 'missing'],
  ])('%s vs %s → %s', (a, b, level) => {
    expect(compareBirthDates(a, b)).toBe(level);
    expect(compareBirthDates(b, a)).toBe(level);
  });

  it('is symmetric', () => {
    const date = fc
      .date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(compareBirthDates(a, b)).toBe(compareBirthDates(b, a));
      }),
    );
  });
});

describe('compareGenders', () => {
  it.each([
    ['M', 'M', 'exact'],
    ['M', 'F', 'different'],
    [undefined, 'F', 'missing'],
  ] as const)('%s vs %s → %s', (a, b, level) => {
    expect(compareGenders(a, b)).toBe(level);
  });
});
