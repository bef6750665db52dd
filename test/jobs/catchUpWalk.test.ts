// The catch-up's backward walk asks node-cron's matcher only about the minutes of the UTC hour a
// slot can fall on (src/jobs/catchUp.ts utcMinutesOf): the same slots as asking about every
// minute, in zones a quarter, half or whole hour off UTC and across daylight-saving changes.
import { describe, expect, it } from 'vitest';
import { cronMatcher, type SlotMatcher, slotsBackwards } from '../../src/jobs/catchUp.ts';

const EVERY_MINUTE: ReadonlySet<number> = new Set(Array.from({ length: 60 }, (_, m) => m));

const slots = (matcher: SlotMatcher, from: string, to: string) =>
  [...slotsBackwards(matcher, new Date(from), new Date(to))].map((d) => d.toISOString());

describe('slotsBackwards', () => {
  const windows = [
    ['2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z'], // New York springs forward
    ['2026-04-04T00:00:00Z', '2026-04-06T00:00:00Z'], // Lord Howe falls back half an hour
  ] as const;
  const zones = ['Asia/Shanghai', 'Asia/Kathmandu', 'America/New_York', 'Australia/Lord_Howe'];
  const expressions = ['0 9 * * *', '*/15 * * * *', '30 3 * * *', '7,52 2 * * 0'];

  it('finds the same slots as a walk over every minute', () => {
    for (const zone of zones)
      for (const expression of expressions)
        for (const [from, to] of windows) {
          const matcher = cronMatcher(expression, zone);
          const found = slots(matcher, from, to);
          expect(found, `${expression} ${zone} ${from}`).toEqual(
            slots({ ...matcher, utcMinutes: EVERY_MINUTE }, from, to),
          );
          if (!expression.startsWith('7,52')) expect(found.length, `${expression} ${zone}`).toBeGreaterThan(0);
        }
  });

  it('asks the matcher about at most four minutes an hour for a daily slot', () => {
    const matcher = cronMatcher('0 9 * * *', 'Asia/Shanghai');
    let asked = 0;
    const counting = {
      ...matcher,
      match: (instant: Date) => {
        asked++;
        return matcher.match(instant);
      },
    };
    expect(slots(counting, '2026-12-02T04:00:00Z', '2026-12-03T04:00:00Z')).toEqual(['2026-12-03T01:00:00.000Z']);
    expect(asked).toBeLessThanOrEqual(24 * 4);
  });
});
