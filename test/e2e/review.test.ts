// Review of claimed results end to end (README "Review of claimed results"): an item marked done
// in Slack asks the lead group's liaison by DM (through the outbox and the real dispatcher, against
// the Web API stand-in); Confirm records who and when; Return takes a reason in a form, puts the
// item back to started, tells the responsible people why, and the digest counts it. In zh-CN and
// en, with the refusals (others cannot confirm, a liaison cannot confirm their own claim).
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { digestHeadline } from '../../src/blocks/messages/digest.ts';
import { encodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import { RETURN_BLOCKS, RETURN_INPUT } from '../../src/blocks/modals/reviewReturn.ts';
import { itemHistory, itemReviews, items, outbox, userLocales } from '../../src/db/schema.ts';
import { asOfToday } from '../../src/domain/asOfToday.ts';
import { translator } from '../../src/i18n/index.ts';
import { digestSettings, gatherDigest } from '../../src/jobs/digest.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { findItem } from '../../src/store/items.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { blockActions, type Json, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { textsOf } from '../support/slackLimits.ts';
import type { RecordedCall } from '../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const log = createLogger({ level: 'silent' });
const dispatch = () =>
  createDispatcher({
    db: h.db,
    post: createSlackPoster({ token: BOT_TOKEN, apiUrl: h.standIn.url }, log),
    log,
    defaultLocale: 'zh-CN',
    pacingMs: 0,
    now: h.deps.now,
  }).drain(5_000);

/** A person's Slack language, as the bot saw it when they last used it (scheduled DMs read this). */
async function speaks(userId: string, locale: 'en-US' | 'zh-CN') {
  await h.setLocale(userId, locale);
  h.db.insert(userLocales).values({ userId, locale, fetchedAt: h.deps.now().toISOString() }).run();
}

const itemId = (code: string) => findItem(h.db, 'P1', code)?.id as number;
const itemRow = (id: number) => h.db.select().from(items).where(eq(items.id, id)).get();
const reviews = (id: number) => h.db.select().from(itemReviews).where(eq(itemReviews.itemId, id)).all();
const historyOf = (id: number, field: string) =>
  h.db
    .select()
    .from(itemHistory)
    .where(and(eq(itemHistory.itemId, id), eq(itemHistory.field, field)))
    .all();
const queuedOf = (kind: string) => h.db.select().from(outbox).where(eq(outbox.kind, kind)).all();

/** The DM the dispatcher posted to this person. */
async function dmTo(userId: string): Promise<{ text: string; blocks: Json[] }> {
  const call = await h.standIn.waitFor('chat.postMessage', (c) => c.args.channel === userId);
  return { text: String(call.args.text), blocks: call.args.blocks as Json[] };
}

function buttonValue(blocks: Json[], actionId: string): string {
  for (const b of blocks) {
    for (const e of (b.elements as Json[] | undefined) ?? []) if (e.action_id === actionId) return String(e.value);
  }
  throw new Error(`no ${actionId} button`);
}

let clicks = 0;
/** A click on a message the bot sent to this person's DM; resolves with the answer at its response_url. */
async function clickOn(userId: string, message: { text: string; blocks: Json[] }, actionId: string) {
  const id = `review-${++clicks}`;
  await postInteraction(
    h.baseUrl,
    SIGNING_SECRET,
    blockActions({
      user_id: userId,
      action_id: actionId,
      value: buttonValue(message.blocks, actionId),
      source: { kind: 'message', channel_id: `D${userId}`, message_ts: '1790000000.000100', ...message },
      response_url: h.standIn.responseUrl(id),
    }),
  );
  return id;
}
const answerAt = (id: string) => h.standIn.waitFor('response_url', (c: RecordedCall) => c.responseUrlId === id);
const shown = (call: RecordedCall) => [String(call.args.text), ...textsOf(call.args.blocks)].join('\n');

describe('mark done → the liaison is asked → Confirm (zh-CN)', () => {
  it('asks the liaison once, records who confirmed and when, and tells a later reviewer who decided', async () => {
    const id = itemId('3');
    const answer = await h.slash(PEOPLE.ndrcMember, 'update P1#3 done 已印发清理规范中介服务的通知');
    expect(answer.text).toContain('已更新');
    // The claim and its request were saved with the change: one request, to the liaison only.
    expect(queuedOf('review.request').map((r) => r.target)).toEqual([PEOPLE.g1Liaison]);
    expect(reviews(id)).toMatchObject([{ state: 'pending', claimedBy: PEOPLE.ndrcMember }]);

    expect(await dispatch()).toMatchObject({ sent: 1, failed: 0 });
    const request = await dmTo(PEOPLE.g1Liaison);
    expect(request.text).toContain(`<@${PEOPLE.ndrcMember}> 将 P1#3`);
    expect(textsOf(request.blocks).join('\n')).toContain('已印发清理规范中介服务的通知');

    const confirmed = await answerAt(await clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewConfirm));
    // The request's buttons gave way to the outcome.
    expect(confirmed.args.replace_original).toBe(true);
    expect(shown(confirmed)).toContain(`✅ <@${PEOPLE.g1Liaison}> 已于 2016-06-30 10:00 确认`);
    expect(JSON.stringify(confirmed.args.blocks)).not.toContain(ACTIONS.reviewConfirm);
    expect(reviews(id)).toMatchObject([
      {
        state: 'confirmed',
        decidedBy: PEOPLE.g1Liaison,
        decidedAt: '2016-06-30T02:00:00.000Z',
        decidedOn: '2016-06-30',
      },
    ]);
    expect(historyOf(id, 'review')).toMatchObject([{ toValue: 'confirmed', actor: PEOPLE.g1Liaison }]);
    expect(itemRow(id)?.status).toBe('done');

    // An admin on a copy of the request (or the card) is told who decided; nothing changes.
    const lateId = await clickOn(PEOPLE.admin, request, ACTIONS.reviewConfirm);
    const late = await h.standIn.waitFor(
      'response_url',
      (c) => c.responseUrlId === lateId && c.args.replace_original !== true,
    );
    expect(late.args.response_type).toBe('ephemeral');
    expect(shown(late)).toContain(`P1#3 已由 <@${PEOPLE.g1Liaison}> 于 2016-06-30 10:00 确认，未作改动。`);
    expect(historyOf(id, 'review')).toHaveLength(1);
  });

  it('the update form (Mark done) asks the liaison too, once for a resubmitted form', async () => {
    const item = findItem(h.db, 'P1', '3') as NonNullable<ReturnType<typeof findItem>>;
    const submission = viewSubmission({
      user_id: PEOPLE.ndrcMember,
      callback_id: VIEWS.itemUpdate,
      view_id: 'VFORM1',
      private_metadata: encodeMetadata({ planId: item.plan.id, itemId: item.id, version: item.version }),
      values: {
        [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(item.plan.id)) },
        [itemBlockId(item.plan.id)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(item.id)) },
        [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('done') },
        [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('已印发通知') },
        [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: stateValue.checkboxes([]) },
      },
    });
    expect((await postInteraction(h.baseUrl, SIGNING_SECRET, submission)).body).toBe('');
    await postInteraction(h.baseUrl, SIGNING_SECRET, submission);
    expect(itemRow(item.id)?.status).toBe('done');
    expect(queuedOf('review.request').map((r) => r.target)).toEqual([PEOPLE.g1Liaison]);
    expect(queuedOf('review.request')[0]?.payload).toContain('已印发通知');
  });

  it('a double click of Confirm records one decision', async () => {
    const id = itemId('3');
    await h.slash(PEOPLE.ndrcMember, 'update P1#3 done 已完成');
    await dispatch();
    const request = await dmTo(PEOPLE.g1Liaison);
    const [a, b] = await Promise.all([
      clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewConfirm),
      clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewConfirm),
    ]);
    await Promise.all([answerAt(a), answerAt(b)]);
    expect(historyOf(id, 'review')).toHaveLength(1);
    expect(reviews(id)).toMatchObject([{ state: 'confirmed' }]);
  });
});

describe('mark done → the liaison is asked → Confirm (en)', () => {
  it('asks, confirms and tells a later reviewer, in English', async () => {
    for (const who of [PEOPLE.ndrcMember, PEOPLE.g1Liaison, PEOPLE.admin]) await speaks(who, 'en-US');
    const id = itemId('3');
    expect((await h.slash(PEOPLE.ndrcMember, 'update P1#3 done circular issued')).text).toContain('Updated');
    await dispatch();
    const request = await dmTo(PEOPLE.g1Liaison);
    expect(request.text).toBe(
      `<@${PEOPLE.ndrcMember}> marked P1#3 清理规范投资审批中介服务 done: please confirm or return it`,
    );
    expect(textsOf(request.blocks).join('\n')).toContain('*Evidence*\ncircular issued');
    const confirmed = await answerAt(await clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewConfirm));
    expect(shown(confirmed)).toContain(`✅ Confirmed by <@${PEOPLE.g1Liaison}> at 2016-06-30 10:00`);
    expect(reviews(id)).toMatchObject([{ state: 'confirmed', decidedBy: PEOPLE.g1Liaison }]);
    const lateId = await clickOn(PEOPLE.admin, request, ACTIONS.reviewReturn);
    const late = await h.standIn.waitFor(
      'response_url',
      (c) => c.responseUrlId === lateId && c.args.replace_original !== true,
    );
    expect(shown(late)).toContain(
      `P1#3 was already confirmed by <@${PEOPLE.g1Liaison}> at 2016-06-30 10:00; nothing changed.`,
    );
    expect(h.standIn.callsTo('views.open')).toHaveLength(0);
    expect(itemRow(id)?.status).toBe('done');
  });
});

describe('App Home', () => {
  it('lists the claim for the liaison with the buttons; Confirm there is answered by DM', async () => {
    const id = itemId('3');
    await h.slash(PEOPLE.ndrcMember, 'update P1#3 done 已完成');
    const home = await h.standIn.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.g1Liaison && JSON.stringify(c.args.view).includes(ACTIONS.reviewConfirm),
    );
    const blocks = (home.args.view as { blocks: Json[] }).blocks;
    expect(textsOf(blocks).join('\n')).toContain('待你审核的完成报告（1）');
    // Not for the department member who claimed it, nor a stranger.
    expect(
      h.standIn
        .callsTo('views.publish')
        .filter((c) => c.args.user_id !== PEOPLE.g1Liaison && c.args.user_id !== PEOPLE.admin)
        .map((c) => JSON.stringify(c.args.view))
        .join(''),
    ).not.toContain(ACTIONS.reviewConfirm);
    await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      blockActions({
        user_id: PEOPLE.g1Liaison,
        action_id: ACTIONS.reviewConfirm,
        value: buttonValue(blocks, ACTIONS.reviewConfirm),
        source: { kind: 'home' },
      }),
    );
    const dm = await h.standIn.waitFor('chat.postMessage', (c) => c.args.channel === PEOPLE.g1Liaison);
    expect(String(dm.args.text)).toBe('已确认：P1#3 已完成。');
    expect(reviews(id)).toMatchObject([{ state: 'confirmed', decidedBy: PEOPLE.g1Liaison }]);
  });
});

describe('mark done → Return with a reason (en)', () => {
  it('puts the item back to started, tells the responsible people why, and the digest counts it', async () => {
    await speaks(PEOPLE.g1Liaison, 'en-US');
    await speaks(PEOPLE.ndrcMember, 'en-US');
    await speaks(PEOPLE.financeMember, 'en-US');
    const id = itemId('1');
    await h.slash(PEOPLE.financeMember, 'update P1#1 done platform online');
    await dispatch();
    const request = await dmTo(PEOPLE.g1Liaison);
    expect(request.text).toBe(
      `<@${PEOPLE.financeMember}> marked P1#1 建立投资项目在线审批监管平台 done: please confirm or return it`,
    );

    await clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewReturn);
    const open = await h.standIn.waitFor('views.open');
    const view = open.args.view as { callback_id: string; private_metadata: string; title: { text: string } };
    expect(view.callback_id).toBe(VIEWS.reviewReturn);
    expect(view.title.text).toBe('Return a result');

    const submit = (reason: string | null) =>
      postInteraction(
        h.baseUrl,
        SIGNING_SECRET,
        viewSubmission({
          user_id: PEOPLE.g1Liaison,
          callback_id: VIEWS.reviewReturn,
          private_metadata: view.private_metadata,
          view_id: 'VRETURN1',
          values: { [RETURN_BLOCKS.reason]: { [RETURN_INPUT]: stateValue.text(reason) } },
        }),
      );
    // No reason: the form says so and nothing changes.
    const empty = await submit('  ');
    expect(JSON.parse(empty.body)).toEqual({
      response_action: 'errors',
      errors: { [RETURN_BLOCKS.reason]: 'Write the reason for returning it.' },
    });
    expect(itemRow(id)?.status).toBe('done');

    const reason = 'The platform is not yet connected to the national system.';
    expect((await submit(reason)).status).toBe(200);
    expect(itemRow(id)?.status).toBe('started');
    expect(historyOf(id, 'status').at(-1)).toMatchObject({
      fromValue: 'done',
      toValue: 'started',
      note: reason,
      actor: PEOPLE.g1Liaison,
    });
    expect(reviews(id)).toMatchObject([{ state: 'returned', reason, decidedBy: PEOPLE.g1Liaison }]);
    // The request shows the outcome in place.
    const update = await h.standIn.waitFor('chat.update');
    expect(update.args).toMatchObject({ channel: `D${PEOPLE.g1Liaison}`, ts: '1790000000.000100' });
    expect(textsOf(update.args.blocks).join('\n')).toContain(
      `↩️ Returned by <@${PEOPLE.g1Liaison}> at 2016-06-30 10:00`,
    );

    // A redelivered submission changes nothing more.
    await submit(reason);
    expect(historyOf(id, 'review')).toHaveLength(1);

    // The responsible departments' members (the claimant among them) are told why, once each.
    expect(await dispatch()).toMatchObject({ failed: 0 });
    const notices = queuedOf('review.returned').map((r) => r.target);
    expect(notices.sort()).toEqual([PEOPLE.financeMember, PEOPLE.ndrcMember].sort());
    const dm = await dmTo(PEOPLE.ndrcMember);
    expect(dm.text).toBe(
      `<@${PEOPLE.g1Liaison}> returned P1#1 建立投资项目在线审批监管平台: it is back to started. Reason: ${reason}`,
    );

    // The digest counts it, in both languages.
    const data = gatherDigest(h.db, asOfToday(h.deps.now(), h.deps), digestSettings(h.deps.config));
    expect(data.returnedThisWeek).toBe(1);
    expect(digestHeadline(translator('en'), data).blocks[0]).toMatchObject({
      text: { text: expect.stringContaining('↩️ 1 result returned this week') },
    });
    expect(JSON.stringify(digestHeadline(translator('zh-CN'), data).blocks)).toContain('↩️ 本周退回 1 项');
  });

  it('Return in Chinese from the item card: the card itself carries the buttons for the liaison', async () => {
    const id = itemId('4'); // imported as done: no claim made in Slack, so nobody was asked
    const card = await h.slash(PEOPLE.g1Liaison, 'item P1#4');
    expect(card.shown).toContain('已完成，未经审核。');
    const value = buttonValue(card.blocks as Json[], ACTIONS.reviewReturn);
    await h.clickRaw(PEOPLE.g1Liaison, ACTIONS.reviewReturn, value);
    const open = await h.standIn.waitFor('views.open');
    const view = open.args.view as { private_metadata: string; title: { text: string } };
    expect(view.title.text).toBe('退回完成报告');
    await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.g1Liaison,
        callback_id: VIEWS.reviewReturn,
        private_metadata: view.private_metadata,
        values: { [RETURN_BLOCKS.reason]: { [RETURN_INPUT]: stateValue.text('目录尚未公布') } },
      }),
    );
    expect(itemRow(id)?.status).toBe('started');
    // No request message to mark: the reviewer is told by DM.
    const told = await h.standIn.waitFor('chat.postMessage', (c) => c.args.channel === PEOPLE.g1Liaison);
    expect(String(told.args.text)).toBe('已退回：P1#4 已改回已启动未完成，退回理由已告知责任单位。');
    await dispatch();
    const dm = await dmTo(PEOPLE.ndrcMember);
    expect(dm.text).toContain(
      '退回了 P1#4 出台企业投资项目核准目录 的完成报告，状态已改回已启动未完成。理由：目录尚未公布',
    );
  });
});

describe('who may review', () => {
  it('refuses a department member, a group leader and a stranger, saying why, and changes nothing', async () => {
    const id = itemId('3');
    await h.slash(PEOPLE.ndrcMember, 'update P1#3 done 已完成');
    await dispatch();
    const request = await dmTo(PEOPLE.g1Liaison);
    for (const who of [PEOPLE.financeMember, PEOPLE.g1Leader, PEOPLE.stranger]) {
      const answer = await answerAt(await clickOn(who, request, ACTIONS.reviewConfirm));
      expect(answer.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(shown(answer)).toContain('只有牵头专项小组的联络员或改革办人员可以审核 P1#3，未作改动。');
    }
    await speaks(PEOPLE.stranger, 'en-US');
    await clickOn(PEOPLE.stranger, request, ACTIONS.reviewReturn);
    const refused = await h.standIn.waitFor('response_url', (c) =>
      shown(c).includes("Only the leading group's liaison or the reform office can review P1#3"),
    );
    expect(refused).toBeDefined();
    expect(h.standIn.callsTo('views.open')).toHaveLength(0);
    expect(reviews(id)).toMatchObject([{ state: 'pending' }]);
    expect(historyOf(id, 'review')).toHaveLength(0);
  });

  it('a liaison who marked the item done is not asked, and may not confirm it; the office is asked instead', async () => {
    const id = itemId('3');
    await h.slash(PEOPLE.g1Liaison, 'update P1#3 done 已完成');
    expect(queuedOf('review.request').map((r) => r.target)).toEqual([PEOPLE.admin]);
    const card = await h.slash(PEOPLE.g1Liaison, 'item P1#3');
    expect(JSON.stringify(card.blocks)).not.toContain(ACTIONS.reviewConfirm);
    await dispatch();
    const request = await dmTo(PEOPLE.admin);
    const own = await answerAt(await clickOn(PEOPLE.g1Liaison, request, ACTIONS.reviewConfirm));
    expect(shown(own)).toContain('P1#3 是你本人标记完成的，须由其他联络员或改革办人员审核，未作改动。');
    expect(reviews(id)).toMatchObject([{ state: 'pending' }]);
    await answerAt(await clickOn(PEOPLE.admin, request, ACTIONS.reviewConfirm));
    expect(reviews(id)).toMatchObject([{ state: 'confirmed', decidedBy: PEOPLE.admin }]);
  });
});
