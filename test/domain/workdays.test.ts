import { describe, expect, it } from 'vitest';
import { CN_2016, CN_2026, CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { addDays, fromEpochDay, toEpochDay } from '../../src/domain/dates.ts';
import {
  addWorkdays,
  isWorkday,
  mergeCalendars,
  parseCalendar,
  WEEKENDS_ONLY,
  type WorkCalendar,
  workdaysBetween,
} from '../../src/domain/workdays.ts';

describe('isWorkday', () => {
  it('Monday-Friday are working days, Saturday and Sunday are not', () => {
    expect(isWorkday(CN_2026, '2026-03-09')).toBe(true); // Monday
    expect(isWorkday(CN_2026, '2026-03-06')).toBe(true); // Friday
    expect(isWorkday(CN_2026, '2026-03-07')).toBe(false); // Saturday
    expect(isWorkday(CN_2026, '2026-03-08')).toBe(false); // Sunday
  });

  it('a holiday on a weekday is not a working day', () => {
    expect(isWorkday(CN_2026, '2026-10-01')).toBe(false); // Thursday, National Day
    expect(isWorkday(WEEKENDS_ONLY, '2026-10-01')).toBe(true);
  });

  it('a make-up Saturday or Sunday is a working day (调休)', () => {
    expect(isWorkday(CN_2026, '2026-10-10')).toBe(true); // Saturday
    expect(isWorkday(CN_2026, '2026-09-20')).toBe(true); // Sunday
    expect(isWorkday(WEEKENDS_ONLY, '2026-10-10')).toBe(false);
  });

  it('a holiday wins over a make-up entry in a hand-built calendar', () => {
    const cal: WorkCalendar = { holidays: new Set(['2026-10-10']), makeUpWorkdays: new Set(['2026-10-10']) };
    expect(isWorkday(cal, '2026-10-10')).toBe(false);
  });
});

describe('addWorkdays', () => {
  it('skips the weekend', () => {
    expect(addWorkdays(CN_2026, '2026-03-06', 1)).toBe('2026-03-09'); // Fri -> Mon
    expect(addWorkdays(CN_2026, '2026-03-09', -1)).toBe('2026-03-06'); // Mon -> Fri
    expect(addWorkdays(CN_2026, '2026-03-07', 1)).toBe('2026-03-09'); // from a Saturday
  });

  it('n = 0 returns the date unchanged, even on a day off', () => {
    expect(addWorkdays(CN_2026, '2026-03-07', 0)).toBe('2026-03-07');
  });

  it('skips the National Day break and counts the make-up Saturday', () => {
    expect(addWorkdays(CN_2026, '2026-09-30', 1)).toBe('2026-10-08');
    expect(addWorkdays(CN_2026, '2026-09-30', 2)).toBe('2026-10-09');
    expect(addWorkdays(CN_2026, '2026-09-30', 3)).toBe('2026-10-10'); // Saturday, 调休
    expect(addWorkdays(CN_2026, '2026-09-30', 4)).toBe('2026-10-12');
    expect(addWorkdays(CN_2026, '2026-10-08', -1)).toBe('2026-09-30');
  });

  it('lands on a make-up Sunday', () => {
    expect(addWorkdays(CN_2026, '2026-09-18', 1)).toBe('2026-09-20');
  });

  it('refuses fractional counts', () => {
    expect(() => addWorkdays(CN_2026, '2026-03-06', 1.5)).toThrow(RangeError);
  });
});

describe('workdaysBetween (working days d with from < d <= to)', () => {
  it('counts nothing for the same day', () => {
    expect(workdaysBetween(CN_2026, '2026-03-04', '2026-03-04')).toBe(0);
  });

  it('excludes from, includes to', () => {
    expect(workdaysBetween(CN_2026, '2026-03-06', '2026-03-09')).toBe(1); // Fri -> Mon
    expect(workdaysBetween(CN_2026, '2026-03-04', '2026-03-07')).toBe(2); // Wed -> Sat: Thu, Fri
    expect(workdaysBetween(CN_2026, '2026-03-07', '2026-03-08')).toBe(0); // Sat -> Sun
  });

  it('handles holidays and make-up days', () => {
    expect(workdaysBetween(CN_2026, '2026-09-30', '2026-10-07')).toBe(0);
    expect(workdaysBetween(CN_2026, '2026-09-30', '2026-10-10')).toBe(3);
    expect(workdaysBetween(CN_2026, '2026-09-19', '2026-09-20')).toBe(1); // make-up Sunday
  });

  it('is antisymmetric', () => {
    expect(workdaysBetween(CN_2026, '2026-10-10', '2026-09-30')).toBe(-3);
  });

  it('gives the official number of working days per year', () => {
    // 2016: 261 weekdays - 17 weekday holidays + 6 make-up days; 2026: 261 - 19 + 6.
    expect(workdaysBetween(CN_CALENDAR, '2015-12-31', '2016-12-31')).toBe(250);
    expect(workdaysBetween(CN_CALENDAR, '2025-12-31', '2026-12-31')).toBe(248);
  });

  it('equals a day-by-day count and inverts addWorkdays (every day around 2026)', () => {
    const naive = (from: string, to: string): number => {
      let n = 0;
      for (let d = toEpochDay(from) + 1; d <= toEpochDay(to); d++) if (isWorkday(CN_2026, fromEpochDay(d))) n++;
      return n;
    };
    for (let d = toEpochDay('2025-12-20'); d <= toEpochDay('2027-01-10'); d++) {
      const from = fromEpochDay(d);
      for (let k = 0; k <= 25; k += 1) {
        const to = addDays(from, k);
        expect(workdaysBetween(CN_2026, from, to)).toBe(naive(from, to));
      }
      for (let n = 0; n <= 8; n++) {
        expect(workdaysBetween(CN_2026, from, addWorkdays(CN_2026, from, n))).toBe(n);
      }
    }
  });
});

describe('bundled China calendars', () => {
  it('2026 matches the State Council notice', () => {
    expect(CN_2026.holidays.size).toBe(33);
    expect([...CN_2026.makeUpWorkdays]).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(isWorkday(CN_2026, '2026-02-23')).toBe(false); // last day of the Spring Festival break
    expect(isWorkday(CN_2026, '2026-02-24')).toBe(true);
  });

  it('2016 matches the State Council notice', () => {
    expect([...CN_2016.makeUpWorkdays]).toEqual([
      '2016-02-06',
      '2016-02-14',
      '2016-06-12',
      '2016-09-18',
      '2016-10-08',
      '2016-10-09',
    ]);
    expect(isWorkday(CN_2016, '2016-06-09')).toBe(false); // Dragon Boat Festival
    expect(isWorkday(CN_2016, '2016-06-12')).toBe(true); // Sunday, 调休
  });

  it('the merged calendar covers both years', () => {
    expect(isWorkday(CN_CALENDAR, '2016-06-12')).toBe(true);
    expect(isWorkday(CN_CALENDAR, '2026-10-10')).toBe(true);
  });
});

describe('parseCalendar', () => {
  const ok = JSON.stringify({
    name: 'test',
    holidays: ['2026-10-01', '2026-10-02'],
    makeUpWorkdays: ['2026-10-10'],
  });

  it('reads the documented JSON format', () => {
    const cal = parseCalendar(ok);
    expect(cal.holidays).toEqual(new Set(['2026-10-01', '2026-10-02']));
    expect(cal.makeUpWorkdays).toEqual(new Set(['2026-10-10']));
    expect(isWorkday(cal, '2026-10-10')).toBe(true);
  });

  it('accepts empty lists', () => {
    const cal = parseCalendar('{"holidays": [], "makeUpWorkdays": []}');
    expect(cal.holidays.size + cal.makeUpWorkdays.size).toBe(0);
  });

  it('names the field and index of an impossible date', () => {
    const text = '{"holidays": ["2016-02-28", "2016-02-30"], "makeUpWorkdays": []}';
    expect(() => parseCalendar(text)).toThrow(/holidays\[1\]: not a valid date: "2016-02-30"/);
  });

  it('refuses a make-up day that is a weekday', () => {
    const text = '{"holidays": [], "makeUpWorkdays": ["2026-10-10", "2026-09-29"]}';
    expect(() => parseCalendar(text)).toThrow(/makeUpWorkdays\[1\]: 2026-09-29 is a weekday/);
  });

  it('refuses a date listed as both', () => {
    const text = '{"holidays": ["2026-10-03"], "makeUpWorkdays": ["2026-10-03"]}';
    expect(() => parseCalendar(text)).toThrow(/makeUpWorkdays\[0\]: 2026-10-03 is also holidays\[0\]/);
  });

  it('reports every problem at once', () => {
    const text = '{"holidays": ["x", "2016-02-30"], "makeUpWorkdays": ["2026-13-01"]}';
    const message = (() => {
      try {
        parseCalendar(text);
        return '';
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(message).toContain('holidays[0]');
    expect(message).toContain('holidays[1]');
    expect(message).toContain('makeUpWorkdays[0]');
  });

  it('refuses missing or misspelled fields', () => {
    expect(() => parseCalendar('{"holidays": []}')).toThrow(/makeUpWorkdays/);
    expect(() => parseCalendar('{"holiday": [], "holidays": [], "makeUpWorkdays": []}')).toThrow(/holiday/);
    expect(() => parseCalendar('{"holidays": "2026-10-01", "makeUpWorkdays": []}')).toThrow(/holidays/);
    expect(() => parseCalendar('{"holidays": [20261001], "makeUpWorkdays": []}')).toThrow(/holidays\[0\]/);
    expect(() => parseCalendar('[]')).toThrow(/invalid work calendar/);
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseCalendar('holidays: [2026-10-01]')).toThrow(/not JSON/);
  });
});

describe('mergeCalendars', () => {
  it('unites the lists', () => {
    const merged = mergeCalendars(CN_2016, CN_2026);
    expect(merged.holidays.size).toBe(CN_2016.holidays.size + CN_2026.holidays.size);
    expect(merged.makeUpWorkdays.size).toBe(12);
  });
});
