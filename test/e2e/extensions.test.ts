// Extension requests end to end (README "Extension requests"): through the real Bolt HTTP
// receiver with signed requests, the real outbox dispatcher and the Web API stand-in, in both
// languages. Request → approve → history, card, stats and digest; request from the card's form →
// refuse; bad input saves nothing; a second approver and a double click change nothing more.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { extensionRequests, itemHistory, items } from '../../src/db/schema.ts';
import { runDigest } from '../../src/jobs/digest.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { NOW, PEOPLE } from '../support/office.ts';
import { blockActions, type Json, type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { textsOf } from '../support/slackLimits.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

const log = createLogger({ level: 'silent' });
let h: Harness;

beforeEach(async () => {
  h = await startHarness({ office: { digestChannel: true } });
});
afterEach(async () => {
  await h.close();
});

const dispatch = () =>
  createDispatcher({
    db: h.db,
    post: createSlackPoster({ token: BOT_TOKEN, apiUrl: h.standIn.url }, log),
    log,
    defaultLocale: 'zh-CN',
    pacingMs: 0,
    now: () => NOW,
  }).drain(5_000);

const itemId = (code: string) =>
  h.db.$client
    .prepare("select i.id from items i join plans p on p.id = i.plan_id where p.code = 'P1' and i.code = ?")
    .pluck()
    .get(code) as number;
const itemRow = (code: string) =>
  h.db
    .select()
    .from(items)
    .where(eq(items.id, itemId(code)))
    .get()!;
const dueHistory = (code: string) =>
  h.db
    .select()
    .from(itemHistory)
    .where(eq(itemHistory.itemId, itemId(code)))
    .all()
    .filter((r) => r.field === 'due_on');

/** The DM the dispatcher posted to a person, with where Slack put it. */
function dmTo(user: string, predicate: (shown: string) => boolean = () => true) {
  const row = h.db.$client
    .prepare(
      "select sent_channel as channel, sent_ts as ts, payload from outbox where target = ? and state = 'sent' order by id desc",
    )
    .all(user) as { channel: string; ts: string; payload: string }[];
  const found = row
    .map((r) => ({ ...r, message: JSON.parse(r.payload) as { text: string; blocks: Json[] } }))
    .find((r) => predicate(textsOf(r.message.blocks).join('\n')));
  if (!found) throw new Error(`no DM to ${user}`);
  return { ...found, shown: textsOf(found.message.blocks).join('\n') };
}

/** Clicks a button of a DM as Slack sends it: the message's blocks, channel and ts come along. */
async function clickInDm(user: string, dm: ReturnType<typeof dmTo>, actionId: string, responseUrlId: string) {
  const button = dm.message.blocks
    .flatMap((b) => ((b as { elements?: Json[] }).elements ?? []) as { action_id?: string; value?: string }[])
    .find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button`);
  return postInteraction(
    h.baseUrl,
    SIGNING_SECRET,
    blockActions({
      user_id: user,
      action_id: actionId,
      value: button.value,
      source: {
        kind: 'message',
        channel_id: dm.channel,
        message_ts: dm.ts,
        blocks: dm.message.blocks,
        text: dm.message.text,
      },
      response_url: h.standIn.responseUrl(responseUrlId),
    }),
  );
}

const updatesOf = (channel: string, ts: string) =>
  h.standIn.callsTo('chat.update').filter((c) => c.args.channel === channel && c.args.ts === ts);

describe('extension requests', () => {
  it('zh-CN: /reform 延期 → the leaders approve → history, card, stats and digest', async () => {
    for (const u of [PEOPLE.ndrcMember, PEOPLE.g1Leader, PEOPLE.g1Deputy]) await h.setLocale(u, 'zh-CN');
    const asked = await h.slash(PEOPLE.ndrcMember, '延期 P1#3 2017年3月31日 等待国家配套文件 <出台> & 印发');
    expect(asked.shown).toContain('已申请将 P1#3 延期至 2017-03-31');
    expect(asked.shown).toContain(`<@${PEOPLE.g1Leader}>`);
    expect(asked.shown).toContain(`<@${PEOPLE.g1Deputy}>`);
    expect(itemRow('3').dueOn).toBe('2016-12-31'); // nothing moves before a decision

    expect(await dispatch()).toMatchObject({ sent: 2, failed: 0 });
    const leaderDm = dmTo(PEOPLE.g1Leader);
    const deputyDm = dmTo(PEOPLE.g1Deputy);
    expect(leaderDm.shown).toContain('延期申请：P1#3');
    expect(leaderDm.shown).toContain('现完成时限 2016-12-31 → 申请延期至 *2017-03-31*');
    expect(leaderDm.shown).toContain('等待国家配套文件 &lt;出台&gt; &amp; 印发'); // escaped once

    await clickInDm(PEOPLE.g1Leader, leaderDm, ACTIONS.extensionApprove, 'approve-1');
    // The clicked copy and the deputy's copy both show the decision instead of the buttons.
    const clicked = await h.standIn.waitFor('chat.update', (c) => c.args.ts === leaderDm.ts);
    expect(textsOf(clicked.args.blocks).join('\n')).toContain(
      `✅ <@${PEOPLE.g1Leader}> 已批准：完成时限改为 2017-03-31`,
    );
    const other = await h.standIn.waitFor('chat.update', (c) => c.args.ts === deputyDm.ts);
    expect(JSON.stringify(other.args.blocks)).not.toContain(ACTIONS.extensionApprove);

    const row = itemRow('3');
    expect(row).toMatchObject({ dueOn: '2017-03-31', originalDueOn: '2016-12-31' });
    expect(dueHistory('3')).toMatchObject([
      {
        fromValue: '2016-12-31',
        toValue: '2017-03-31',
        note: '等待国家配套文件 <出台> & 印发',
        actor: PEOPLE.g1Leader,
      },
    ]);

    // The deputy clicks their old copy: told who decided, nothing changes.
    await clickInDm(PEOPLE.g1Deputy, deputyDm, ACTIONS.extensionApprove, 'approve-2');
    const told = await h.waitAnswer('approve-2');
    expect(told.shown).toContain(`此申请已由 <@${PEOPLE.g1Leader}> 批准`);
    // The leader's double click: applied once, nothing said.
    await clickInDm(PEOPLE.g1Leader, leaderDm, ACTIONS.extensionApprove, 'approve-3');
    await h.standIn.waitFor(
      'chat.update',
      (c) => c.args.ts === leaderDm.ts && updatesOf(leaderDm.channel, leaderDm.ts).length >= 2,
    );
    expect(h.standIn.callsTo('response_url').filter((c) => c.responseUrlId === 'approve-3')).toEqual([]);
    expect(dueHistory('3')).toHaveLength(1);
    expect(itemRow('3').version).toBe(row.version);

    // The requester is told by DM.
    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });
    expect(dmTo(PEOPLE.ndrcMember).shown).toContain(
      `你申请的 P1#3 延期已由 <@${PEOPLE.g1Leader}> 批准：延期至 2017-03-31（原定 2016-12-31）`,
    );

    const card = await h.slash(PEOPLE.ndrcMember, '事项 P1#3');
    expect(card.shown).toContain('延期至 2017-03-31（原定 2016-12-31）');
    expect(card.shown).toContain(
      `<@${PEOPLE.g1Leader}> 批准延期：2016-12-31 → 2017-03-31 — 等待国家配套文件 &lt;出台&gt; &amp; 印发`,
    );

    const stats = await h.slash(PEOPLE.ndrcMember, '统计');
    expect(stats.shown).toContain('延期：已延期 1 项，其中未完成 1 项、已过原定时限 0 项；待审批申请 0 项');

    runDigest({
      db: h.db,
      now: new Date('2016-07-04T09:00:00+08:00'),
      config: h.deps.config,
      calendar: h.deps.calendar,
    });
    const reply = h.db.$client
      .prepare("select payload from outbox where idempotency_key like 'digest:C0DIGEST:reply-extensions:%'")
      .pluck()
      .get() as string;
    expect(textsOf(JSON.parse(reply).blocks).join('\n')).toContain(
      '本周批准 1 项、不予批准 0 项，待审批 0 项。累计已延期 1 项',
    );
  });

  it('en: the card\'s "Request extension…" form → refused → the requester is told, nothing moves', async () => {
    for (const u of [PEOPLE.financeMember, PEOPLE.g1Leader, PEOPLE.g1Deputy]) {
      await h.setLocale(u, 'en-US');
      await h.slash(u, 'help'); // the bot learns their language: scheduled DMs read only its cache
    }
    const card = await h.slash(PEOPLE.financeMember, 'item P1#2');
    const button = card.blocks
      .flatMap((b) => ((b as { elements?: Json[] }).elements ?? []) as { action_id?: string; value?: string }[])
      .find((e) => e.action_id === ACTIONS.extensionOpen);
    expect(button?.value).toBeDefined();
    await h.clickRaw(PEOPLE.financeMember, ACTIONS.extensionOpen, button!.value!);
    const opened = await h.standIn.waitFor('views.open');
    const view = opened.args.view as { callback_id: string; private_metadata: string; blocks: Json[] };
    expect(view.callback_id).toBe(VIEWS.extensionRequest);
    expect(textsOf(view.blocks).join('\n')).toContain('Due now: 2016-07-01');

    const submit = (values: StateValues, viewId: string) =>
      postInteraction(
        h.baseUrl,
        SIGNING_SECRET,
        viewSubmission({
          user_id: PEOPLE.financeMember,
          callback_id: VIEWS.extensionRequest,
          private_metadata: view.private_metadata,
          view_id: viewId,
          values,
        }),
      );
    // An earlier date and no reason: both said under their fields, nothing saved.
    const bad = await submit(
      { extension_to: { value: stateValue.date('2016-06-01') }, extension_reason: { value: stateValue.text('  ') } },
      'VEXT1',
    );
    expect(bad.json).toMatchObject({
      response_action: 'errors',
      errors: {
        extension_to: 'The new due date must be after the current one (2016-07-01).',
        extension_reason: 'Give a reason: the approvers decide on it.',
      },
    });
    expect(h.db.select().from(extensionRequests).all()).toEqual([]);

    const good = await submit(
      {
        extension_to: { value: stateValue.date('2016-09-30') },
        extension_reason: { value: stateValue.text('Budget approval moved to August') },
      },
      'VEXT2',
    );
    expect(JSON.stringify(good.json)).toContain('Extension of P1#2 to 2016-09-30 requested');
    // Slack delivers the same submission again: saved once.
    await submit(
      {
        extension_to: { value: stateValue.date('2016-09-30') },
        extension_reason: { value: stateValue.text('Budget approval moved to August') },
      },
      'VEXT2',
    );
    expect(h.db.select().from(extensionRequests).all()).toHaveLength(1);
    // The card says a request is waiting and offers no second one.
    const waiting = await h.slash(PEOPLE.financeMember, 'item P1#2');
    expect(waiting.shown).toContain('Extension to 2016-09-30 requested by');
    expect(JSON.stringify(waiting.blocks)).not.toContain(ACTIONS.extensionOpen);

    await dispatch();
    const dm = dmTo(PEOPLE.g1Leader);
    expect(dm.shown).toContain('Extension request: P1#2');
    await clickInDm(PEOPLE.g1Leader, dm, ACTIONS.extensionRefuse, 'refuse-1');
    const updated = await h.standIn.waitFor('chat.update', (c) => c.args.ts === dm.ts);
    expect(textsOf(updated.args.blocks).join('\n')).toContain(`⛔ Refused by <@${PEOPLE.g1Leader}>`);
    expect(itemRow('2')).toMatchObject({ dueOn: '2016-07-01', originalDueOn: null });
    expect(dueHistory('2')).toEqual([]);

    await dispatch();
    expect(dmTo(PEOPLE.financeMember).shown).toContain(
      `Your extension of P1#2 to 2016-09-30 was refused by <@${PEOPLE.g1Leader}>: it stays due 2016-07-01.`,
    );
    const after = await h.slash(PEOPLE.financeMember, 'item P1#2');
    expect(after.shown).toContain('2016-07-01');
    expect(after.shown).not.toContain('Extended to');
  });

  it.each([
    ['zh-CN', '延期 P1#3', '现完成时限：2016-12-31'],
    ['en-US', 'extend P1#3', 'Due now: 2016-12-31'],
  ] as const)(
    "%s: /reform %s without a date opens the extension form, as the card's button does",
    async (locale, text, due) => {
      await h.setLocale(PEOPLE.ndrcMember, locale);
      const http = await h.slashRaw(PEOPLE.ndrcMember, text);
      expect(http.status).toBe(200);
      const opened = await h.standIn.waitFor('views.open');
      const view = opened.args.view as { callback_id: string; blocks: Json[] };
      expect(view.callback_id).toBe(VIEWS.extensionRequest);
      expect(textsOf(view.blocks).join('\n')).toContain(due);
      expect(h.db.select().from(extensionRequests).all()).toEqual([]);
    },
  );

  it('bad input and people who may not ask or decide: a clear answer, nothing saved', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'en-US');
    await h.setLocale(PEOPLE.stranger, 'zh-CN');
    const cases: [string, string, string][] = [
      [PEOPLE.ndrcMember, 'extend', 'Missing the item.'],
      [PEOPLE.ndrcMember, 'extend P1#3 2017-03-31', 'Missing the reason.'],
      [PEOPLE.ndrcMember, 'extend P1#3 soon because', '`soon` is not a date.'],
      [PEOPLE.ndrcMember, 'extend P1#3 2017-02-30 because', '`2017-02-30` is not a date.'],
      [PEOPLE.ndrcMember, 'extend P1#3 2016-12-01 because', 'must be after the current one (2016-12-31)'],
      [PEOPLE.ndrcMember, 'extend P1#4 2017-03-31 because', 'The item is done'],
      [PEOPLE.ndrcMember, 'extend P1#9 2017-03-31 because', 'Plan `P1` has no item `9`'],
      [PEOPLE.ndrcMember, `extend P1#3 2017-03-31 ${'x'.repeat(501)}`, 'The reason has 501 characters; at most 500.'],
      [PEOPLE.stranger, '延期 P1#3 2017-03-31 理由', '你无权'],
      // The item alone would open the form: those who may not ask are told why instead.
      [PEOPLE.stranger, '延期 P1#3', '你无权'],
      [PEOPLE.ndrcMember, 'extend P1#4', 'The item is done'],
      [PEOPLE.ndrcMember, 'extend P1#9', 'Plan `P1` has no item `9`'],
    ];
    for (const [user, text, expected] of cases) {
      const answer = await h.slash(user, text);
      expect(answer.shown, text).toContain(expected);
    }
    expect(h.db.select().from(extensionRequests).all()).toEqual([]);
    expect(h.db.$client.prepare("select count(*) from outbox where kind like 'extension.%'").pluck().get()).toBe(0);

    // A department member may ask, but not decide.
    await h.slash(PEOPLE.ndrcMember, 'extend P1#3 2017-03-31 waiting for the national rules');
    await dispatch();
    const dm = dmTo(PEOPLE.g1Leader);
    await clickInDm(PEOPLE.ndrcMember, dm, ACTIONS.extensionApprove, 'not-mine');
    expect((await h.waitAnswer('not-mine')).shown).toContain("Only the lead group's leaders and deputies");
    expect(itemRow('3').dueOn).toBe('2016-12-31');
  });
});
