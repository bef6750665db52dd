import { describe, expect, it } from 'vitest';
import { dateFromExcel, parseDateCell, parseDateText } from '../../src/ledger/parseDate.ts';

describe('ledger dates', () => {
  it.each([
    ['2016-06-30', '2016-06-30'],
    ['2016/6/30', '2016-06-30'],
    ['2016/06/30', '2016-06-30'],
    ['2016.6.3', '2016-06-03'],
    ['2016年6月30日', '2016-06-30'],
    ['2016 年 6 月 30 日', '2016-06-30'],
    ['2016年6月30', '2016-06-30'],
    ['2016/6/30 0:00', '2016-06-30'],
    ['2016-06-30 00:00:00', '2016-06-30'],
    ['2016年6月底', '2016-06-30'],
    ['2016年2月底', '2016-02-29'],
    ['2015年2月底', '2015-02-28'],
    ['2016年底', '2016-12-31'],
    [' 2016-06-30 ', '2016-06-30'],
    // Excel's m/d/yyyy number format, as a CSV saved from it writes the cell.
    ['5/31/2016', '2016-05-31'],
    ['12/1/2016 0:00', '2016-12-01'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    '2016-02-30',
    '2015-02-29',
    '2016-13-01',
    '2016-00-10',
    '2016-06-00',
    '2016/6/31',
    '2016年4月31日',
    '16-06-30',
    '2016-06',
    '2016-6/30',
    '30/06/2016',
    '2016/6/30 12:00',
    '长期坚持',
    '2016年13月底',
    '',
  ])('refuses %s', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });

  it('reads an Excel date cell by its UTC calendar day, whatever the machine zone', () => {
    expect(dateFromExcel(new Date('2016-06-30T00:00:00Z'))).toBe('2016-06-30');
    expect(dateFromExcel(new Date('2016-06-30T23:59:59.999Z'))).toBe('2016-06-30');
    expect(dateFromExcel(new Date(Number.NaN))).toBeUndefined();
  });

  it('refuses bare numbers: 42551 is nobody’s way of writing a date', () => {
    expect(parseDateCell(42551)).toBeUndefined();
    expect(parseDateCell(null)).toBeUndefined();
    expect(parseDateCell('2016/6/30')).toBe('2016-06-30');
  });
});
