import { describe, expect, it } from 'vitest';
import { sectionHeading } from '../../../src/ledger/words/rowKinds.ts';

describe('sectionHeading', () => {
  it('reads the ordinal, the label and the declared counts', () => {
    expect(sectionHeading('一、经济体制和生态文明体制改革（3个方案8项）')).toEqual({
      text: '一、经济体制和生态文明体制改革（3个方案8项）',
      label: '经济体制和生态文明体制改革',
      ordinal: 1,
      declared: { plans: 3, items: 8 },
    });
  });

  it('leaves declared out when the heading declares nothing', () => {
    const heading = sectionHeading('二、民主法制领域改革');
    expect(heading).toEqual({ text: '二、民主法制领域改革', label: '民主法制领域改革', ordinal: 2 });
    expect(heading).not.toHaveProperty('declared');
  });

  it.each([
    ['第三部分 文化体制改革', '文化体制改革', 3],
    ['第三部分：文化体制改革', '文化体制改革', 3],
    ['第3部分、文化体制改革', '文化体制改革', 3],
    ['第十二章 其他', '其他', 12],
    ['（四）社会体制改革', '社会体制改革', 4],
    ['(四) 社会体制改革', '社会体制改革', 4],
    ['十一、纪律检查体制改革', '纪律检查体制改革', 11],
    ['三．文化体制改革', '文化体制改革', 3],
    ['三 文化体制改革', '文化体制改革', 3],
    ['  五、 党的建设制度改革  ', '党的建设制度改革', 5],
    ['六、经济体制改革专项小组', '经济体制改革专项小组', 6],
    ['七、生态文明领域', '生态文明领域', 7],
    ['一、经济体制改革（含国资国企改革）', '经济体制改革', 1],
    ['社会体制改革', '社会体制改革', undefined],
    ['民主法制领域', '民主法制领域', undefined],
    ['经济体制和生态文明体制改革专项小组', '经济体制和生态文明体制改革专项小组', undefined],
    ['Economic reform', 'Economic reform', undefined],
    ['ｓｏｃｉａｌ　ｒｅｆｏｒｍｓ', 'social reforms', undefined],
  ])('reads %j as label %j, ordinal %s', (text, label, ordinal) => {
    const heading = sectionHeading(text);
    expect(heading?.label).toBe(label);
    expect(heading?.ordinal).toBe(ordinal);
    expect(heading?.text).toBe(text.trim());
  });

  it.each([
    ['3个方案8项', { plans: 3, items: 8 }],
    ['3个方案、8项', { plans: 3, items: 8 }],
    ['共3个改革方案，8项改革事项', { plans: 3, items: 8 }],
    ['三个方案八项', { plans: 3, items: 8 }],
    ['12个方案', { plans: 12 }],
    ['8项', { items: 8 }],
    ['10个任务', { items: 10 }],
  ])('reads the declared counts in (%s)', (counts, declared) => {
    expect(sectionHeading(`一、经济体制改革（${counts}）`)?.declared).toEqual(declared);
  });

  it('takes a numbered label that declares counts for a heading, whatever its last word', () => {
    expect(sectionHeading('二、其他事项（2个方案5项）')).toMatchObject({
      label: '其他事项',
      ordinal: 2,
      declared: { plans: 2, items: 5 },
    });
  });

  it.each([
    ['an item title', '1.制定实施细则'],
    ['an item title ending in 改革', '1.推进国有企业改革'],
    ['an Arabic-numbered heading-like text', '2、民主法制领域改革'],
    ['a Chinese-numbered item', '一、制定实施细则'],
    ['a parenthesised Chinese-numbered item', '（二）建立考核机制'],
    ['a sentence', '深化改革，推进发展。'],
    ['a sentence ending in 改革', '各地要抓紧推进，深化改革'],
    ['an ordinary phrase', '制定实施细则'],
    ['a bare ordinal', '一、'],
    ['a bare part ordinal', '第三部分'],
    ['empty', ''],
    ['a very long text ending in 改革', `一、${'深化'.repeat(25)}改革`],
    ['a total row', '合计（3个方案8项）'],
  ])('is not a heading: %s (%j)', (_why, text) => {
    expect(sectionHeading(text)).toBeUndefined();
  });
});
