// Issue 11 points 5 and 6, end to end through signed requests against the Slack stand-in.
// Text round-trips: slash text is unescaped once on the way in and escaped once on the way out;
// an item note has one limit (NOTE_MAX) on every path. Retries are silent: a redelivered click,
// command or submission (same request key, x-slack-retry-num) changes nothing and sends nothing.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { encodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import { itemHistory, items } from '../../src/db/schema.ts';
import { NOTE_MAX, NoteTooLongError } from '../../src/domain/notes.ts';
import { changeItem } from '../../src/store/items.ts';
import { type Answer, type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { blockActions, type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.standIn.reset();
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
});

const itemByCode = (planCode: string, code: string) => {
  const row = h.db.$client
    .prepare(
      'select i.id, i.plan_id, i.version, i.note, i.status from items i join plans p on p.id = i.plan_id where p.code = ? and i.code = ?',
    )
    .get(planCode, code) as { id: number; plan_id: number; version: number; note: string | null; status: string };
  return row;
};
const historyOf = (itemId: number) => h.db.select().from(itemHistory).where(eq(itemHistory.itemId, itemId)).all();

function button(answer: Answer, actionId: string): string {
  const actions = answer.blocks.filter((b) => b.type === 'actions') as {
    elements: { action_id: string; value: string }[];
  }[];
  const found = actions.flatMap((a) => a.elements).find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button in: ${answer.shown}`);
  return found.value;
}

/**
 * Waits until the app has written `count` summary lines for Slack's id of a request: the line
 * is written when the listeners are done (src/slack/requestLog.ts), after any answer went out,
 * so a missing answer is then known to be missing, not late.
 */
async function handled(slackId: string, count: number): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const lines = h.logs
      .map((l) => JSON.parse(l) as { msg?: string; slackId?: string })
      .filter((l) => l.msg === 'slack request' && l.slackId === slackId);
    if (lines.length >= count) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`request ${slackId} was not handled ${count} times: ${h.logs.length} log lines`);
}

const answersTo = (responseUrlId: string) =>
  h.standIn.callsTo('response_url').filter((c) => c.responseUrlId === responseUrlId);

describe('slash text round-trips', () => {
  it('is unescaped once on the way in (stored as typed) and escaped once on the way out', async () => {
    // What Slack sends for the typed note `<b> & 🚀 中文 עברית &amp;`: & < > as entities.
    const sent = 'update P1#3 done &lt;b&gt; &amp; 🚀 中文 עברית &amp;amp;';
    const a = await h.slash(PEOPLE.admin, sent);
    expect(a.shown).toContain('Updated P1#3');
    expect(itemByCode('P1', '3').note).toBe('<b> & 🚀 中文 עברית &amp;');
    const card = await h.slash(PEOPLE.admin, 'item P1#3');
    expect(card.shown).toContain('&lt;b&gt; &amp; 🚀 中文 עברית &amp;amp;');
    expect(card.shown).not.toContain('&amp;lt;');
    expect(card.shown).not.toContain('<b>');
  });
});

describe('one note limit on every path', () => {
  const tooLong = `${'中'.repeat(NOTE_MAX - 1)}🚀🚀`; // NOTE_MAX + 1 characters

  it('/reform update refuses a note over NOTE_MAX, naming the limit and the length, in both languages', async () => {
    const item = itemByCode('P1', '1');
    const before = historyOf(item.id).length;
    const en = await h.slash(PEOPLE.admin, `update P1#1 started ${tooLong}`);
    expect(en.shown).toBe(
      `The note has ${NOTE_MAX + 1} characters; a note keeps at most ${NOTE_MAX}. Nothing was changed: shorten it and send it again.`,
    );
    await h.setLocale(PEOPLE.admin, 'zh-CN');
    const zh = await h.slash(PEOPLE.admin, `更新 P1#1 已启动未完成 ${tooLong}`);
    expect(zh.shown).toBe(`说明共 ${NOTE_MAX + 1} 字，最多保留 ${NOTE_MAX} 字，未作改动。请删减后重新发送。`);
    expect(historyOf(item.id)).toHaveLength(before);
    // Exactly NOTE_MAX characters (emoji and CJK counted once each) are kept whole.
    const fits = `${'中'.repeat(NOTE_MAX - 1)}🚀`;
    await h.slash(PEOPLE.admin, `update P1#1 started ${fits}`);
    expect(itemByCode('P1', '1').note).toBe(fits);
  });

  it('the update form refuses the same length with the same limit', async () => {
    const item = itemByCode('P2', '1');
    const values: StateValues = {
      [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(item.plan_id)) },
      [itemBlockId(item.plan_id)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(item.id)) },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('started') },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text(tooLong) },
    };
    const res = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.admin,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({ planId: item.plan_id, itemId: item.id, version: item.version }),
        values,
      }),
    );
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { [UPDATE_BLOCKS.note]: `The note has ${NOTE_MAX + 1} characters; at most ${NOTE_MAX} are kept.` },
    });
  });

  it('the store refuses it too, saving nothing', () => {
    const item = itemByCode('P2', '1');
    const before = historyOf(item.id).length;
    expect(() =>
      changeItem(h.db, {
        itemId: item.id,
        status: 'done',
        note: tooLong,
        actor: PEOPLE.admin,
        source: 'slack',
        at: new Date(),
      }),
    ).toThrow(NoteTooLongError);
    expect(historyOf(item.id)).toHaveLength(before);
    expect(itemByCode('P2', '1').status).toBe(item.status);
  });
});

describe('retries are silent', () => {
  it('a redelivered click (same action_ts, x-slack-retry-num) changes nothing and sends nothing', async () => {
    const card = await h.slash(PEOPLE.admin, 'item P2#1');
    const value = button(card, ACTIONS.itemMarkStarted);
    const item = itemByCode('P2', '1');
    const before = historyOf(item.id).length;
    const actionTs = '1467252000.000321';
    const first = await h.click(PEOPLE.admin, ACTIONS.itemMarkStarted, value, { actionTs });
    expect(first.shown).toContain('Updated P2#1');
    // Slack redelivers the same payload: the same action_ts, trigger_id and response_url.
    const payload = blockActions({
      user_id: PEOPLE.admin,
      action_id: ACTIONS.itemMarkStarted,
      value,
      response_url: h.standIn.responseUrl('redelivered-click'),
      source: { kind: 'message', channel_id: 'C0REFORM', is_ephemeral: true },
    });
    (payload.actions as { action_ts: string }[])[0]!.action_ts = actionTs;
    const retry = await postInteraction(h.baseUrl, SIGNING_SECRET, payload, { retryNum: 1 });
    expect(retry.status).toBe(200);
    await handled(String(payload.trigger_id), 1);
    expect(answersTo('redelivered-click')).toEqual([]);
    expect(h.standIn.callsTo('chat.postMessage')).toEqual([]);
    expect(historyOf(item.id)).toHaveLength(before + 1);
  });

  it('a redelivered /reform update (same trigger_id) changes nothing and sends nothing', async () => {
    const item = itemByCode('P1', '4');
    const before = historyOf(item.id).length;
    const triggerId = '13345224609.738474920.8088930838d88f0000e';
    const first = await h.slash(PEOPLE.admin, 'update P1#4 started reopened', { triggerId });
    expect(first.shown).toContain('Updated P1#4');
    await h.slashRaw(PEOPLE.admin, 'update P1#4 started reopened', {
      triggerId,
      retryNum: 1,
      responseUrlId: 'retried-cmd',
    });
    await handled(triggerId, 2);
    expect(answersTo('retried-cmd')).toEqual([]);
    expect(historyOf(item.id)).toHaveLength(before + 1);
  });

  it('a redelivered form submission (same view id) is confirmed once', async () => {
    const item = itemByCode('P1', '2');
    const before = historyOf(item.id).length;
    const values: StateValues = {
      [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(item.plan_id)) },
      [itemBlockId(item.plan_id)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(item.id)) },
      [UPDATE_BLOCKS.status]: {
        [UPDATE_INPUTS.status]: stateValue.radio(item.status === 'started' ? 'not_started' : 'started'),
      },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('印发文件 2016-9') },
    };
    const payload = viewSubmission({
      user_id: PEOPLE.admin,
      callback_id: VIEWS.itemUpdate,
      view_id: 'V0RETRIED1',
      private_metadata: encodeMetadata({ planId: item.plan_id, itemId: item.id, version: item.version }),
      values,
    });
    const first = await postInteraction(h.baseUrl, SIGNING_SECRET, payload);
    const retry = await postInteraction(h.baseUrl, SIGNING_SECRET, payload, { retryNum: 1 });
    expect([first.status, first.body, retry.status, retry.body]).toEqual([200, '', 200, '']);
    await handled(String(payload.trigger_id), 2);
    expect(h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === PEOPLE.admin)).toHaveLength(1);
    expect(
      h.db
        .select()
        .from(itemHistory)
        .where(and(eq(itemHistory.itemId, item.id), eq(itemHistory.requestKey, 'view:V0RETRIED1')))
        .all(),
    ).toHaveLength(1);
    expect(historyOf(item.id)).toHaveLength(before + 1);
    expect(h.db.select().from(items).where(eq(items.id, item.id)).get()?.version).toBe(item.version + 1);
  });
});
