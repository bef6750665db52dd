import { describe, expect, it } from 'vitest';
import { squeeze, toHalfWidth } from '../../../src/ledger/words/normalize.ts';

describe('toHalfWidth', () => {
  it.each([
    ['２０１６年６月底', '2016年6月底'],
    ['（已印发）', '(已印发)'],
    ['注：本表', '注:本表'],
    ['省财政厅，省教育厅；省民政厅', '省财政厅,省教育厅;省民政厅'],
    ['ＡＢＣ　ｄｅｆ', 'ABC def'],
    ['１．制定', '1.制定'],
    ['２０１６／６／３０', '2016/6/30'],
  ])('folds %s to %s', (text, expected) => {
    expect(toHalfWidth(text)).toBe(expected);
  });

  it('keeps Chinese characters and the enumeration comma 、 as they are', () => {
    expect(toHalfWidth('经济体制和生态文明体制改革、省委宣传部。')).toBe('经济体制和生态文明体制改革、省委宣传部。');
  });

  it('turns the ideographic space U+3000 into an ordinary space', () => {
    expect(toHalfWidth('已完成\u3000（见附件）')).toBe('已完成 (见附件)');
  });
});

describe('squeeze', () => {
  it.each([
    ['  In Progress ', 'inprogress'],
    ['已启动，\n未完成', '已启动,未完成'],
    ['已\u3000完\t成\r\n', '已完成'],
    ['ＤＯＮＥ', 'done'],
    ['省发展\u200b改革委', '省发展改革委'],
    ['', ''],
    [' \u3000\n', ''],
  ])('squeezes %j to %j', (text, expected) => {
    expect(squeeze(text)).toBe(expected);
  });

  it('keeps underscores and hyphens: they are part of some words', () => {
    expect(squeeze('Not_Started')).toBe('not_started');
    expect(squeeze('not-started')).toBe('not-started');
  });
});
