// Requests that Slack did not sign are refused (401) before any listener runs, for every kind of
// request the app takes: slash commands, block actions, view submissions, type-ahead
// (block_suggestion) and events. Nothing is written to the database and nothing is sent to
// Slack. The same requests, signed properly, do write and send: the refusals are not an accident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton } from '../../src/blocks/ids.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { allTables, snapshot } from '../support/db.ts';
import { itemOf, updateSubmission } from '../support/items.ts';
import { PEOPLE } from '../support/office.ts';
import { appHomeOpened, blockActions, blockSuggestion, slashCommand, urlVerification } from '../support/payloads.ts';
import { postSigned, type SendOptions, STALE_SECONDS, signSlackRequest } from '../support/signedRequest.ts';
import { sentCalls } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const now = () => Math.floor(Date.now() / 1000);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.setLocale(PEOPLE.admin, 'en-US');
});
afterAll(async () => {
  await h.close();
});

/** One request of each kind; signed, each changes the ledger, calls Slack or answers a challenge. */
function requests(): { kind: string; body: string; type: string }[] {
  const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const p1n2 = itemOf(h.db, 'P1#2');
  return [
    {
      kind: 'slash command',
      type: FORM,
      body: new URLSearchParams(
        slashCommand({
          user_id: PEOPLE.admin,
          channel_id: 'C0REFORM',
          text: 'update P1#2 started forged',
          response_url: h.standIn.responseUrl('sig-cmd'),
        }),
      ).toString(),
    },
    {
      kind: 'block_actions',
      type: FORM,
      body: form(
        blockActions({
          user_id: PEOPLE.admin,
          action_id: ACTIONS.itemMarkStarted,
          value: encodeItemButton({ itemId: p1n2.id, version: p1n2.version }),
          response_url: h.standIn.responseUrl('sig-act'),
        }),
      ),
    },
    {
      kind: 'view_submission',
      type: FORM,
      body: form(
        updateSubmission(h.db, {
          user: PEOPLE.admin,
          ref: 'P1#3',
          status: 'done',
          note: 'forged evidence',
          viewId: 'VSIG',
        }),
      ),
    },
    {
      kind: 'block_suggestion',
      type: FORM,
      body: form(blockSuggestion({ user_id: PEOPLE.admin, action_id: ACTIONS.updatePlanSelect, value: 'P1' })),
    },
    {
      kind: 'event (app_home_opened)',
      type: JSON_TYPE,
      body: JSON.stringify(appHomeOpened({ user_id: PEOPLE.admin })),
    },
    { kind: 'url_verification', type: JSON_TYPE, body: JSON.stringify(urlVerification('signed-challenge')) },
  ];
}

/** Ways to get the signature wrong; each returns the send options for a given raw body. */
const BAD: [string, (body: string) => SendOptions][] = [
  ['forged (another secret)', () => ({ forgeSignature: true })],
  ['missing (no headers)', () => ({ omitHeaders: true })],
  ['stale (6 minutes old, correctly signed)', () => ({ staleTimestamp: true })],
  [
    'missing signature, timestamp present',
    () => ({ omitHeaders: true, headers: { 'x-slack-request-timestamp': String(now()) } }),
  ],
  [
    'signed for another body (tampered)',
    (body) => ({ headers: { ...signSlackRequest(SIGNING_SECRET, `${body}&x=1`) } }),
  ],
  [
    'signed for another timestamp',
    (body) => ({
      headers: { ...signSlackRequest(SIGNING_SECRET, body, now() - 1), 'x-slack-request-timestamp': String(now()) },
    }),
  ],
  [
    'unknown version (v1=)',
    (body) => ({
      headers: {
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, body)['x-slack-signature'].replace('v0=', 'v1='),
      },
    }),
  ],
  ['stale and marked as a Slack retry', () => ({ timestampSec: now() - STALE_SECONDS, retryNum: 1 })],
];

describe('unsigned or badly signed requests', () => {
  it.each(BAD)('%s: every kind of request gets 401; nothing written, nothing sent', async (_name, options) => {
    h.standIn.reset();
    const before = snapshot(h.db, allTables(h.db));
    for (const r of requests()) {
      const res = await postSigned(h.baseUrl, SIGNING_SECRET, r.body, r.type, options(r.body));
      expect({ kind: r.kind, status: res.status }).toEqual({ kind: r.kind, status: 401 });
      expect(res.body).not.toContain('challenge');
    }
    await new Promise((r) => setTimeout(r, 150)); // anything a listener started would have called out by now
    expect(sentCalls(h.standIn)).toEqual([]);
    expect(snapshot(h.db, allTables(h.db))).toEqual(before);
  });

  it("a body over Bolt's 4 MB limit is refused with 413, even signed; nothing written, nothing sent", async () => {
    h.standIn.reset();
    const before = snapshot(h.db, allTables(h.db));
    const body = `payload=${'x'.repeat(5 * 1024 * 1024)}`;
    // (connection: close, so the half-read connection is not reused by the next test's requests)
    const res = await postSigned(h.baseUrl, SIGNING_SECRET, body, FORM, { headers: { connection: 'close' } });
    expect(res.status).toBe(413);
    expect(sentCalls(h.standIn)).toEqual([]);
    expect(snapshot(h.db, allTables(h.db))).toEqual(before);
  });
});

describe('the same requests, signed as Slack signs them', () => {
  it('are accepted (200), write the changes and call Slack', async () => {
    h.standIn.reset();
    const before = snapshot(h.db, allTables(h.db));
    for (const r of requests()) {
      const res = await postSigned(h.baseUrl, SIGNING_SECRET, r.body, r.type);
      expect({ kind: r.kind, status: res.status }).toEqual({ kind: r.kind, status: 200 });
      if (r.kind === 'url_verification') expect(res.json).toEqual({ challenge: 'signed-challenge' });
    }
    await h.standIn.waitFor('response_url', (c) => c.responseUrlId === 'sig-cmd');
    await h.standIn.waitFor('response_url', (c) => c.responseUrlId === 'sig-act');
    await h.standIn.waitFor('views.publish', (c) => c.args.user_id === PEOPLE.admin);
    const after = snapshot(h.db, allTables(h.db));
    expect(after.item_history?.length).toBeGreaterThan(before.item_history?.length ?? 0);
    expect(itemOf(h.db, 'P1#3')).toMatchObject({ status: 'done', note: 'forged evidence' });
  });
});
