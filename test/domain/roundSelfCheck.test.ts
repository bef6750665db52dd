import { describe, expect, it } from 'vitest';
import { mayFillRound, type Person } from '../../src/domain/permissions.ts';
import { liveChangeFor, parseCorrections } from '../../src/domain/roundSelfCheck.ts';

const person = (p: Partial<Person>): Person => ({
  userId: 'U1',
  isAdmin: false,
  groupIds: new Set(),
  departmentIds: new Set(),
  ...p,
});

describe('mayFillRound', () => {
  it('lets the lead group and the office fill a year-end round', () => {
    expect(mayFillRound(person({ groupIds: new Set([7]) }), 'year-end', 7)).toEqual({ allowed: true });
    expect(mayFillRound(person({ isAdmin: true }), 'year-end', 7)).toEqual({ allowed: true });
    expect(mayFillRound(person({ groupIds: new Set([8]) }), 'year-end', 7)).toEqual({
      allowed: false,
      reason: 'notLeadGroup',
    });
    expect(mayFillRound(person({ departmentIds: new Set([7]) }), 'year-end', 7)).toEqual({
      allowed: false,
      reason: 'notLeadGroup',
    });
    expect(mayFillRound(person({ groupIds: new Set([7]) }), 'year-end', null)).toEqual({
      allowed: false,
      reason: 'notLeadGroup',
    });
  });

  it('keeps mid-year and special rounds to the office', () => {
    for (const kind of ['mid-year', 'special'] as const) {
      expect(mayFillRound(person({ groupIds: new Set([7]) }), kind, 7)).toEqual({ allowed: false, reason: 'notAdmin' });
      expect(mayFillRound(person({ isAdmin: true }), kind, 7)).toEqual({ allowed: true });
    }
  });
});

describe('parseCorrections', () => {
  const codes = ['SC-FA-001-001', 'SC-FA-001-002', 'SC-FA-001-010'];

  it('reads code=status lines in English and Chinese, full-width separators, any case, blank lines', () => {
    const result = parseCorrections(
      'sc-fa-001-001=done\n\n  SC-FA-001-002 ＝ 已启动未完成 \nSC-FA-001-010：not started\n`SC-FA-001-001`: 已完成',
      codes,
    );
    expect(result).toEqual({
      ok: true,
      changes: new Map([
        ['SC-FA-001-001', 'done'],
        ['SC-FA-001-002', 'started'],
        ['SC-FA-001-010', 'not_started'],
      ]),
    });
  });

  it('accepts nothing at all', () => {
    expect(parseCorrections('  \n', codes)).toEqual({ ok: true, changes: new Map() });
  });

  it('names every bad line and why', () => {
    const result = parseCorrections(
      'SC-FA-001-001 done\nSC-FA-009-001=done\nSC-FA-001-002=finished\nSC-FA-001-010=done\nSC-FA-001-010=started',
      codes,
    );
    expect(result).toEqual({
      ok: false,
      problems: [
        { line: 1, text: 'SC-FA-001-001 done', reason: 'format' },
        { line: 2, text: 'SC-FA-009-001=done', reason: 'unknownItem' },
        { line: 3, text: 'SC-FA-001-002=finished', reason: 'unknownStatus' },
        { line: 5, text: 'SC-FA-001-010=started', reason: 'conflict' },
      ],
    });
  });
});

describe('liveChangeFor', () => {
  it('does nothing when the round status is confirmed as it was, even if the ledger moved on', () => {
    expect(liveChangeFor('started', 'started', 'done')).toBe('none');
  });
  it('applies a correction when the live item still shows the corrected value', () => {
    expect(liveChangeFor('started', 'done', 'started')).toBe('apply');
  });
  it('does nothing when the live item already says what was confirmed', () => {
    expect(liveChangeFor('started', 'done', 'done')).toBe('none');
  });
  it('keeps a newer live change', () => {
    expect(liveChangeFor('not_started', 'started', 'done')).toBe('keepNewer');
  });
});
