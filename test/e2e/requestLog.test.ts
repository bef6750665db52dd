// Structured logs of Slack requests, through the real HTTPReceiver: every line written while a
// request is handled (ours, Bolt's, the Web API client's; at trace level) carries that request's
// requestId, each request writes one summary line, and no line holds a secret.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

type Line = Record<string, unknown> & { msg?: string; requestId?: string };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.deps.log.level = 'trace';
  // Bolt checks the token with auth.test once at start-up: those lines belong to no request.
  for (let i = 0; i < 200 && !h.logs.some((l) => l.includes("apiCall('auth.test') end")); i++)
    await new Promise((r) => setTimeout(r, 10));
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.logs.length = 0;
});

const lines = (): Line[] => h.logs.map((l) => JSON.parse(l) as Line);

/** The summary line is written when the listener is done, just after the answer went out. */
async function summaryFor(slackId: string): Promise<Line> {
  for (let i = 0; i < 200; i++) {
    const found = lines().find((l) => l.msg === 'slack request' && l.slackId === slackId);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no summary line for ${slackId}`);
}

describe('request logs', () => {
  it('a slash command: one summary line, and its requestId on every line it caused', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'en-US');
    const triggerId = '1001.2002.log-test-item';
    const answer = await h.slash(PEOPLE.ndrcMember, 'item P1#1', { triggerId });
    expect(answer.http.status).toBe(200);
    const summary = await summaryFor(triggerId);
    expect(summary).toMatchObject({
      level: 30,
      kind: 'command',
      name: '/reform',
      userId: PEOPLE.ndrcMember,
      outcome: 'ok',
      status: 200,
    });
    expect(typeof summary.requestId).toBe('string');
    expect(summary.ackMs).toBeGreaterThanOrEqual(0);
    expect(summary.ackMs as number).toBeLessThanOrEqual(summary.ms as number);
    const all = lines();
    // Bolt's own trace/debug lines and the Web API client's (users.info, the response_url post).
    expect(all.length).toBeGreaterThan(3);
    for (const line of all) expect(line.requestId, JSON.stringify(line)).toBe(summary.requestId);
  });

  it('two requests at once keep their own ids, also in the lines listeners write with deps.log', async () => {
    // users.info fails for one of them: the locale lookup logs a warning from inside the listener.
    await h.setLocale(PEOPLE.g1Leader, 'en-US');
    await h.setLocale(PEOPLE.financeMember, 'en-US');
    h.standIn.on('users.info', (args) =>
      args.user === PEOPLE.g1Leader
        ? { ok: false, error: 'user_not_found' }
        : { ok: true, user: { id: args.user, locale: 'en-US' } },
    );
    try {
      await Promise.all([
        h.slash(PEOPLE.g1Leader, 'stats', { triggerId: '1001.2002.log-test-a' }),
        h.slash(PEOPLE.financeMember, 'stats', { triggerId: '1001.2002.log-test-b' }),
      ]);
      const a = await summaryFor('1001.2002.log-test-a');
      const b = await summaryFor('1001.2002.log-test-b');
      expect(a.requestId).not.toBe(b.requestId);
      const warning = lines().find((l) => l.msg === 'users.info failed; using cached or default locale');
      expect(warning).toMatchObject({
        requestId: a.requestId,
        slackId: '1001.2002.log-test-a',
        userId: PEOPLE.g1Leader,
      });
      for (const line of lines()) expect([a.requestId, b.requestId], JSON.stringify(line)).toContain(line.requestId);
    } finally {
      h.standIn.reset();
    }
  });

  it('a button click is named by its action and action_ts', async () => {
    await h.click(PEOPLE.admin, ACTIONS.itemMarkDone, 'garbage', { actionTs: '1700000000.000777' });
    await new Promise((r) => setTimeout(r, 50));
    const summary = lines().find((l) => l.msg === 'slack request');
    expect(summary).toMatchObject({
      kind: 'block_actions',
      name: ACTIONS.itemMarkDone,
      userId: PEOPLE.admin,
      outcome: 'ok',
    });
    for (const line of lines()) expect(line.requestId, JSON.stringify(line)).toBe(summary?.requestId);
  });

  it('a forged request is refused with a warning that has a requestId too', async () => {
    const http = await h.slashRaw(PEOPLE.admin, 'help', { forgeSignature: true });
    expect(http.status).toBe(401);
    await new Promise((r) => setTimeout(r, 50));
    const refused = lines().find((l) => l.msg === 'slack request refused');
    expect(refused).toMatchObject({ level: 40, status: 401, path: '/slack/events' });
    expect(lines().length).toBeGreaterThan(1); // Bolt says why, too
    for (const line of lines()) expect(line.requestId, JSON.stringify(line)).toBe(refused?.requestId);
  });

  it('no line holds the bot token or the signing secret', async () => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    await h.slash(PEOPLE.admin, 'update P1#2 started with evidence');
    await h.slashRaw(PEOPLE.admin, 'help', { staleTimestamp: true });
    await new Promise((r) => setTimeout(r, 50));
    const all = h.logs.join('');
    expect(h.logs.length).toBeGreaterThan(5);
    expect(all).not.toContain(BOT_TOKEN);
    expect(all).not.toContain(SIGNING_SECRET);
  });
});
