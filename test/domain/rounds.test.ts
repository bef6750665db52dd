import { describe, expect, it } from 'vitest';
import { type RoundCandidate, roundCutoff, selectPlansForRound } from '../../src/domain/rounds.ts';

const plan = (code: string, issuedOn: string | null, closedOn: string | null = null, stage = 'issued') =>
  ({ code, issuedOn, closedOn, stage }) as RoundCandidate;

const codes = (plans: RoundCandidate[]) => plans.map((p) => p.code);

describe('roundCutoff', () => {
  it('is six months before the round by default', () => {
    expect(roundCutoff('2016-06-30')).toBe('2015-12-30');
    expect(roundCutoff('2016-08-31')).toBe('2016-02-29'); // clamped to the month's end
    expect(roundCutoff('2016-06-30', 0)).toBe('2016-06-30');
  });

  it('refuses a negative or fractional age', () => {
    expect(() => roundCutoff('2016-06-30', -1)).toThrow(RangeError);
    expect(() => roundCutoff('2016-06-30', 0.5)).toThrow(RangeError);
  });
});

describe('selectPlansForRound', () => {
  it('selects plans issued exactly six months before, not a day later', () => {
    const picked = selectPlansForRound(
      [plan('on-cutoff', '2015-12-30'), plan('day-after', '2015-12-31'), plan('old', '2015-03-01')],
      '2016-06-30',
    );
    expect(codes(picked)).toEqual(['on-cutoff', 'old']);
  });

  it('excludes plans never issued', () => {
    expect(selectPlansForRound([plan('draft', null, null, 'approved')], '2016-06-30')).toEqual([]);
  });

  it('excludes plans closed on or before the round date, keeps those closed later', () => {
    const picked = selectPlansForRound(
      [
        plan('closed-before', '2015-06-01', '2016-05-01', 'closed'),
        plan('closed-same-day', '2015-06-01', '2016-06-30', 'closed'),
        plan('closed-after', '2015-06-01', '2016-07-01', 'closed'),
        plan('closed-undated', '2015-06-01', null, 'closed'),
      ],
      '2016-06-30',
    );
    expect(codes(picked)).toEqual(['closed-after']);
  });

  it('respects the month-end clamp and a custom age', () => {
    const plans = [plan('a', '2016-02-29'), plan('b', '2016-03-01')];
    expect(codes(selectPlansForRound(plans, '2016-08-31'))).toEqual(['a']);
    expect(codes(selectPlansForRound(plans, '2016-08-31', 5))).toEqual(['a', 'b']);
  });

  it('keeps input order and the caller’s own type', () => {
    const rich = [
      { code: 'x', issuedOn: '2015-01-01', closedOn: null, title: '甲' },
      { code: 'y', issuedOn: '2015-02-01', closedOn: null, title: '乙' },
    ];
    const picked = selectPlansForRound(rich, '2016-06-30');
    expect(picked.map((p) => p.title)).toEqual(['甲', '乙']);
  });

  it('refuses invalid dates instead of comparing garbage', () => {
    expect(() => selectPlansForRound([plan('bad', '2015-02-30')], '2016-06-30')).toThrow(RangeError);
    expect(() => selectPlansForRound([], '2016-06-31')).toThrow(RangeError);
  });
});
