import { describe, expect, it } from 'vitest';
import { toChineseNumeral } from './chinese-numerals.ts';

describe('toChineseNumeral', () => {
  it('writes the numbers a page prints for photos and sections', () => {
    const table = [1, 2, 3, 9, 10, 11, 12, 19, 20, 21, 30, 99].map((n) => `${n}=${toChineseNumeral(n)}`);
    expect(table).toEqual([
      '1=一',
      '2=二',
      '3=三',
      '9=九',
      '10=十',
      '11=十一',
      '12=十二',
      '19=十九',
      '20=二十',
      '21=二十一',
      '30=三十',
      '99=九十九',
    ]);
  });

  it('refuses numbers it cannot write', () => {
    expect(() => toChineseNumeral(0)).toThrow(RangeError);
    expect(() => toChineseNumeral(100)).toThrow('toChineseNumeral: 100 is outside 1–99');
    expect(() => toChineseNumeral(1.5)).toThrow(RangeError);
  });
});
