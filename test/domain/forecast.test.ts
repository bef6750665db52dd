import { describe, expect, it } from 'vitest';
import { burnUpSeries, forecastOf, type HistoryDay, MAX_WEEKS_SHOWN } from '../../src/domain/forecast.ts';

const day = (d: string, over: Partial<HistoryDay>): HistoryDay => ({
  day: d,
  becameDone: 0,
  leftDone: 0,
  ...over,
});

// An import of 100 items (30 already done) on Monday 2026-10-05, then completions week by week.
const HISTORY = [
  day('2026-10-05', {}), // the import: status rows, no change

  day('2026-10-14', { becameDone: 4 }),
  day('2026-10-21', { becameDone: 6 }),
  day('2026-11-04', { becameDone: 10, leftDone: 2 }), // two returned (退回)
  day('2026-11-11', { becameDone: 8 }),
  day('2026-11-18', { becameDone: 12 }),
  day('2026-11-25', { becameDone: 10 }),
];
const PRESENT = { done: 78, total: 100 };

describe('burnUpSeries', () => {
  it('walks back from today: one point per week ending on asOf, from the import; the total is today’s', () => {
    const points = burnUpSeries(HISTORY, PRESENT, '2026-11-30');
    expect(points.map((p) => [p.day, p.done, p.total])).toEqual([
      ['2026-10-05', 30, 100],
      ['2026-10-12', 30, 100],
      ['2026-10-19', 34, 100],
      ['2026-10-26', 40, 100],
      ['2026-11-02', 40, 100],
      ['2026-11-09', 48, 100],
      ['2026-11-16', 56, 100],
      ['2026-11-23', 68, 100],
      ['2026-11-30', 78, 100],
    ]);
  });

  it('ends on a past asOf with that day counts (changes after it are taken back)', () => {
    const points = burnUpSeries(HISTORY, PRESENT, '2026-11-09');
    expect(points.at(-1)).toEqual({ day: '2026-11-09', done: 48, total: 100 });
  });

  it('counts items the history never saw from the start, and shows at most a year', () => {
    const points = burnUpSeries([day('2020-01-06', { becameDone: 1 })], { done: 5, total: 9 }, '2026-11-30');
    expect(points).toHaveLength(MAX_WEEKS_SHOWN + 1);
    expect(points[0]).toEqual({ day: '2025-12-01', done: 5, total: 9 });
    expect(burnUpSeries([], { done: 5, total: 9 }, '2026-11-30')).toEqual([{ day: '2026-11-30', done: 5, total: 9 }]);
  });
});

describe('forecastOf', () => {
  it('pace = net completions of the last four weeks ÷ 4; the finish date at that pace; the pace needed', () => {
    // last 28 days (2026-11-03 .. 2026-11-30): 10 - 2 + 8 + 12 + 10 = 38 → 9.5 a week
    const f = forecastOf(HISTORY, { done: 78, total: 100 }, '2026-11-30', '2026-12-31');
    expect(f.pace).toBe(9.5);
    expect(f.remaining).toBe(22);
    // 22 / 9.5 weeks = 16.2 days → 17 days
    expect(f.projection).toEqual({ kind: 'on', finishOn: '2026-12-17' });
    // 22 items in 31 days = 4.97 a week → 5.0
    expect(f.needed).toEqual({ kind: 'perWeek', perWeek: 5 });
  });

  it('an import alone is no pace', () => {
    const f = forecastOf([day('2026-11-20', {})], { done: 50, total: 60 }, '2026-11-30', '2027-06-30');
    expect(f.pace).toBe(0);
    expect(f.projection).toEqual({ kind: 'stalled' });
  });

  it('says finished, and when the target date has passed', () => {
    expect(forecastOf(HISTORY, { done: 100, total: 100 }, '2026-11-30', '2020-12-31')).toMatchObject({
      remaining: 0,
      projection: { kind: 'finished' },
      needed: { kind: 'finished' },
    });
    expect(forecastOf(HISTORY, PRESENT, '2026-11-30', '2020-12-31').needed).toEqual({ kind: 'targetPassed' });
    expect(forecastOf(HISTORY, PRESENT, '2026-11-30', '2026-11-30').needed).toEqual({ kind: 'targetPassed' });
  });

  it('rounds the pace needed up to the tenth, so keeping it finishes in time', () => {
    // 10 items in 21 days = 3.333… a week → 3.4
    expect(forecastOf([], { done: 0, total: 10 }, '2026-11-30', '2026-12-21').needed).toEqual({
      kind: 'perWeek',
      perWeek: 3.4,
    });
  });
});
