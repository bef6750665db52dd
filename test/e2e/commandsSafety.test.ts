// Requests that must not get in, secrets that must not get out, and the app's health and
// shutdown: forged or stale signatures are refused before any listener runs; neither the bot
// token nor the signing secret ever reaches the logs; /healthz reports the database; stop()
// lets acknowledged work finish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { itemHistory } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { blockActions } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

describe('signatures', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it.each([
    ['forged', { forgeSignature: true }],
    ['stale (6 minutes old)', { staleTimestamp: true }],
    ['missing', { omitHeaders: true }],
  ] as const)('a %s signature is refused and nothing runs', async (_name, options) => {
    h.standIn.reset();
    const before = h.db.select().from(itemHistory).all().length;
    const command = await h.slashRaw(PEOPLE.admin, 'update P1#2 done', options);
    expect(command.status).toBe(401);
    const click = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      blockActions({ user_id: PEOPLE.admin, action_id: ACTIONS.itemMarkDone, value: '{"i":2,"v":1}' }),
      options,
    );
    expect(click.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    // (Bolt's own auth.test at the first request is the only call allowed.)
    expect(h.standIn.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(h.db.select().from(itemHistory).all().length).toBe(before);
  });
});

describe('logs', () => {
  it('never contain the bot token or the signing secret, whatever happens', async () => {
    const h = await startHarness({ env: { LOG_LEVEL: 'trace' } });
    try {
      h.deps.log.level = 'trace';
      await h.setLocale(PEOPLE.admin, 'en-US');
      await h.slash(PEOPLE.admin, 'help');
      await h.slash(PEOPLE.admin, 'update P1#2 done evidence');
      await h.slashRaw(PEOPLE.admin, 'help', { forgeSignature: true });
      // A failing Web API call and a listener that cannot answer both get logged.
      h.standIn.failNext('users.info', 1, { kind: 'slackError', error: 'invalid_auth' });
      h.db.delete((await import('../../src/db/schema.ts')).userLocales).run();
      await h.slash(PEOPLE.g1Leader, 'mine');
      h.standIn.failNext('views.open', 1, { kind: 'slackError', error: 'expired_trigger_id' });
      expect((await h.slash(PEOPLE.admin, 'update')).shown).toContain('The update form could not be opened');
      await h.click(PEOPLE.admin, ACTIONS.itemMarkDone, 'garbage');
      const all = h.logs.join('');
      expect(h.logs.length).toBeGreaterThan(5);
      expect(all).toContain('users.info failed'); // the logging did happen
      expect(all).toContain('http request headers: [payload'); // request headers were logged, summarized without their values
      expect(all).not.toContain(BOT_TOKEN);
      expect(all).not.toContain(SIGNING_SECRET);
    } finally {
      await h.close();
    }
  });
});

describe('/healthz', () => {
  it('answers 200 with a small JSON while the database answers, 503 when it does not', async () => {
    const h = await startHarness();
    try {
      const ok = await fetch(`${h.baseUrl}/healthz`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('application/json');
      expect(await ok.json()).toEqual({ ok: true, database: 'ok', outboxPending: 0 });
      h.db.$client.close();
      const down = await fetch(`${h.baseUrl}/healthz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ ok: false, database: 'unreachable' });
    } finally {
      await h.runtime.stop(100);
      await h.standIn.close();
    }
  });
});

describe('shutdown', () => {
  it('stops accepting, then waits for acknowledged work to finish', async () => {
    const h = await startHarness();
    try {
      await h.setLocale(PEOPLE.admin, 'en-US');
      // The answer is slow: the command is acknowledged long before its work is done.
      h.standIn.failNext('users.info', 1, { kind: 'delay', ms: 400 });
      h.db.delete((await import('../../src/db/schema.ts')).userLocales).run();
      const http = await h.slashRaw(PEOPLE.admin, 'stats', { responseUrlId: 'slow' });
      expect(http.status).toBe(200);
      expect(h.runtime.inFlight()).toBe(1);
      expect(h.standIn.callsTo('response_url')).toHaveLength(0);
      await h.runtime.stop();
      // stop() returned only after the answer went out.
      expect(h.standIn.callsTo('response_url').map((c) => c.responseUrlId)).toEqual(['slow']);
      expect(h.runtime.inFlight()).toBe(0);
      await expect(fetch(`${h.baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      await h.standIn.close();
      h.db.$client.close();
    }
  });
});
