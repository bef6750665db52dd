import { describe, expect, it } from 'vitest';
import { chineseNumeral, leadingItemNumber } from '../../../src/ledger/words/itemNumber.ts';

describe('leadingItemNumber', () => {
  it.each([
    ['1.制定实施细则', '1'],
    ['1．制定', '1'],
    ['１．制定', '1'],
    ['2、建立机制', '2'],
    ['3）完善制度', '3'],
    ['3)完善制度', '3'],
    ['4:完善制度', '4'],
    ['5 完善制度', '5'],
    ['01、完善制度', '1'],
    ['12.完善制度', '12'],
    ['1.2 完善制度', '1.2'],
    ['1.2.完善制度', '1.2'],
    ['1.2.3、完善制度', '1.2.3'],
    ['（二）完善制度', '2'],
    ['(3)完善制度', '3'],
    ['( 3 )完善制度', '3'],
    ['（1.2）完善制度', '1.2'],
    ['一、完善制度', '1'],
    ['十二、完善制度', '12'],
    ['九十九、完善制度', '99'],
    ['二十．完善制度', '20'],
    ['（十一）完善制度', '11'],
    ['①完善制度', '1'],
    ['⑳完善制度', '20'],
    ['㉑完善制度', '21'],
    ['㊿完善制度', '50'],
    ['⑴完善制度', '1'],
    ['⒉完善制度', '2'],
    ['㈢完善制度', '3'],
    ['第三项 完善制度', '3'],
    ['第三项：完善制度', '3'],
    ['第12条完善制度', '12'],
    ['  2、完善制度', '2'],
  ])('reads %j as %s', (title, code) => {
    expect(leadingItemNumber(title)).toBe(code);
  });

  it.each([
    ['a year', '2016年完成改革'],
    ['a year and a dot', '2016.完成改革'],
    ['a year in parentheses', '（2016）完成改革'],
    ['a count', '12个市州开展试点'],
    ['an amount', '1.5亿元专项资金'],
    ['a number with no separator', '1.2制定'],
    ['a number alone', '1'],
    ['no number', '制定实施细则'],
    ['一 inside a word', '一体化推进'],
    ['一是, prose enumeration', '一是完善制度'],
    ['第三方, not an ordinal', '第三方评估'],
    ['a word in parentheses', '（注）完善制度'],
    ['empty', ''],
  ])('finds none in %s: %j', (_why, title) => {
    expect(leadingItemNumber(title)).toBeUndefined();
  });
});

// How the numbers 1-99 are written, built independently of the parser.
function written(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

describe('chineseNumeral', () => {
  it('reads every number from 一 to 九十九', () => {
    for (let n = 1; n <= 99; n += 1) expect(chineseNumeral(written(n)), written(n)).toBe(n);
  });

  it.each([
    ['〇', 0],
    ['零', 0],
    ['两', 2],
    ['一十二', 12],
    ['两百', 200],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百二十三', 123],
    ['一千零五十', 1050],
    ['三千二百', 3200],
    [' 十二 ', 12],
  ])('reads %s as %i', (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });

  it.each([
    ['empty', ''],
    ['digits without units', '一二'],
    ['a year spelt digit by digit', '二〇一六'],
    ['a bare digit after 百', '一百五'],
    ['a dangling zero', '一百零'],
    ['a leading zero', '零五'],
    ['two zeros', '零零'],
    ['units rising', '十百'],
    ['a unit twice', '十十'],
    ['百 without its digit', '百'],
    ['a zero multiplying', '〇十'],
    ['Arabic digits', '12'],
    ['other characters', '十二项'],
  ])('refuses %s: %j', (_why, text) => {
    expect(chineseNumeral(text)).toBeUndefined();
  });
});
