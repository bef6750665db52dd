import { describe, expect, it } from 'vitest';
import { compareNatural } from '../../src/domain/naturalOrder.ts';

describe('compareNatural', () => {
  it('orders digit runs by value', () => {
    expect(['G10', 'G2', 'G1', 'G9', 'G11'].sort(compareNatural)).toEqual(['G1', 'G2', 'G9', 'G10', 'G11']);
    expect(['P-10-3', 'P-9-12', 'P-9-2'].sort(compareNatural)).toEqual(['P-9-2', 'P-9-12', 'P-10-3']);
  });

  it('puts a prefix first and is a total order', () => {
    expect(['G1a', 'G', 'G1'].sort(compareNatural)).toEqual(['G', 'G1', 'G1a']);
    expect(compareNatural('G01', 'G1')).not.toBe(0);
    expect(Math.sign(compareNatural('G01', 'G1'))).toBe(-Math.sign(compareNatural('G1', 'G01')));
    expect(compareNatural('G2', 'G2')).toBe(0);
  });

  it('compares very long numbers without precision loss', () => {
    expect(compareNatural('X90071992547409921', 'X90071992547409920')).toBeGreaterThan(0);
  });

  it('orders non-digit text by code unit, including Chinese', () => {
    expect(['乙组', '甲组'].sort(compareNatural)).toEqual(['乙组', '甲组'].sort());
  });
});
