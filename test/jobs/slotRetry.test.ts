import { describe, expect, it } from 'vitest';
import { FIRST_JOB_RETRY_MS, jobRetryDelayMs, MAX_JOB_RETRY_MS, slotRetryVerdict } from '../../src/jobs/slotRetry.ts';

describe('jobRetryDelayMs', () => {
  it('waits 15 s before the first retry, doubling each time, never more than 5 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50, 10_000].map(jobRetryDelayMs)).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000, 300_000, 300_000,
    ]);
    expect(FIRST_JOB_RETRY_MS).toBe(15_000);
    expect(MAX_JOB_RETRY_MS).toBe(300_000);
  });

  it('treats a nonsensical attempt number as the first retry', () => {
    expect(jobRetryDelayMs(0)).toBe(15_000);
    expect(jobRetryDelayMs(-3)).toBe(15_000);
  });
});

describe('slotRetryVerdict', () => {
  const slot = new Date('2026-11-27T01:00:00Z');
  const at = (minutes: number) => new Date(slot.getTime() + minutes * 60_000);

  it('retries a slot within the catch-up window while its next slot has not fallen due', () => {
    expect(slotRetryVerdict({ slot, now: at(30), catchUpHours: 24, laterSlotDue: false })).toBe('retry');
    expect(slotRetryVerdict({ slot, now: at(24 * 60), catchUpHours: 24, laterSlotDue: false })).toBe('retry');
  });

  it('gives up a slot older than CATCH_UP_HOURS (at once with 0) or superseded by a later one', () => {
    expect(slotRetryVerdict({ slot, now: at(24 * 60 + 1), catchUpHours: 24, laterSlotDue: false })).toBe('tooOld');
    expect(slotRetryVerdict({ slot, now: at(1), catchUpHours: 0, laterSlotDue: false })).toBe('tooOld');
    expect(slotRetryVerdict({ slot, now: at(20), catchUpHours: 24, laterSlotDue: true })).toBe('superseded');
  });
});
