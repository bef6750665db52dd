import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareDates,
  dayOfWeek,
  daysBetween,
  daysInMonth,
  fromEpochDay,
  instantAt,
  isIsoDate,
  isWeekend,
  parseIsoDate,
  todayIn,
  toEpochDay,
} from '../../src/domain/dates.ts';

describe('isIsoDate / parseIsoDate', () => {
  it.each(['2016-06-30', '2016-02-29', '2000-02-29', '1999-12-31', '9999-12-31', '1000-01-01'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
    expect(parseIsoDate(s)).toBe(s);
  });

  it.each([
    '2016-02-30', // impossible day
    '2015-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2016-04-31',
    '2016-13-01',
    '2016-00-10',
    '2016-01-00',
    '2016-1-01',
    '2016/01/01',
    ' 2016-01-01',
    '2016-01-01T00:00:00Z',
    '0999-01-01', // outside the supported four-digit years
    '',
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
    expect(() => parseIsoDate(s)).toThrow(RangeError);
  });

  it('rejects non-strings', () => {
    expect(isIsoDate(20160101)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
    expect(isIsoDate(new Date('2016-01-01'))).toBe(false);
  });

  it('quotes the bad value in the error', () => {
    expect(() => parseIsoDate('2016-02-30')).toThrow('"2016-02-30"');
  });
});

describe('daysInMonth', () => {
  it('knows leap years', () => {
    expect(daysInMonth(2016, 2)).toBe(29);
    expect(daysInMonth(2015, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2016, 4)).toBe(30);
    expect(daysInMonth(2016, 12)).toBe(31);
  });
});

describe('epoch days and addDays', () => {
  it('anchors at 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('1969-12-31')).toBe(-1);
    expect(fromEpochDay(0)).toBe('1970-01-01');
  });

  it('round-trips every day of 2015-2017', () => {
    const start = toEpochDay('2015-01-01');
    for (let d = start; d < start + 3 * 366; d++) {
      expect(toEpochDay(fromEpochDay(d))).toBe(d);
    }
  });

  it('adds across month, year and leap day', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2016-02-29', 1)).toBe('2016-03-01');
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(addDays('2016-01-01', -1)).toBe('2015-12-31');
    expect(addDays('2016-06-30', 0)).toBe('2016-06-30');
    expect(addDays('2016-01-01', 366)).toBe('2017-01-01');
  });

  it('refuses fractional days and invalid dates', () => {
    expect(() => addDays('2016-01-01', 0.5)).toThrow(RangeError);
    expect(() => addDays('2016-02-30', 1)).toThrow(RangeError);
  });

  it('daysBetween is signed', () => {
    expect(daysBetween('2015-12-30', '2016-06-30')).toBe(183);
    expect(daysBetween('2016-06-30', '2015-12-30')).toBe(-183);
    expect(daysBetween('2016-06-30', '2016-06-30')).toBe(0);
  });
});

describe('compareDates', () => {
  it('sorts chronologically', () => {
    const dates = ['2016-06-30', '2015-12-30', '2016-01-01', '2016-06-30'];
    expect([...dates].sort(compareDates)).toEqual(['2015-12-30', '2016-01-01', '2016-06-30', '2016-06-30']);
    expect(compareDates('2016-01-01', '2016-01-02')).toBe(-1);
    expect(compareDates('2016-01-02', '2016-01-01')).toBe(1);
    expect(compareDates('2016-01-01', '2016-01-01')).toBe(0);
  });
});

describe('dayOfWeek / isWeekend', () => {
  it('uses 0 = Sunday ... 6 = Saturday', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4); // Thursday
    expect(dayOfWeek('1969-12-28')).toBe(0); // Sunday, before the epoch
    expect(dayOfWeek('2016-06-30')).toBe(4); // Thursday
    expect(dayOfWeek('2026-10-10')).toBe(6); // Saturday
    expect(dayOfWeek('2026-09-20')).toBe(0); // Sunday
  });

  it('agrees with Date.getUTCDay for a span of days', () => {
    for (let d = toEpochDay('2025-12-25'); d < toEpochDay('2026-01-15'); d++) {
      const iso = fromEpochDay(d);
      expect(dayOfWeek(iso)).toBe(new Date(`${iso}T00:00:00Z`).getUTCDay());
    }
  });

  it('weekend is Saturday and Sunday only', () => {
    expect(isWeekend('2026-10-10')).toBe(true);
    expect(isWeekend('2026-10-11')).toBe(true);
    expect(isWeekend('2026-10-12')).toBe(false);
  });
});

describe('addMonths', () => {
  it('gives the seed round cut-off', () => {
    expect(addMonths('2016-06-30', -6)).toBe('2015-12-30');
  });

  it('clamps to the end of shorter months', () => {
    expect(addMonths('2016-08-31', -6)).toBe('2016-02-29');
    expect(addMonths('2015-08-31', -6)).toBe('2015-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2016-05-31', -1)).toBe('2016-04-30');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2016-12-15', 1)).toBe('2017-01-15');
    expect(addMonths('2016-01-15', -1)).toBe('2015-12-15');
    expect(addMonths('2016-06-30', -18)).toBe('2014-12-30');
    expect(addMonths('2016-06-30', 0)).toBe('2016-06-30');
  });

  it('refuses fractional months', () => {
    expect(() => addMonths('2016-06-30', 1.5)).toThrow(RangeError);
  });
});

describe('todayIn', () => {
  // 2026-09-30T16:30Z is 00:30 on 1 October in Beijing: the office's day has turned.
  const lateEvening = new Date('2026-09-30T16:30:00Z');

  it('uses the office time zone, not UTC', () => {
    expect(todayIn(lateEvening, 'Asia/Shanghai')).toBe('2026-10-01');
    expect(todayIn(lateEvening, 'UTC')).toBe('2026-09-30');
    expect(todayIn(lateEvening, 'America/Los_Angeles')).toBe('2026-09-30');
  });

  it('turns at local midnight', () => {
    expect(todayIn(new Date('2026-09-30T15:59:59Z'), 'Asia/Shanghai')).toBe('2026-09-30');
    expect(todayIn(new Date('2026-09-30T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-10-01');
  });

  it('refuses an unknown zone or an invalid Date', () => {
    expect(() => todayIn(lateEvening, 'Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => todayIn(new Date('nonsense'), 'Asia/Shanghai')).toThrow(RangeError);
  });
});

describe('instantAt', () => {
  it('is the instant the office clock shows that time that day', () => {
    expect(instantAt('2026-12-07', 9, 0, 'Asia/Shanghai')).toEqual(new Date('2026-12-07T09:00:00+08:00'));
    expect(instantAt('2026-12-07', 0, 30, 'Asia/Shanghai')).toEqual(new Date('2026-12-06T16:30:00Z'));
    expect(instantAt('2026-12-07', 9, 0, 'UTC')).toEqual(new Date('2026-12-07T09:00:00Z'));
    expect(instantAt('2026-12-07', 9, 0, 'Asia/Kolkata')).toEqual(new Date('2026-12-07T09:00:00+05:30'));
  });

  it('takes the offset of the day itself where daylight saving changes it', () => {
    expect(instantAt('2026-01-15', 9, 0, 'Europe/Berlin')).toEqual(new Date('2026-01-15T09:00:00+01:00'));
    expect(instantAt('2026-07-15', 9, 0, 'Europe/Berlin')).toEqual(new Date('2026-07-15T09:00:00+02:00'));
    // Summer time starts at 02:00 on 29 March 2026: 09:00 that day is already +02:00.
    expect(instantAt('2026-03-29', 9, 0, 'Europe/Berlin')).toEqual(new Date('2026-03-29T09:00:00+02:00'));
    // 02:30 does not exist that night; it comes out as 03:30 summer time.
    expect(instantAt('2026-03-29', 2, 30, 'Europe/Berlin')).toEqual(new Date('2026-03-29T03:30:00+02:00'));
    expect(todayIn(instantAt('2026-11-01', 23, 59, 'America/New_York'), 'America/New_York')).toBe('2026-11-01');
  });

  it('refuses an invalid date or time of day', () => {
    expect(() => instantAt('2026-02-30', 9, 0, 'Asia/Shanghai')).toThrow(RangeError);
    expect(() => instantAt('2026-02-03', 24, 0, 'Asia/Shanghai')).toThrow(RangeError);
  });
});
