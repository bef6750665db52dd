import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../src/ledger/words/editDistance.ts';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', '省财政厅', 4],
    ['省财政厅', '省财政厅', 0],
    ['省财政厅', '省财政局', 1],
    ['省发展改革委', '省发展改委', 1],
    ['省委组织部', '省委宣传部', 2],
    ['kitten', 'sitting', 3],
    ['𠀀a', 'a', 1],
  ])('%j to %j is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});
