import { soundex } from './phonetic';

describe('soundex', () => {
  it.each([
    ['robert', 'r163'],
    ['rupert', 'r163'],
    ['ashcraft', 'a261'],
    ['tymczak', 't522'],
    ['pfister', 'p236'],
    ['honeyman', 'h555'],
    ['mccarthy', 'm263'],
    ['MacCarthy', 'm263'],
    ['lee', 'l000'],
    ["o'brien", 'o165'],
    ['', ''],
    ['张伟', ''],
  ])('%s → %s', (name, code) => {
    expect(soundex(name)).toBe(code);
  });
});
