import { describe, expect, it } from 'vitest';
import { similarDepartmentNames } from '../../../src/ledger/words/departmentText.ts';

describe('similarDepartmentNames', () => {
  it.each([
    ['a province prefix', '省发展改革委', '发展改革委'],
    ['the province by name', '四川省财政厅', '省财政厅'],
    ['the province by name, against the bare name', '四川省财政厅', '财政厅'],
    ['the Party committee prefix', '省委组织部', '组织部'],
    ['the government prefix', '省政府办公厅', '办公厅'],
    ['an alias in parentheses', '省委宣传部（省新闻出版广电局）', '省委宣传部'],
    ['a half-width alias', '省委宣传部(省新闻出版广电局)', '省委宣传部'],
    ['spaces and width only', '省 财政厅', '省财政厅'],
    ['a typo', '省发展改革委', '省发展该革委'],
    ['a missing character', '省发展改革委', '省发展改委'],
    ['a suffix swap on four characters', '省财政厅', '省财政局'],
    // The cost of the distance rule, kept visible: two real offices one character apart.
    ['two real offices one character apart (why callers only ask)', '省林业厅', '省农业厅'],
  ])('true for %s: %s ~ %s', (_why, a, b) => {
    expect(similarDepartmentNames(a, b)).toBe(true);
    expect(similarDepartmentNames(b, a)).toBe(true);
  });

  it.each([
    ['the same name', '省财政厅', '省财政厅'],
    ['two departments of the Party committee', '省委组织部', '省委宣传部'],
    ['the Party committee’s and the government’s general offices', '省委办公厅', '省政府办公厅'],
    ['a suffix swap on three characters', '财政厅', '财政局'],
    ['short names one character apart', '教育厅', '体育厅'],
    ['different offices', '省发展改革委', '省财政厅'],
    ['two characters apart', '省教育厅', '省体育局'],
    ['a prefix alone', '省', '省委'],
  ])('false for %s: %s ~ %s', (_why, a, b) => {
    expect(similarDepartmentNames(a, b)).toBe(false);
    expect(similarDepartmentNames(b, a)).toBe(false);
  });
});
