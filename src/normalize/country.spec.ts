import { canonicalCountry } from './country';

describe('canonicalCountry', () => {
  it.each([
    ['中国', 'CN'],
    ['China', 'CN'],
    ['P.R.C.', 'CN'],
    ['cn', 'CN'],
    ['香港', 'HK'],
    ['Hong Kong', 'HK'],
    ['Australia', 'AU'],
    ['UK', 'GB'],
    ['nz', 'NZ'],
    ['Atlantis', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%j → %s', (value, expected) => {
    expect(canonicalCountry(value)).toBe(expected);
  });
});
