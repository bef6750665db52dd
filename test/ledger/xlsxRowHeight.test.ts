// Row heights for wrapped text: spreadsheet programs leave an unmeasured row one line high, so
// the export measures, erring towards a line too many rather than hiding words.
import { describe, expect, it } from 'vitest';
import { linesFor, wrappedRowHeight } from '../../src/ledger/xlsxRowHeight.ts';

describe('wrapped row height', () => {
  it('counts a Chinese character as two units of column width and a Latin one as one', () => {
    expect(linesFor('关于深化国有企业改革的实施意见', 32)).toBe(1); // 15 characters, 30 units
    expect(linesFor('关于深化国有企业改革的实施意见关于', 32)).toBe(2);
    expect(linesFor('a'.repeat(31), 32)).toBe(1);
    expect(linesFor('a'.repeat(32), 32)).toBe(2);
    expect(linesFor('', 10)).toBe(1);
  });

  it('starts a new line at each line break', () => {
    expect(linesFor('已印发\n已报送', 40)).toBe(2);
  });

  it('gives the height of the tallest wrapped cell, or none when every cell fits on one line', () => {
    expect(wrappedRowHeight([undefined, '短', null], [10, 10, 10])).toBeUndefined();
    expect(wrappedRowHeight(['发展改革委、人力资源社会保障厅、交通运输厅', '短'], [20, 10])).toBe(48);
  });
});
