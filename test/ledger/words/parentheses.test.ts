import { describe, expect, it } from 'vitest';
import { splitOutsideParentheses, splitParenthesisedTail } from '../../../src/ledger/words/parentheses.ts';

describe('splitParenthesisedTail', () => {
  it.each([
    ['已完成（见附件）', '已完成', '见附件'],
    ['已完成(见附件）', '已完成', '见附件'],
    [' 已完成 （ 见附件 ） ', '已完成', '见附件'],
    ['已完成（见（附件））', '已完成', '见（附件）'],
    ['已完成（）', '已完成', ''],
  ])('splits %j into %j and %j', (text, head, tail) => {
    expect(splitParenthesisedTail(text)).toEqual({ head, tail });
  });

  it.each(['已完成', '（见附件）', '已完成（见附件）后', '已完成（a）（b', '已完成《实施意见》', '已完成（a）和（b）'])(
    'finds no tail in %j',
    (text) => {
      expect(splitParenthesisedTail(text)).toEqual({ head: text.trim(), tail: null });
    },
  );
});

describe('splitOutsideParentheses', () => {
  const comma = (char: string) => char === '、';

  it('splits only outside parentheses and title marks', () => {
    expect(splitOutsideParentheses('甲（乙、丙）、丁《戊、己》、庚', comma)).toEqual([
      '甲（乙、丙）',
      '丁《戊、己》',
      '庚',
    ]);
  });

  it('keeps empty parts for the caller to drop', () => {
    expect(splitOutsideParentheses('、甲、、', comma)).toEqual(['', '甲', '', '']);
  });

  it('splits everywhere when a pair is left open, rather than gluing the rest together', () => {
    expect(splitOutsideParentheses('甲（牵头、乙、丙', comma)).toEqual(['甲（牵头', '乙', '丙']);
  });

  it('is not thrown by a stray closing mark', () => {
    expect(splitOutsideParentheses('甲）、乙', comma)).toEqual(['甲）', '乙']);
  });
});
