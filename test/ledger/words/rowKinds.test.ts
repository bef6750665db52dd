import { describe, expect, it } from 'vitest';
import { nonItemKind } from '../../../src/ledger/words/rowKinds.ts';

describe('nonItemKind', () => {
  it.each([
    [['合计', '', '8']],
    [['', '  ', '合计：3个方案8项']],
    [['小计']],
    [['总计', '20']],
    [['共计15项']],
    [['合 计']],
    [['Total', '8']],
    [['SUBTOTAL']],
    [['total:']],
    [['Grand Total']],
  ])('reads %j as a total row', (cells) => {
    expect(nonItemKind(cells)).toBe('total');
  });

  it.each([
    [['注：本表由各专项小组填写']],
    [['注:本表']],
    [['注1：本表']],
    [['注①：本表']],
    [['说明：完成时限以方案为准']],
    [['说明:完成时限']],
    [['备注：无']],
    [['填表说明']],
    [['附注']],
    [['附注：无']],
    [['Note: dates are deadlines']],
    [['NOTES:']],
    [['', '注：本表']],
    [['注　：本表']],
  ])('reads %j as a remark row', (cells) => {
    expect(nonItemKind(cells)).toBe('remark');
  });

  it.each([
    ['an item row', ['JJ-01', '经济方案', '1', '制定实施细则']],
    ['an item whose title contains 合计', ['', '', '1', '完善合计核算制度']],
    ['a title containing 合计 in first place', ['实行合计核算']],
    ['a title starting with 总计划', ['总计划编制']],
    ['a later cell starting with 合计', ['JJ-01', '合计']],
    ['a later cell starting with 注：', ['JJ-01', '注：见附件']],
    ['the column header 备注', ['备注']],
    ['the column header 说明', ['说明']],
    ['an English word starting with total', ['totally new']],
    ['an English note without colon', ['Notes on reform']],
    ['an empty row', ['', ' ', '\u3000']],
    ['no cells', []],
  ])('reads %s as an item (undefined)', (_why, cells) => {
    expect(nonItemKind(cells)).toBeUndefined();
  });
});
