// App Home refreshes after changes, end to end: a burst of signed button clicks into the real app
// (and one-line updates) re-publishes each concerned person's Home once (counted at the Slack stand-in), showing the
// last change; with a read worker the Home is built in the worker (the main thread never
// calls loadHome), without one it is still coalesced on the main thread.
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTIONS, encodeItemButton } from '../../src/blocks/ids.ts';
import { items } from '../../src/db/schema.ts';
import type { HomeRefresher } from '../../src/slack/homeRefresher.ts';
import { type ReadPool, ReadWorkerError } from '../../src/slack/readWorkers/readPool.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { appHomeOpened } from '../support/payloads.ts';
import { postEvent } from '../support/signedRequest.ts';
import { textsOf } from '../support/slackLimits.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

// Counts the main thread's Home builds. A worker thread loads its own copy of the module
// (through tsx, outside vitest), so calls made there are not counted here.
const mainThreadLoadHome = vi.hoisted(() => ({ calls: 0 }));
vi.mock('../../src/store/home.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/store/home.ts')>();
  return {
    ...original,
    loadHome: (...args: Parameters<typeof original.loadHome>) => {
      mainThreadLoadHome.calls += 1;
      return original.loadHome(...args);
    },
  };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Everyone a change in P1 (lead group G1, departments 发改委 and 财政厅) concerns, and the actor. */
const CONCERNED = [
  PEOPLE.g1Deputy,
  PEOPLE.g1Leader,
  PEOPLE.g1Liaison,
  PEOPLE.ndrcMember,
  PEOPLE.financeMember,
  PEOPLE.admin,
];

async function clickBurst(harness: Harness): Promise<void> {
  const button = (code: string) => {
    const row = harness.db
      .select({ id: items.id, version: items.version, planId: items.planId })
      .from(items)
      .where(eq(items.code, code))
      .all()
      .find((r) => r.planId === 1)!;
    return encodeItemButton({ itemId: row.id, version: row.version });
  };
  // Four changes to P1 by its group's deputy, each answered before the next: P1#1 done, P1#2
  // started, P1#3 done, P1#2 done. Mark started is a click; done needs evidence, so it is a
  // one-line update with a note (Mark done opens the form).
  for (const [code, change] of [
    ['1', 'done'],
    ['2', 'started'],
    ['3', 'done'],
    ['2', 'done'],
  ] as const) {
    const answer =
      change === 'started'
        ? await harness.click(PEOPLE.g1Deputy, ACTIONS.itemMarkStarted, button(code))
        : await harness.slash(PEOPLE.g1Deputy, `update P1#${code} done evidence filed`);
    expect(answer.http.status).toBe(200);
    expect(answer.shown).toContain(`P1#${code}`);
  }
  // A listener asks for Homes after it answered: wait until the last one has finished.
  await vi.waitFor(() => expect(harness.runtime.inFlight()).toBe(0));
}

const publishesTo = (harness: Harness, userId: string) =>
  harness.standIn.callsTo('views.publish').filter((c) => c.args.user_id === userId);

describe.each([
  { mode: 'with a read worker', readWorkers: 1 },
  { mode: 'on the main thread (no workers)', readWorkers: 0 },
])('App Home refresh after a burst of clicks, $mode', ({ readWorkers }) => {
  it('publishes each concerned Home once, built after the last change', async () => {
    // A window no burst outlasts, closed by flush(): the count cannot depend on the machine's speed.
    h = await startHarness({ readWorkers, env: { HOME_REFRESH_WINDOW_MS: '60000' } });
    const homes = h.deps.homes as HomeRefresher;
    mainThreadLoadHome.calls = 0;

    await clickBurst(h);
    // Every click acknowledged and answered, and not one Home published yet: the listeners only asked.
    expect(h.standIn.callsTo('views.publish')).toHaveLength(0);
    expect(homes.pending()).toBe(CONCERNED.length);

    await homes.flush();
    for (const user of CONCERNED) expect(publishesTo(h, user), user).toHaveLength(1);
    expect(publishesTo(h, PEOPLE.g2Leader)).toHaveLength(0); // G2 is not concerned

    // The leader's Home shows P1 after the last click: every item done (4 of 4).
    const leaderHome = textsOf(publishesTo(h, PEOPLE.g1Leader)[0]!.args.view).join('\n');
    expect(leaderHome).toMatch(/\*P1\*[^\n]*100\.0%` 4\/4/);

    if (readWorkers > 0) expect(mainThreadLoadHome.calls).toBe(0);
    else expect(mainThreadLoadHome.calls).toBe(CONCERNED.length);
  });
});

describe('opening the Home tab with a read worker', () => {
  async function openHome(harness: Harness, userId: string) {
    const res = await postEvent(harness.baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: userId }));
    expect(res.status).toBe(200);
    const call = await harness.standIn.waitFor('views.publish', (c) => c.args.user_id === userId);
    return textsOf(call.args.view).join('\n');
  }

  it('publishes at once a Home built in the worker', async () => {
    h = await startHarness({ readWorkers: 1, env: { HOME_REFRESH_WINDOW_MS: '60000' } });
    mainThreadLoadHome.calls = 0;
    expect(await openHome(h, PEOPLE.g1Leader)).toContain('*P1*');
    expect(mainThreadLoadHome.calls).toBe(0);
  });

  it('goes to the home builder (a worker of its own) when the bot has one, not to the read workers', async () => {
    h = await startHarness({ readWorkers: 1, env: { HOME_REFRESH_WINDOW_MS: '60000' } });
    const pool = h.deps.readWorkers as ReadPool;
    let built = 0;
    h.deps.homeBuilder = {
      ...pool,
      buildHome: (task) => {
        built++;
        return pool.buildHome(task);
      },
    };
    h.deps.readWorkers = { ...pool, buildHome: () => Promise.reject(new Error('a Home was given to a read worker')) };
    mainThreadLoadHome.calls = 0;
    expect(await openHome(h, PEOPLE.g1Leader)).toContain('*P1*');
    expect(built).toBe(1);
    expect(mainThreadLoadHome.calls).toBe(0);
    h.deps.readWorkers = pool; // the harness closes the real pool
  });

  it('is built on the main thread when no worker can take it (nothing is lost)', async () => {
    h = await startHarness({ readWorkers: 1, env: { HOME_REFRESH_WINDOW_MS: '60000' } });
    const pool = h.deps.readWorkers as ReadPool;
    h.deps.readWorkers = {
      ...pool,
      buildHome: () => Promise.reject(new ReadWorkerError('no read worker available', false, true)),
    };
    mainThreadLoadHome.calls = 0;
    expect(await openHome(h, PEOPLE.g1Leader)).toContain('*P1*');
    expect(mainThreadLoadHome.calls).toBe(1);
    h.deps.readWorkers = pool; // the harness closes the real pool
  });
});

describe('App Home refresh on shutdown', () => {
  it('drops the refreshes still waiting: nothing is published after stop', async () => {
    h = await startHarness({ env: { HOME_REFRESH_WINDOW_MS: '60000' } });
    await clickBurst(h);
    expect(h.deps.homes?.pending()).toBe(CONCERNED.length);
    const harness = h;
    h = undefined;
    await harness.close(); // runtime.stop(), then the workers, the stand-in and the ledger
    const homes = harness.deps.homes as HomeRefresher;
    expect(homes.pending()).toBe(0);
    homes.request([PEOPLE.admin]); // a late request is refused
    expect(homes.pending()).toBe(0);
    expect(harness.standIn.callsTo('views.publish')).toHaveLength(0);
  });
});
