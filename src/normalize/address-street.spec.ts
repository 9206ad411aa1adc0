import {
  canonicalStreet,
  parseChineseStreet,
  parseWesternLine,
  type StreetParts,
} from './address-street';

describe('parseChineseStreet', () => {
  it.each<[string, StreetParts]>([
    ['深南大道10000号腾讯大厦', { street: '深南大道', number: '10000', detail: '腾讯大厦' }],
    ['科技园南区深南大道10000号', { before: '科技园南区', street: '深南大道', number: '10000' }],
    [
      '建国路88号soho现代城5号楼1201室',
      { street: '建国路', number: '88', detail: 'soho现代城5号楼1201室' },
    ],
    ['陆家嘴环路1000号', { street: '陆家嘴环路', number: '1000' }],
    ['粤海街道科技南路16号', { before: '粤海街道', street: '科技南路', number: '16' }],
    ['中关村大街27号', { street: '中关村大街', number: '27' }],
    ['南锣鼓巷8号', { street: '南锣鼓巷', number: '8' }],
    ['富强胡同甲6号', { street: '富强胡同', number: '甲6' }],
    ['德辅道中100号', { street: '德辅道中', number: '100' }],
    ['长乐路1-3号', { street: '长乐路', number: '1-3' }],
    ['解放路', { street: '解放路' }],
    ['干河街道', { detail: '干河街道' }],
    ['腾讯大厦', { detail: '腾讯大厦' }],
  ])('%s', (text, expected) => {
    expect(parseChineseStreet(text)).toEqual(expected);
  });
});

describe('parseWesternLine', () => {
  it.each<[string, StreetParts]>([
    ['7 wallaby place', { number: '7', street: 'wallaby place' }],
    ['12b smith st', { number: '12b', street: 'smith street' }],
    ['7/12 smith st', { number: '7/12', street: 'smith street' }],
    ['unit 5 7 wallaby pl', { number: '7', street: 'wallaby place', detail: 'unit 5' }],
    ['hauptstrasse 5', { number: '5', street: 'hauptstrasse' }],
    ['mountain creek road', { street: 'mountain creek road' }],
  ])('%s', (line, expected) => {
    expect(parseWesternLine(line)).toEqual(expected);
  });
});

describe('canonicalStreet', () => {
  it.each([
    ['smith st', 'smith street'],
    ['st james road', 'st james road'],
    ['kings cres', 'kings crescent'],
    ['st', 'st'],
  ])('%s → %s', (street, expected) => {
    expect(canonicalStreet(street)).toBe(expected);
  });
});
