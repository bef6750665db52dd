// The shutdown budget (src/shutdown.ts): parts run in parallel, the database closes last, and a
// part that never finishes cannot hold `stop` past the budget.
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { shutDownWithin } from '../src/shutdown.ts';

const log = createLogger({ level: 'silent' });

describe('shutDownWithin', () => {
  it('closes after both parts, which run at the same time', async () => {
    const events: string[] = [];
    let release: () => void = () => {};
    const requestsDone = new Promise<void>((resolve) => {
      release = resolve;
    });
    await shutDownWithin(
      10_000,
      {
        requests: async (graceMs) => {
          events.push(`requests ${graceMs}`);
          await requestsDone;
          events.push('requests done');
        },
        // Started while the requests are still finishing: it lets them go.
        scheduled: async () => {
          events.push('scheduled');
          release();
        },
        close: () => {
          events.push('close');
        },
      },
      log,
    );
    expect(events).toEqual(['requests 9000', 'scheduled', 'requests done', 'close']);
  });

  it('closes once the budget is spent even when a part never finishes', async () => {
    let closed = false;
    await shutDownWithin(
      1_200,
      {
        requests: () => new Promise(() => {}),
        scheduled: () => new Promise(() => {}),
        close: () => {
          closed = true;
        },
      },
      log,
    );
    expect(closed).toBe(true);
  });
});
