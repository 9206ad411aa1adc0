import fc from 'fast-check';
import { isPlausibleBirthDate, normalizeDate } from './date.normalizer';

const TODAY = new Date('2025-06-01T12:00:00Z');

describe('normalizeDate', () => {
  it.each([
    ['1985-03-02', '1985-03-02'],
    ['1985/3/2', '1985-03-02'],
    ['19850302', '1985-03-02'],
    ['1985年3月2日', '1985-03-02'],
    ['1985年03月02号', '1985-03-02'],
    ['1985.03.02', '1985-03-02'],
    ['１９８５－０３－０２', '1985-03-02'],
    ['1985-03-02T00:00:00Z', '1985-03-02'],
    ['1985-03-02T23:30:00+08:00', '1985-03-02'],
    ['1985/03/02 08:15:00', '1985-03-02'],
    ['02/03/1985', '1985-03-02'],
    ['2.3.1985', '1985-03-02'],
    ['25/12/1985', '1985-12-25'],
    ['12/25/1985', '1985-12-25'],
    ['2 March 1985', '1985-03-02'],
    ['02-Mar-1985', '1985-03-02'],
    ['March 2, 1985', '1985-03-02'],
    ['Sept 9 1985', '1985-09-09'],
    ['2000-02-29', '2000-02-29'],
    ['1900-01-01', '1900-01-01'],
    ['2025-06-01', '2025-06-01'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeDate(raw, { today: TODAY })).toEqual({ value: expected });
  });

  it('reads day and month the US way when told', () => {
    expect(normalizeDate('02/03/1985', { today: TODAY, dayFirst: false })).toEqual({
      value: '1985-02-03',
    });
  });

  it.each([
    ['1985-02-30', 'no 30 February'],
    ['1900-02-29', '1900 is not a leap year'],
    ['1985-13-01', 'no month 13'],
    ['1985-00-10', 'no month 0'],
    ['1899-12-31', 'before 1900'],
    ['2025-06-02', 'after today'],
    ['1985-03', 'no day'],
    ['850302', 'two-digit year'],
    ['13/13/1985', 'neither order works'],
    ['2 Smarch 1985', 'no such month'],
    ['yesterday', 'not a date'],
    ['', 'empty'],
  ])('rejects %s (%s)', (raw) => {
    expect(normalizeDate(raw, { today: TODAY })).toEqual({ issue: 'INVALID_DATE' });
  });

  it('is idempotent on its output', () => {
    const day = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: TODAY, noInvalidDate: true });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const compact = iso.replace(/-/gu, '');
        expect(normalizeDate(compact, { today: TODAY })).toEqual({ value: iso });
        expect(normalizeDate(iso, { today: TODAY })).toEqual({ value: iso });
      }),
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (raw) => void normalizeDate(raw)));
  });
});

describe('isPlausibleBirthDate', () => {
  it.each([
    [{ year: 2024, month: 2, day: 29 }, true],
    [{ year: 2023, month: 2, day: 29 }, false],
    [{ year: 1985, month: 4, day: 31 }, false],
    [{ year: 1985, month: 12, day: 31 }, true],
  ])('%j → %s', (date, expected) => {
    expect(isPlausibleBirthDate(date, TODAY)).toBe(expected);
  });
});
