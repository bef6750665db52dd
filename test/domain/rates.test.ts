import { describe, expect, it } from 'vitest';
import { percent } from '../../src/domain/rates.ts';

describe('percent', () => {
  it.each([
    [461, 717, 64.3],
    [224, 717, 31.2],
    [32, 717, 4.5],
    [1, 8, 12.5],
    [1, 16, 6.3], // 6.25 rounds half up
    [3, 16, 18.8], // 18.75 rounds half up
    [1, 2000, 0.1], // 0.05 rounds half up
    [1, 2001, 0], // 0.04997...
    [1, 3, 33.3],
    [2, 3, 66.7],
    [717, 717, 100],
    [0, 717, 0],
    [0, 0, 0],
  ])('%i / %i = %d', (count, total, expected) => {
    expect(percent(count, total)).toBe(expected);
  });

  it('is the exact half-up rounding to one decimal for every small fraction', () => {
    const wrong: string[] = [];
    for (let total = 1; total <= 400; total++) {
      for (let count = 0; count <= total; count++) {
        const p = percent(count, total);
        const tenths = Math.round(p * 10);
        // One decimal, and (tenths - 1/2) <= 1000*count/total < (tenths + 1/2) in integers.
        const exact =
          p === tenths / 10 && (2 * tenths - 1) * total <= 2000 * count && 2000 * count < (2 * tenths + 1) * total;
        if (!exact) wrong.push(`${count}/${total} = ${p}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('stays exact for ledger-sized counts', () => {
    expect(percent(160_750, 250_000)).toBe(64.3);
    expect(percent(125, 250_000)).toBe(0.1); // 0.05 exactly
  });

  it('refuses counts that are not whole, negative, or exceed the total', () => {
    expect(() => percent(1.5, 10)).toThrow(RangeError);
    expect(() => percent(-1, 10)).toThrow(RangeError);
    expect(() => percent(11, 10)).toThrow(RangeError);
    expect(() => percent(Number.NaN, 10)).toThrow(RangeError);
  });
});
