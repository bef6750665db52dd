import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../src/domain/calendars/cn.ts';
import { addDays } from '../../src/domain/dates.ts';
import { lightClassifier, lightOf, overdueWorkdays, yellowHorizon } from '../../src/domain/lights.ts';
import type { Status } from '../../src/domain/types.ts';
import { WEEKENDS_ONLY, workdaysBetween } from '../../src/domain/workdays.ts';

const open = (dueOn: string | null, status: Status = 'started') => ({ status, dueOn });

describe('lightOf', () => {
  it('done is green, even long past its due date', () => {
    expect(lightOf(open('2026-01-05', 'done'), '2026-03-04', CN_2026)).toBe('green');
  });

  it('no due date is green', () => {
    expect(lightOf(open(null), '2026-03-04', CN_2026)).toBe('green');
    expect(lightOf(open(null, 'not_started'), '2026-03-04', CN_2026)).toBe('green');
  });

  it('past due and not done is red, whatever the status', () => {
    expect(lightOf(open('2026-03-03'), '2026-03-04', CN_2026)).toBe('red');
    expect(lightOf(open('2026-03-03', 'not_started'), '2026-03-04', CN_2026)).toBe('red');
    // Overdue by calendar date even when no working day has passed (due Fri, seen Sat).
    expect(lightOf(open('2026-03-06'), '2026-03-07', CN_2026)).toBe('red');
  });

  it('due today is yellow', () => {
    expect(lightOf(open('2026-03-04'), '2026-03-04', CN_2026)).toBe('yellow');
  });

  it('yellow up to exactly N working days away, green at N + 1 (Wednesday, N = 3)', () => {
    const asOf = '2026-03-04'; // Wednesday
    expect(lightOf(open('2026-03-05'), asOf, CN_2026)).toBe('yellow'); // Thu: 1
    expect(lightOf(open('2026-03-09'), asOf, CN_2026)).toBe('yellow'); // Mon: 3
    expect(lightOf(open('2026-03-10'), asOf, CN_2026)).toBe('green'); // Tue: 4
  });

  it('counts working days across a weekend (Friday, N = 3)', () => {
    const asOf = '2026-03-06'; // Friday
    expect(lightOf(open('2026-03-08'), asOf, CN_2026)).toBe('yellow'); // Sun: 0
    expect(lightOf(open('2026-03-11'), asOf, CN_2026)).toBe('yellow'); // Wed: 3
    expect(lightOf(open('2026-03-12'), asOf, CN_2026)).toBe('green'); // Thu: 4
  });

  it('counts working days across a holiday break and a make-up Saturday', () => {
    const asOf = '2026-09-30'; // the day before National Day
    expect(lightOf(open('2026-10-07'), asOf, CN_2026)).toBe('yellow'); // 0 working days
    expect(lightOf(open('2026-10-10'), asOf, CN_2026)).toBe('yellow'); // Sat 调休: 3
    expect(lightOf(open('2026-10-11'), asOf, CN_2026)).toBe('yellow'); // Sun: still 3
    expect(lightOf(open('2026-10-12'), asOf, CN_2026)).toBe('green'); // Mon: 4
    // Without the holiday calendar the same item is far away.
    expect(lightOf(open('2026-10-10'), asOf, WEEKENDS_ONLY)).toBe('green');
  });

  it('honours a configured window', () => {
    expect(lightOf(open('2026-03-10'), '2026-03-04', CN_2026, 4)).toBe('yellow');
    expect(lightOf(open('2026-03-04'), '2026-03-04', CN_2026, 0)).toBe('yellow');
    expect(lightOf(open('2026-03-05'), '2026-03-04', CN_2026, 0)).toBe('green');
    expect(lightOf(open('2026-03-08'), '2026-03-06', CN_2026, 0)).toBe('yellow'); // Fri -> Sun
  });

  it('refuses a negative or fractional window and an invalid asOf', () => {
    expect(() => lightOf(open('2026-03-04'), '2026-03-04', CN_2026, -1)).toThrow(RangeError);
    expect(() => lightOf(open('2026-03-04'), '2026-03-04', CN_2026, 1.5)).toThrow(RangeError);
    expect(() => lightOf(open('2026-03-04'), '2026-02-30', CN_2026)).toThrow(RangeError);
  });

  it('agrees with the definition for every due date around a year of asOf dates', () => {
    for (let a = 0; a < 366; a += 3) {
      const asOf = addDays('2026-01-01', a);
      const classify = lightClassifier(asOf, CN_2026, 3);
      for (let k = -5; k <= 20; k++) {
        const dueOn = addDays(asOf, k);
        const expected = dueOn < asOf ? 'red' : workdaysBetween(CN_2026, asOf, dueOn) <= 3 ? 'yellow' : 'green';
        expect(classify(open(dueOn))).toBe(expected);
      }
    }
  });
});

describe('yellowHorizon', () => {
  it('is the last still-yellow due date', () => {
    expect(yellowHorizon('2026-03-04', CN_2026, 3)).toBe('2026-03-09'); // Mon
    expect(yellowHorizon('2026-03-06', CN_2026, 3)).toBe('2026-03-11'); // Wed
    expect(yellowHorizon('2026-09-30', CN_2026, 3)).toBe('2026-10-11'); // Sun after 调休 Sat
    expect(yellowHorizon('2026-03-06', CN_2026, 0)).toBe('2026-03-08'); // Sun
  });
});

describe('overdueWorkdays', () => {
  it('counts working days lost since the due date', () => {
    expect(overdueWorkdays('2026-03-06', '2026-03-09', CN_2026)).toBe(1); // Fri -> Mon
    expect(overdueWorkdays('2026-03-06', '2026-03-07', CN_2026)).toBe(0); // Fri -> Sat
    expect(overdueWorkdays('2026-09-30', '2026-10-12', CN_2026)).toBe(4); // 10-08, 09, 10 (Sat), 12
  });

  it('is 0 when not overdue or undated', () => {
    expect(overdueWorkdays('2026-03-09', '2026-03-09', CN_2026)).toBe(0);
    expect(overdueWorkdays('2026-03-10', '2026-03-09', CN_2026)).toBe(0);
    expect(overdueWorkdays(null, '2026-03-09', CN_2026)).toBe(0);
  });
});
