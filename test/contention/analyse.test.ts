// The contention run's verdict (contention/analyse.ts), from made-up facts: which writes count as
// applied, told failed or lost, which slots as missed, what as a duplicate, which stalls as
// inside the load.
import { describe, expect, it } from 'vitest';
import { analyse, type RunFacts } from '../../contention/analyse.ts';
import type { SentRequest } from '../../contention/load.ts';

const at = 1_000_000;
const click = (id: string, latencyMs: number | undefined, status = 200): SentRequest => ({
  kind: 'click',
  id,
  requestKey: `action:${id}`,
  itemId: 1,
  sentAt: at,
  ...(latencyMs === undefined ? {} : { latencyMs, status }),
});

function facts(overrides: Partial<RunFacts>): RunFacts {
  return {
    sent: [],
    appliedKeys: new Set(),
    slack: { responses: [], messages: [], methods: {} },
    jobRuns: [],
    dueSlots: [],
    stall: { maxMs: 0, stalls: [], delay: { p50: 0, p99: 0, max: 0 }, since: at, until: at },
    window: { from: at, to: at + 10_000 },
    cli: [],
    isInterim: (text) => text.includes('being saved'),
    isFailure: (text) => text === 'Something went wrong',
    outboxBacklog: 0,
    ...overrides,
  };
}

describe('contention verdict', () => {
  it('a write is applied, told failed (answered with a result, or not acked in 3 s) or lost', () => {
    const f = analyse(
      facts({
        sent: [
          click('applied', 50),
          click('appliedToldFailed', 50),
          click('told', 50),
          click('late', 4000),
          click('unanswered', undefined),
          click('interimOnly', 50),
          click('silent', 50),
        ],
        appliedKeys: new Set(['action:applied', 'action:appliedToldFailed']),
        slack: {
          responses: [
            { id: 'told', text: 'Something went wrong', at },
            { id: 'appliedToldFailed', text: 'Something went wrong', at },
            { id: 'interimOnly', text: 'P1#1 is being saved', at },
          ],
          messages: [],
          methods: {},
        },
      }),
    );
    expect(f.clicks).toMatchObject({
      sent: 7,
      applied: 2,
      appliedButToldFailed: 1,
      toldFailed: 3,
      notAcked: 2,
      lost: 2,
    });
    expect(f.problems).toContain('2 writes lost (acknowledged, neither applied nor told)');
    // The unanswered request counts as slow as it was waited for.
    expect(f.ack.max).toBe(10_000);
    expect(f.ack).toMatchObject({ acked: 5, late: 1, noAnswer: 1 });
  });

  it('counts a slot without a finished run as missed, and each extra post of a message as a duplicate', () => {
    const f = analyse(
      facts({
        dueSlots: [
          { job: 'reminders', slot: '2026-11-30T01:00:00.000Z' },
          { job: 'digest', slot: '2026-11-30T01:00:00.000Z' },
        ],
        jobRuns: [
          { job: 'reminders', scheduledFor: '2026-11-30T01:00:00.000Z', finished: true },
          { job: 'digest', scheduledFor: '2026-11-30T01:00:00.000Z', finished: false },
        ],
        slack: {
          responses: [],
          messages: [
            { method: 'chat.postMessage', channel: 'C1', text: 'a', key: 'digest:1', at },
            { method: 'chat.postMessage', channel: 'C1', text: 'a', key: 'digest:1', at },
            { method: 'chat.postMessage', channel: 'C2', text: 'same', at },
            { method: 'chat.postMessage', channel: 'C2', text: 'same', at },
            { method: 'chat.postMessage', channel: 'C3', text: 'same', at },
          ],
          methods: {},
        },
      }),
    );
    expect(f.slots).toEqual({ due: 2, missed: 1, missedList: ['digest@2026-11-30T01:00:00.000Z'] });
    expect(f.duplicates.messages).toBe(2);
  });

  it('does not hold against the bot a pause the load generator had at the same moment (the machine stalled both)', () => {
    const stall = {
      maxMs: 394,
      stalls: [
        { at: at + 5_000, ms: 394 },
        { at: at + 9_000, ms: 150 },
      ],
      delay: { p50: 1, p99: 2, max: 394 },
      since: 0,
      until: at + 20_000,
    };
    const harnessStall = {
      maxMs: 388,
      stalls: [{ at: at + 4_997, ms: 388 }],
      delay: { p50: 1, p99: 2, max: 388 },
      since: 0,
      until: at + 20_000,
    };
    const shared = analyse(facts({ sent: [click('a', 5)], stall, harnessStall }));
    expect(shared.stall.inWindowMs).toBe(150);
    expect(shared.stall.machinePauseMs).toBe(394);
    // Without the load generator's figures the same pause counts, and a pause it did not share always does.
    expect(analyse(facts({ sent: [click('a', 5)], stall })).stall.inWindowMs).toBe(394);
    const elsewhere = { ...harnessStall, stalls: [{ at: at + 2_000, ms: 388 }] };
    expect(analyse(facts({ sent: [click('a', 5)], stall, harnessStall: elsewhere })).stall.inWindowMs).toBe(394);
  });

  it('holds to the target only the stalls inside the load, and flags a missing report', () => {
    const stall = {
      maxMs: 900,
      stalls: [
        { at: at - 5000, ms: 900 },
        { at: at + 100, ms: 150 },
        { at: at + 10_300, ms: 400 },
      ],
      delay: { p50: 1, p99: 2, max: 900 },
      since: 0,
      until: at + 20_000,
    };
    // The last one began at +9,900 ms, inside the window: it delayed answers still awaited.
    expect(analyse(facts({ sent: [click('a', 5)], stall })).stall.inWindowMs).toBe(400);
    const none = analyse(facts({ sent: [click('a', 5)], stall: undefined }));
    expect(none.problems).toContain('the bot wrote no stall report');
  });
});
