import { describe, expect, it } from 'vitest';
import { doneOnTime, originalDueOf } from '../../src/domain/onTime.ts';
import {
  createRankingTally,
  movementOf,
  type RankingItem,
  rankingFacts,
  rankUnits,
  rankWithMovement,
  type UnitTally,
} from '../../src/domain/ranking.ts';

const item = (over: Partial<RankingItem>): RankingItem => ({
  status: 'done',
  due: '2026-06-30',
  dueOn: '2026-06-30',
  doneOn: '2026-06-20',
  ...over,
});
const unit = (name: string, dueSoFar: number, onTime: number, overdue = 0): UnitTally => ({
  unit: name,
  dueSoFar,
  onTime,
  overdue,
});

describe('on-time completion', () => {
  it('judges against the due date before the first extension', () => {
    expect(originalDueOf({ dueOn: '2026-09-30', originalDueOn: '2026-06-30' })).toBe('2026-06-30');
    expect(originalDueOf({ dueOn: '2026-06-30', originalDueOn: null })).toBe('2026-06-30');
    expect(originalDueOf({ dueOn: null, originalDueOn: null })).toBeNull();
  });

  it('counts the due day itself as on time, the day after as late, an unknown day as on time', () => {
    expect(doneOnTime('2026-06-30', '2026-06-30')).toBe(true);
    expect(doneOnTime('2026-07-01', '2026-06-30')).toBe(false);
    expect(doneOnTime(null, '2026-06-30')).toBe(true);
  });
});

describe('rankingFacts', () => {
  const asOf = '2026-07-06';
  it('counts an item due on or before the day, on time when done by its original due date', () => {
    expect(rankingFacts(item({}), asOf)).toEqual({ dueSoFar: true, onTime: true, overdue: false });
    expect(rankingFacts(item({ due: asOf, dueOn: asOf, doneOn: asOf }), asOf).dueSoFar).toBe(true);
  });

  it('an extended item done after its original date is due so far but late; it is not overdue', () => {
    const extended = item({ due: '2026-06-30', dueOn: '2026-09-30', doneOn: '2026-07-02' });
    expect(rankingFacts(extended, asOf)).toEqual({ dueSoFar: true, onTime: false, overdue: false });
    // not done yet: past its original date (counted, not on time) yet not overdue (reminders use the new date)
    expect(rankingFacts({ ...extended, status: 'started', doneOn: null }, asOf)).toEqual({
      dueSoFar: true,
      onTime: false,
      overdue: false,
    });
  });

  it('leaves out items due later or without a due date; overdue is not done and past the current date', () => {
    expect(rankingFacts(item({ due: '2026-07-07', dueOn: '2026-07-07' }), asOf).dueSoFar).toBe(false);
    expect(rankingFacts(item({ due: null, dueOn: null }), asOf).dueSoFar).toBe(false);
    expect(rankingFacts(item({ status: 'not_started', doneOn: null }), asOf)).toEqual({
      dueSoFar: true,
      onTime: false,
      overdue: true,
    });
    // due today: counted, not yet overdue
    expect(rankingFacts(item({ status: 'started', due: asOf, dueOn: asOf, doneOn: null }), asOf).overdue).toBe(false);
  });
});

describe('rankUnits', () => {
  it('ranks by rate; equal rates share a rank and the next skips (1, 2, 2, 4)', () => {
    const ranked = rankUnits([unit('D', 4, 1), unit('B', 4, 3), unit('C', 8, 6), unit('A', 2, 2)]);
    expect(ranked.map((u) => [u.unit, u.rate, u.rank])).toEqual([
      ['A', 100, 1],
      ['C', 75, 2],
      ['B', 75, 2],
      ['D', 25, 4],
    ]);
  });

  it('lists tied units by more items due, then fewer overdue, then name (natural order)', () => {
    const ranked = rankUnits([unit('G10', 2, 1, 0), unit('G2', 2, 1, 0), unit('G3', 2, 1, 1), unit('G1', 4, 2, 2)]);
    expect(ranked.map((u) => u.unit)).toEqual(['G1', 'G2', 'G10', 'G3']);
    expect(new Set(ranked.map((u) => u.rank))).toEqual(new Set([1]));
  });

  it('compares rates at the decimal shown: 2/3 and 667/1000 both read 66.7 and tie', () => {
    const ranked = rankUnits([unit('X', 3, 2), unit('Y', 1000, 667)]);
    expect(ranked.map((u) => [u.unit, u.rate, u.rank])).toEqual([
      ['Y', 66.7, 1],
      ['X', 66.7, 1],
    ]);
  });

  it('does not rank a unit with nothing due so far', () => {
    expect(rankUnits([unit('A', 0, 0, 0), unit('B', 1, 0)]).map((u) => u.unit)).toEqual(['B']);
  });
});

describe('movement', () => {
  it('says up, down, same or new', () => {
    expect(movementOf(1, 3)).toEqual({ kind: 'up', places: 2 });
    expect(movementOf(4, 3)).toEqual({ kind: 'down', places: 1 });
    expect(movementOf(2, 2)).toEqual({ kind: 'same' });
    expect(movementOf(2, undefined)).toEqual({ kind: 'new' });
  });

  it('compares with the ranking of the earlier day', () => {
    const rows = rankWithMovement(
      [unit('A', 10, 9), unit('B', 10, 5), unit('C', 10, 7), unit('N', 1, 1)],
      [unit('A', 5, 2), unit('B', 5, 5), unit('C', 5, 3), unit('N', 0, 0)],
    );
    expect(rows.map((r) => [r.unit, r.rank, r.movement])).toEqual([
      ['N', 1, { kind: 'new' }],
      ['A', 2, { kind: 'up', places: 1 }],
      ['C', 3, { kind: 'down', places: 1 }],
      ['B', 4, { kind: 'down', places: 3 }],
    ]);
  });
});

describe('createRankingTally', () => {
  it('adds an item to each unit it is given to and ignores items not yet due', () => {
    const tally = createRankingTally();
    const asOf = '2026-07-06';
    tally.add('发展改革委', rankingFacts(item({}), asOf));
    tally.add('财政厅', rankingFacts(item({}), asOf));
    tally.add('财政厅', rankingFacts(item({ status: 'started', doneOn: null }), asOf));
    tally.add('教育厅', rankingFacts(item({ due: '2026-12-31', dueOn: '2026-12-31' }), asOf));
    expect(tally.units()).toEqual([
      { unit: '发展改革委', dueSoFar: 1, onTime: 1, overdue: 0 },
      { unit: '财政厅', dueSoFar: 2, onTime: 1, overdue: 1 },
    ]);
  });
});
