import { maskMiddle } from './explanation-values';

describe('maskMiddle', () => {
  it.each([
    ['+8613812345678', 3, 4, '+86*******5678'],
    ['11010519491231002X', 3, 2, '110*************2X'],
    ['zhang.wei', 1, 0, 'z********'],
    ['伟', 1, 0, '*'],
    ['ab', 1, 1, '**'],
    ['', 1, 0, ''],
  ])('%s keeps %d + %d characters', (text, head, tail, masked) => {
    expect(maskMiddle(text, head, tail)).toBe(masked);
  });
});
