import { describe, expect, it } from 'vitest';
import { protectCell, unprotectCell } from '../../src/ledger/csvSafety.ts';
import { MAX_SHEET_NAME, uniqueSheetNames } from '../../src/ledger/sheetNames.ts';

describe('uniqueSheetNames', () => {
  it('keeps names within 31 characters, without []:*?/\\ and outer apostrophes', () => {
    const [name] = uniqueSheetNames(['P1 关于[深化]国有企业改革:的*实施?意见/试行\\（2016—2020年）及配套文件汇编']);
    expect(name).toBe('P1 关于 深化 国有企业改革 的 实施 意见 试行 （201');
    expect([...(name as string)].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(uniqueSheetNames(["'quoted'"])).toEqual(['quoted']);
    expect(uniqueSheetNames(['  ', '?'])).toEqual(['Sheet', 'Sheet (2)']);
  });

  it('makes names unique ignoring case, around names already taken and Excel’s reserved History', () => {
    expect(uniqueSheetNames(['统计表', 'a', 'A', 'History'], ['统计表', '台账'])).toEqual([
      '统计表 (2)',
      'a',
      'A (2)',
      'History (2)',
    ]);
    const long = 'P1 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十';
    const [first, second] = uniqueSheetNames([long, long]);
    expect(first).not.toBe(second);
    expect([...(second as string)].length).toBe(MAX_SHEET_NAME);
    expect(second?.endsWith(' (2)')).toBe(true);
  });
});

describe('CSV formula guard', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', "'=x", "''+1"])('protects %j and gets it back', (text) => {
    expect(protectCell(text).startsWith("'")).toBe(true);
    expect(unprotectCell(protectCell(text))).toBe(text);
  });

  it.each(['plain', "it's", "'quoted'", '2016-06-30', ''])('leaves %j alone', (text) => {
    expect(protectCell(text)).toBe(text);
    expect(unprotectCell(text)).toBe(text);
  });
});
