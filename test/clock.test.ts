import { describe, expect, it } from 'vitest';
import { FAST_SLEEP_FLOOR_MS, fastClock, parseFastClock } from '../src/clock.ts';

describe('fastClock', () => {
  it('runs `speed` times faster than the wall clock from its anchor, the same in every process', () => {
    let real = Date.parse('2026-05-01T10:00:00Z');
    const spec = { speed: 1440, start: new Date('2026-11-29T12:00:00Z'), realStart: new Date('2026-05-01T10:00:00Z') };
    const clock = fastClock(spec, () => real);
    expect(clock.now().toISOString()).toBe('2026-11-29T12:00:00.000Z');
    real += 60_000; // one real minute is one virtual day
    expect(clock.now().toISOString()).toBe('2026-11-30T12:00:00.000Z');
    // A process started later with the same anchor reads the same virtual time.
    expect(
      fastClock(spec, () => real)
        .now()
        .toISOString(),
    ).toBe('2026-11-30T12:00:00.000Z');
  });

  it('sleeps the virtual duration in real time divided by the speed, never less than a floor', async () => {
    const waits: number[] = [];
    const clock = fastClock(
      { speed: 1000, start: new Date(0), realStart: new Date(0) },
      () => 0,
      async (ms) => {
        waits.push(ms);
      },
    );
    await clock.sleep(60_000);
    await clock.sleep(1000);
    expect(waits).toEqual([60, FAST_SLEEP_FLOOR_MS]);
  });
});

describe('parseFastClock', () => {
  it('reads speed, virtual start and real start', () => {
    expect(parseFastClock('1440, 2026-11-29T20:00:00+08:00, 2026-05-01T10:00:00Z')).toEqual({
      speed: 1440,
      start: new Date('2026-11-29T12:00:00Z'),
      realStart: new Date('2026-05-01T10:00:00Z'),
    });
  });

  it('starts the clock when read without a real start', () => {
    expect(parseFastClock('60,2026-11-29T20:00:00+08:00', () => 1234)).toMatchObject({ realStart: new Date(1234) });
  });

  it('says what is wrong', () => {
    expect(parseFastClock('fast,2026-11-29T20:00:00+08:00')).toMatch(/^speed must be a number/);
    expect(parseFastClock('0.5,2026-11-29T20:00:00+08:00')).toMatch(/^speed must be a number/);
    expect(parseFastClock('100,2026-11-29 20:00')).toMatch(/^virtual start is not an ISO instant/);
    expect(parseFastClock('100,2026-11-29T20:00:00')).toMatch(/^virtual start is not an ISO instant/);
    expect(parseFastClock('100,2026-11-29T20:00:00Z,yesterday')).toMatch(/^real start/);
    expect(parseFastClock('100')).toMatch(/^expected <speed>/);
    expect(parseFastClock('100,2026-11-29T20:00:00Z,2026-11-29T20:00:00Z,x')).toMatch(/^expected <speed>/);
  });
});
