import { describe, expect, it } from 'vitest';
import { OPEN_DUE_WORDS, readDueText } from '../../../src/ledger/words/dueText.ts';

const date = (iso: string) => ({ kind: 'date', date: iso });

describe('readDueText: days', () => {
  it.each([
    ['2016-06-30', '2016-06-30'],
    ['2016/6/30', '2016-06-30'],
    ['2016.6.30', '2016-06-30'],
    ['2016年6月30日', '2016-06-30'],
    ['2016年6月30日前', '2016-06-30'],
    ['2016年6月30日以前', '2016-06-30'],
    ['2016年6月30日之前', '2016-06-30'],
    ['2016/6/30 0:00', '2016-06-30'],
    ['２０１６－０６－３０', '2016-06-30'],
    [' 2016 年 6 月 30 日 ', '2016-06-30'],
    ['2016年2月29日', '2016-02-29'],
  ])('reads %j as %s', (text, iso) => {
    expect(readDueText(text)).toEqual(date(iso));
  });
});

describe('readDueText: the last day of a named period', () => {
  it.each([
    ['2016年6月底', '2016-06-30'],
    ['2016年6月底前', '2016-06-30'],
    ['2016年6月末', '2016-06-30'],
    ['2016年6月', '2016-06-30'],
    ['2016年6月份', '2016-06-30'],
    ['2016年2月底', '2016-02-29'],
    ['2015年2月', '2015-02-28'],
    ['2016年12月底', '2016-12-31'],
    ['２０１６年６月底', '2016-06-30'],
    ['2016 年 6 月 底 前', '2016-06-30'],
    ['2016年6月底(前)', '2016-06-30'],
    ['2016年6月底（前）', '2016-06-30'],
    ['2016.12', '2016-12-31'],
    ['2016-12', '2016-12-31'],
    ['2016/12', '2016-12-31'],
    ['2016.6', '2016-06-30'],
    ['2016年底', '2016-12-31'],
    ['2016年底前', '2016-12-31'],
    ['2016年年底', '2016-12-31'],
    ['2016年末', '2016-12-31'],
    ['2016年年末', '2016-12-31'],
    ['2016年度', '2016-12-31'],
    ['2017年', '2017-12-31'],
    ['2017年前', '2017-12-31'],
    ['2016年第三季度', '2016-09-30'],
    ['2016年三季度', '2016-09-30'],
    ['2016年第3季度', '2016-09-30'],
    ['2016年Q3', '2016-09-30'],
    ['2016q3', '2016-09-30'],
    ['2016年一季度末', '2016-03-31'],
    ['2016年第二季度', '2016-06-30'],
    ['2016年四季度底前', '2016-12-31'],
    ['2016年上半年', '2016-06-30'],
    ['2016年下半年', '2016-12-31'],
    ['2016年上半年前', '2016-06-30'],
  ])('reads %j as %s', (text, iso) => {
    expect(readDueText(text)).toEqual(date(iso));
  });
});

describe('readDueText: no deadline', () => {
  it.each(['长期坚持', '持续推进', '长期', '长期推进', '常态化', '持续', '长期实施', ' 长期 坚持 '])(
    'reads %j as open',
    (text) => {
      expect(readDueText(text)).toEqual({ kind: 'open' });
    },
  );

  it('lists every open word for messages, and reads each of them as open', () => {
    expect(OPEN_DUE_WORDS).toContain('长期坚持');
    for (const word of OPEN_DUE_WORDS) expect(readDueText(word)).toEqual({ kind: 'open' });
  });
});

describe('readDueText: refused', () => {
  it.each([
    ['an impossible day', '2016年2月30日'],
    ['an impossible day before', '2016年2月30日前'],
    ['a 13th month', '2016-13-01'],
    ['a 13th month end', '2016年13月底'],
    ['month zero', '2016-00'],
    ['a fifth quarter', '2016年第五季度'],
    ['Q0', '2016Q0'],
    ['a year before 1000', '0999年'],
    ['a two-digit year', '16年6月'],
    ['a bare year number', '2016'],
    ['前 alone', '前'],
    ['a sentence', '尽快完成'],
    ['a range', '2016-2017年'],
    ['an open word with more words', '长期坚持，逐步推进'],
    ['words after 前', '2016年6月底前完成'],
  ])('%s: %j', (_why, text) => {
    expect(readDueText(text)).toEqual({ kind: 'bad' });
  });

  it('reads an empty or blank cell as bad, not open: the caller decides what a missing deadline means', () => {
    expect(readDueText('')).toEqual({ kind: 'bad' });
    expect(readDueText(' \u3000\n')).toEqual({ kind: 'bad' });
  });
});
