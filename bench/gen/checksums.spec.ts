import {
  isValidResidentId,
  isValidUscc,
  orgCodeCheckChar,
  residentIdCheckChar,
  usccCheckChar,
} from './checksums';

describe('resident ID check character (GB 11643 MOD 11-2)', () => {
  it.each([
    // The standard's own example, a widely published specimen, and one worked by hand
    // (weighted sum 222, 222 mod 11 = 2 → X).
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    ['11010119900307803', 'X'],
  ])('computes %s → %s', (body, check) => {
    expect(residentIdCheckChar(body)).toBe(check);
    expect(isValidResidentId(body + check)).toBe(true);
  });

  it.each(['11010519491231002Y', '110105194912310021', '1101051949123100', '11010519491231002x'])(
    'rejects %s',
    (id) => expect(isValidResidentId(id)).toBe(false),
  );
});

describe('USCC check character (GB 32100)', () => {
  it.each([
    // The example in GB 32100-2015 and two codes printed on public business licences.
    ['91350100M000100Y4', '3'],
    ['91440300192203821', '6'],
    ['9144030071526726X', 'G'],
  ])('computes %s → %s', (body, check) => {
    expect(usccCheckChar(body)).toBe(check);
    expect(isValidUscc(body + check)).toBe(true);
  });

  it.each(['91350100M000100Y44', '91350100M000100Y4', '91350100M000100I43'])('rejects %s', (code) =>
    expect(isValidUscc(code)).toBe(false),
  );
});

describe('organisation code check character (GB 11714)', () => {
  it.each([
    // The organisation codes inside the USCC specimens above, and one worked by hand (sum 199 → X).
    ['M000100Y', '4'],
    ['19220382', '1'],
    ['71526726', 'X'],
    ['D2143569', 'X'],
  ])('computes %s → %s', (body, check) => expect(orgCodeCheckChar(body)).toBe(check));
});
