// "As of today" from one instant: the office's civil date (REFORM_TZ, not the machine's zone), its
// calendar and yellow threshold travel together into lights and statistics.
import { describe, expect, it } from 'vitest';
import { asOfToday, lightsAsOf } from '../../src/domain/asOfToday.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';

const office = (tz: string, yellow: number) => ({
  config: { REFORM_TZ: tz, REFORM_YELLOW_WORKDAYS: yellow },
  calendar: CN_CALENDAR,
});

describe('asOfToday', () => {
  it('is the date in REFORM_TZ: 17:30 UTC on 1 March is already 2 March in Shanghai', () => {
    const now = new Date('2026-03-01T17:30:00Z');
    expect(asOfToday(now, office('Asia/Shanghai', 3))).toEqual({
      asOf: '2026-03-02',
      calendar: CN_CALENDAR,
      yellowWorkdays: 3,
    });
    expect(asOfToday(now, office('UTC', 3)).asOf).toBe('2026-03-01');
  });

  it('carries N into the lights: due in 4 working days is yellow with N=5, green with N=3', () => {
    const now = new Date('2026-03-02T02:00:00Z'); // Monday 2 March in Shanghai
    const item = { status: 'started' as const, dueOn: '2026-03-06' }; // Friday: 4 working days on
    expect(lightsAsOf(asOfToday(now, office('Asia/Shanghai', 5)))(item)).toBe('yellow');
    expect(lightsAsOf(asOfToday(now, office('Asia/Shanghai', 3)))(item)).toBe('green');
  });
});
