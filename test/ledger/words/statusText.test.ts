import { describe, expect, it } from 'vitest';
import type { Status } from '../../../src/domain/types.ts';
import { knownStatusWords, normalizeStatusWordKey, readStatusText } from '../../../src/ledger/words/statusText.ts';

const read = (status: Status, note: string | null = null) => ({ ok: true, status, note });

describe('readStatusText: the known words', () => {
  it.each([
    ['已完成', 'done'],
    ['完成', 'done'],
    ['done', 'done'],
    ['completed', 'done'],
    ['complete', 'done'],
    ['已启动未完成', 'started'],
    ['已启动，未完成', 'started'],
    ['已启动,未完成', 'started'],
    ['已启动', 'started'],
    ['正在推进', 'started'],
    ['推进中', 'started'],
    ['进行中', 'started'],
    ['正在实施', 'started'],
    ['实施中', 'started'],
    ['started', 'started'],
    ['in progress', 'started'],
    ['in_progress', 'started'],
    ['未启动', 'not_started'],
    ['尚未启动', 'not_started'],
    ['未开始', 'not_started'],
    ['not started', 'not_started'],
    ['not_started', 'not_started'],
  ] as const)('reads %j as %s', (text, status) => {
    expect(readStatusText(text)).toEqual(read(status));
  });

  it.each([
    [' 已 完 成 ', 'done'],
    ['DONE', 'done'],
    ['In Progress', 'started'],
    ['ｄｏｎｅ', 'done'],
    ['已启动，\n未完成', 'started'],
    ['已启动　未完成', 'started'],
    ['Not Started', 'not_started'],
    ['已完成。', 'done'],
  ] as const)('ignores spaces, case, width and a final full stop: %j', (text, status) => {
    expect(readStatusText(text)).toEqual(read(status));
  });
});

describe('readStatusText: a parenthesised note', () => {
  it.each([
    ['已完成（已印发实施细则）', 'done', '已印发实施细则'],
    ['已完成(已印发实施细则)', 'done', '已印发实施细则'],
    ['已完成（ 已印发实施细则 ）', 'done', '已印发实施细则'],
    ['已完成 (已印发，实施细则)', 'done', '已印发，实施细则'],
    ['已启动未完成（待省政府审议）', 'started', '待省政府审议'],
    ['已完成（见《意见》（川委发〔2016〕1号））', 'done', '见《意见》（川委发〔2016〕1号）'],
    ['已完成（）', 'done', null],
  ] as const)('reads %j as %s with note %j', (text, status, note) => {
    expect(readStatusText(text)).toEqual(read(status, note));
  });

  it('does not take parentheses in the middle of the words for a note', () => {
    expect(readStatusText('已完成（部分）后续')).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('readStatusText: unknown and empty', () => {
  it.each(['基本完成', '按计划推进', '完成了', 'finished', '已', '（已完成）', '已完成（未闭合'])(
    'does not guess at %j',
    (text) => {
      expect(readStatusText(text)).toEqual({ ok: false, reason: 'unknown' });
    },
  );

  it.each(['', '   ', '\u3000\n'])('reads %j as empty', (text) => {
    expect(readStatusText(text)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('readStatusText: an office’s own words', () => {
  const custom = new Map<string, Status>([
    [normalizeStatusWordKey('基本完成'), 'done'],
    ['按 计划 推进', 'started'],
  ]);

  it('reads words from the custom map, keys compared squeezed', () => {
    expect(readStatusText('基本完成', custom)).toEqual(read('done'));
    expect(readStatusText(' 基本 完成（待验收） ', custom)).toEqual(read('done', '待验收'));
    expect(readStatusText('按计划推进', custom)).toEqual(read('started'));
  });

  it('does not let the custom map redefine a built-in word', () => {
    const wrong = new Map<string, Status>([['已完成', 'not_started']]);
    expect(readStatusText('已完成', wrong)).toEqual(read('done'));
  });

  it('still refuses words in neither list', () => {
    expect(readStatusText('大部分完成', custom)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('normalizeStatusWordKey', () => {
  it.each([
    ['基本完成', '基本完成'],
    [' 基本 完成 （已验收）', '基本完成'],
    ['In Progress', 'inprogress'],
    ['ＤＯＮＥ', 'done'],
  ])('keys %j as %j', (word, key) => {
    expect(normalizeStatusWordKey(word)).toBe(key);
  });
});

describe('knownStatusWords', () => {
  it('lists the canonical words of both languages, done words first', () => {
    const words = knownStatusWords();
    expect(words[0]).toBe('已完成');
    for (const word of ['已完成', '已启动未完成', '未启动', 'done', 'started', 'not_started', 'in progress']) {
      expect(words).toContain(word);
    }
    expect(new Set(words).size).toBe(words.length);
  });

  it('lists only words readStatusText reads', () => {
    for (const word of knownStatusWords()) expect(readStatusText(word).ok).toBe(true);
  });
});
