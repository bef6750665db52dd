import { describe, expect, it } from 'vitest';
import { NOTE_MAX } from '../../../../src/domain/notes.ts';
import { parseReformCommand } from '../../../../src/slack/listeners/commands/parse.ts';

describe('parseReformCommand', () => {
  it.each([
    ['', { kind: 'help' }],
    ['help', { kind: 'help' }],
    ['帮助', { kind: 'help' }],
    ['HELP', { kind: 'help' }],
    ['frobnicate now', { kind: 'help', unknown: 'frobnicate' }],
    ['mine', { kind: 'mine' }],
    ['我的', { kind: 'mine' }],
    ['stats', { kind: 'stats', cut: 'domain' }],
    ['统计 小组', { kind: 'stats', cut: 'group' }],
    ['stats Group', { kind: 'stats', cut: 'group' }],
    ['统计 领域', { kind: 'stats', cut: 'domain' }],
    ['plan P1', { kind: 'plan', planCode: 'P1', page: 0 }],
    ['方案 P1 3', { kind: 'plan', planCode: 'P1', page: 2 }],
    ['item P1#3', { kind: 'item', ref: { planCode: 'P1', itemCode: '3' } }],
    ['事项 P1＃3', { kind: 'item', ref: { planCode: 'P1', itemCode: '3' } }],
    ['item P1 #3', { kind: 'item', ref: { planCode: 'P1', itemCode: '3' } }],
    ['item P1 # 3', { kind: 'item', ref: { planCode: 'P1', itemCode: '3' } }],
    ['update', { kind: 'updateModal' }],
    ['更新 P1#3', { kind: 'updateModal', ref: { planCode: 'P1', itemCode: '3' } }],
    ['update P1#3 done', { kind: 'update', ref: { planCode: 'P1', itemCode: '3' }, status: 'done' }],
    ['update P1#3 not started', { kind: 'update', ref: { planCode: 'P1', itemCode: '3' }, status: 'not_started' }],
    [
      'update P1#3 Not Started  waiting  for funds',
      { kind: 'update', ref: { planCode: 'P1', itemCode: '3' }, status: 'not_started', note: 'waiting  for funds' },
    ],
    [
      '更新 P1#3 已完成 已印发　文件见附件',
      { kind: 'update', ref: { planCode: 'P1', itemCode: '3' }, status: 'done', note: '已印发　文件见附件' },
    ],
    [
      'update P1#3 started <!channel> look',
      { kind: 'update', ref: { planCode: 'P1', itemCode: '3' }, status: 'started', note: '<!channel> look' },
    ],
  ])('%j', (text, expected) => {
    expect(parseReformCommand(text)).toEqual(expected);
  });

  it.each([
    ['item', { key: 'needRef' }],
    ['item P1', { key: 'badRef', text: 'P1' }],
    ['item P1#3 extra', { key: 'extra', subcommand: 'item' }],
    ['update P13 done', { key: 'badRef', text: 'P13' }],
    ['update P1#3 finished', { key: 'badStatus', word: 'finished' }],
    ['plan', { key: 'needPlan' }],
    ['plan P1 two', { key: 'extra', subcommand: 'plan' }],
    ['stats planet', { key: 'badCut', word: 'planet' }],
    ['mine please', { key: 'extra', subcommand: 'mine' }],
  ])('%j is an error', (text, error) => {
    expect(parseReformCommand(text)).toEqual({ kind: 'error', error });
  });
});

describe('parseReformCommand: central', () => {
  it.each(['central', 'CENTRAL', '中央方案', '  中央方案  '])('%j registers a central plan', (text) => {
    expect(parseReformCommand(text)).toEqual({ kind: 'central' });
  });
  it('takes no arguments', () => {
    expect(parseReformCommand('central now')).toEqual({
      kind: 'error',
      error: { key: 'extra', subcommand: 'central' },
    });
  });
});

describe('parseReformCommand: round', () => {
  it.each([
    ['round 3 P12', { kind: 'round', roundId: 3, planCode: 'P12' }],
    ['督察 #3 P12', { kind: 'round', roundId: 3, planCode: 'P12' }],
  ])('%j opens a self-check', (text, expected) => {
    expect(parseReformCommand(text)).toEqual(expected);
  });
  it.each(['round', 'round P12', 'round x P12', 'round 3'])('%j asks for the round and the plan', (text) => {
    expect(parseReformCommand(text)).toEqual({ kind: 'error', error: { key: 'needRound' } });
  });
});

describe('parseReformCommand: one note limit', () => {
  it('refuses an update whose note is over NOTE_MAX characters, naming both', () => {
    const note = `${'中'.repeat(NOTE_MAX - 1)}🚀🚀`;
    expect(parseReformCommand(`update P1#3 done ${note}`)).toEqual({
      kind: 'error',
      error: { key: 'noteTooLong', length: NOTE_MAX + 1, max: NOTE_MAX },
    });
    expect(parseReformCommand(`update P1#3 done ${note.slice(0, -2)}`)).toMatchObject({
      kind: 'update',
      status: 'done',
    });
  });
});

describe('parseReformCommand: extend (延期)', () => {
  const ref = { planCode: 'P1', itemCode: '3' };
  it.each([
    [
      'extend P1#3 2017-03-31 waiting for  the rules',
      { kind: 'extend', ref, toDueOn: '2017-03-31', reason: 'waiting for  the rules' },
    ],
    [
      '延期 P1＃3 2017年3月31日 等待国家配套文件',
      { kind: 'extend', ref, toDueOn: '2017-03-31', reason: '等待国家配套文件' },
    ],
    ['EXTEND P1 #3 2017/3/31 x', { kind: 'extend', ref, toDueOn: '2017-03-31', reason: 'x' }],
    // The item alone opens the form, as the card's button does.
    ['延期 P1#3', { kind: 'extendModal', ref }],
    ['extend P1#3', { kind: 'extendModal', ref }],
  ])('%s', (text, expected) => {
    expect(parseReformCommand(text)).toEqual(expected);
  });
  it.each([
    ['extend', { key: 'extendUsage', missing: 'ref' }],
    ['extend P1#3 2017-03-31', { key: 'extendUsage', missing: 'reason' }],
    ['extend P1#3 next-month because', { key: 'badExtendDate', text: 'next-month' }],
    ['extend P1-3 2017-03-31 because', { key: 'badRef', text: 'P1-3' }],
  ])('%s is refused with what is missing', (text, error) => {
    expect(parseReformCommand(text)).toEqual({ kind: 'error', error });
  });
});
