// A request Slack signed can be delivered again: Slack retries (x-slack-retry-num), a person
// double-clicks, or someone who captured a request posts the same bytes again within the five
// minutes the signature is valid. None of these may apply a change twice: item_history shows one
// change, and a request re-posted after the item changed changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton } from '../../src/blocks/ids.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { historyOf, itemOf, updateSubmission } from '../support/items.ts';
import { PEOPLE } from '../support/office.ts';
import { blockActions, type Json, slashCommand } from '../support/payloads.ts';
import { postSigned, type SlackHttpResult } from '../support/signedRequest.ts';
import { textsOf } from '../support/slackLimits.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const FORM = 'application/x-www-form-urlencoded';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
});
afterAll(async () => {
  await h.close();
});

/** One signed request, frozen: every send posts the same bytes with the same signature. */
function captured(body: string) {
  const timestampSec = Math.floor(Date.now() / 1000);
  return (retryNum?: number): Promise<SlackHttpResult> =>
    postSigned(h.baseUrl, SIGNING_SECRET, body, FORM, { timestampSec, ...(retryNum ? { retryNum } : {}) });
}
const interaction = (payload: Json) => captured(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());

/** The texts answered on a response_url, in order (waits until `n` arrived). */
async function answersOn(id: string, n: number): Promise<string[]> {
  await expect.poll(() => h.standIn.callsTo('response_url').filter((c) => c.responseUrlId === id).length).toBe(n);
  return h.standIn
    .callsTo('response_url')
    .filter((c) => c.responseUrlId === id)
    .map((c) => textsOf(c.args.blocks).join('\n'));
}

describe('a block_actions request posted again', () => {
  it('twice at once, and again as a Slack retry: one change', async () => {
    const item = itemOf(h.db, 'P1#2');
    const send = interaction(
      blockActions({
        user_id: PEOPLE.financeMember,
        action_id: ACTIONS.itemMarkStarted,
        value: encodeItemButton({ itemId: item.id, version: item.version }),
        response_url: h.standIn.responseUrl('replay-click'),
      }),
    );
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send(1);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    // Retries are silent: the first delivery saved it and answers it, once.
    const answers = await answersOn('replay-click', 1);
    expect(answers.filter((s) => s.includes('Updated P1#2: ⬜ not started → 🔄 started.'))).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await answersOn('replay-click', 1)).toHaveLength(1);
    expect(historyOf(h.db, item.id).map((r) => [r.field, r.to_value])).toEqual([['status', 'started']]);
    expect(itemOf(h.db, 'P1#2').version).toBe(item.version + 1);
  });

  it('re-posted after someone else changed the item: nothing changes, and a new click on the old card is refused as stale', async () => {
    const item = itemOf(h.db, 'P2#1');
    const value = encodeItemButton({ itemId: item.id, version: item.version });
    const send = interaction(
      blockActions({
        user_id: PEOPLE.educationMember,
        action_id: ACTIONS.itemMarkStarted,
        value,
        response_url: h.standIn.responseUrl('replay-old'),
      }),
    );
    await send();
    await answersOn('replay-old', 1);
    await h.slash(PEOPLE.admin, 'update P2#1 not started reopened: evidence missing');
    const history = historyOf(h.db, item.id);
    expect(history.map((r) => r.to_value)).toEqual(['started', 'not_started']);

    await send(); // the captured request again: already applied, so nothing is said again
    await new Promise((r) => setTimeout(r, 200));
    await answersOn('replay-old', 1);
    const fresh = await h.click(PEOPLE.educationMember, ACTIONS.itemMarkStarted, value); // same card, new click
    expect(fresh.shown).toContain('P2#1 was changed by someone else since this card was shown; nothing was changed.');
    expect(historyOf(h.db, item.id)).toEqual(history);
    expect(itemOf(h.db, 'P2#1').status).toBe('not_started');
  });
});

describe('a view_submission posted again', () => {
  it('twice, then as a Slack retry: one change, one confirmation', async () => {
    const item = itemOf(h.db, 'P1#3');
    h.standIn.reset();
    const send = interaction(
      updateSubmission(h.db, {
        user: PEOPLE.ndrcMember,
        ref: 'P1#3',
        status: 'done',
        note: '已印发',
        viewId: 'VREPLAY1',
        version: item.version,
      }),
    );
    const [a, b] = await Promise.all([send(), send()]);
    const c = await send(2);
    expect([a, b, c].map((r) => [r.status, r.body])).toEqual([
      [200, ''],
      [200, ''],
      [200, ''],
    ]);
    expect(historyOf(h.db, item.id).map((r) => [r.field, r.to_value, r.note, r.request_key])).toEqual([
      ['status', 'done', '已印发', 'view:VREPLAY1'],
    ]);
    await h.standIn.waitFor('chat.postMessage', (m) => m.args.channel === PEOPLE.ndrcMember);
    await new Promise((r) => setTimeout(r, 150));
    expect(h.standIn.callsTo('chat.postMessage').filter((m) => m.args.channel === PEOPLE.ndrcMember)).toHaveLength(1);
  });

  it('re-posted after someone else changed the item: nothing changes; the same form submitted anew is refused as stale', async () => {
    const item = itemOf(h.db, 'P1#4');
    const form = (viewId: string) =>
      updateSubmission(h.db, {
        user: PEOPLE.admin,
        ref: 'P1#4',
        status: 'started',
        note: 'reopened',
        viewId,
        version: item.version,
      });
    const send = interaction(form('VREPLAY2'));
    expect((await send()).body).toBe('');
    await h.slash(PEOPLE.g1Deputy, 'update P1#4 done closed again');
    const history = historyOf(h.db, item.id);
    expect(history.map((r) => r.to_value)).toEqual(['started', 'done']);

    expect((await send()).status).toBe(200);
    const anew = await interaction(form('VREPLAY3'))();
    expect(JSON.stringify(anew.json)).toContain('Someone changed this item after you opened this form');
    expect(historyOf(h.db, item.id)).toEqual(history);
    expect(itemOf(h.db, 'P1#4').status).toBe('done');
  });
});

describe('a slash command posted again', () => {
  it('the same one-line update (same trigger_id) twice and as a retry: one change', async () => {
    const item = itemOf(h.db, 'P2#1');
    const before = historyOf(h.db, item.id).length; // a block_actions test above changed it too
    const send = captured(
      new URLSearchParams(
        slashCommand({
          user_id: PEOPLE.admin,
          channel_id: 'C0REFORM',
          text: 'update P2#1 started once',
          response_url: h.standIn.responseUrl('replay-cmd'),
        }),
      ).toString(),
    );
    await Promise.all([send(), send()]);
    await send(1);
    const answers = await answersOn('replay-cmd', 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(await answersOn('replay-cmd', 1)).toHaveLength(1);
    expect(answers.filter((s) => s.includes('Updated P2#1'))).toHaveLength(1);
    expect(
      historyOf(h.db, item.id)
        .slice(before)
        .map((r) => [r.field, r.to_value, r.note]),
    ).toEqual([['status', 'started', 'once']]);
  });
});
