// Follow-ups end to end: the prompt's button and the docking-arrangement modal, and /reform central,
// through the real Bolt HTTPReceiver with signed requests, against the Web API stand-in.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { decodeArrangementMetadata } from '../../src/blocks/modals/arrangement.ts';
import { groupOptionValue } from '../../src/blocks/modals/centralRegister.ts';
import type { Db } from '../../src/db/client.ts';
import { centralPlans, groups, outbox } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { runFollowups } from '../../src/jobs/followups.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { jobContext, memoryDb } from '../support/jobs.ts';
import { ADMINS, CHANNELS, PEOPLE, seedOrg } from '../support/office.ts';
import { blockActions, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction, postSlashCommand } from '../support/signedRequest.ts';
import type { StandIn } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const NOW = new Date('2026-09-25T10:00:00+08:00');

let standIn: StandIn;
let running: Harness;
let db: Db;
let planId: number;

function answerValues(over: Partial<Record<'lead' | 'drafts' | 'target' | 'note', string | null>> = {}) {
  return {
    lead_department: { value: stateValue.text(over.lead === undefined ? '省国资委' : over.lead) },
    drafts_plan: { value: stateValue.radio(over.drafts === undefined ? 'yes' : over.drafts) },
    target_on: { value: stateValue.date(over.target === undefined ? '2026-12-31' : over.target) },
    note: { value: stateValue.text(over.note === undefined ? '会同财政厅 <!channel>' : over.note) },
  };
}

const submit = (user: string, values = answerValues(), metadata = JSON.stringify({ c: planId, ch: CHANNELS.g1 })) =>
  postInteraction(
    running.baseUrl,
    SIGNING_SECRET,
    viewSubmission({ user_id: user, callback_id: VIEWS.followupArrangement, private_metadata: metadata, values }),
  );

const click = (user: string, responseId: string, channel: string = CHANNELS.g1) =>
  postInteraction(
    running.baseUrl,
    SIGNING_SECRET,
    blockActions({
      user_id: user,
      action_id: ACTIONS.followupArrangement,
      value: String(planId),
      source: { kind: 'message', channel_id: channel },
      response_url: standIn.responseUrl(responseId),
    }),
  );

/** The dispatcher's part: the channel prompt was posted with this ts. */
function markPromptSent(ts: string) {
  db.update(outbox)
    .set({ state: 'sent', sentChannel: CHANNELS.g1, sentTs: ts, sentAt: NOW.toISOString() })
    .where(eq(outbox.kind, 'followup.prompt.channel'))
    .run();
}

beforeEach(async () => {
  db = memoryDb();
  seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
  const result = registerCentralPlan(
    db,
    { title: '关于深化国有企业改革的指导意见', passedOn: '2026-09-24', groupCode: 'G1', createdBy: ADMINS[0] },
    { now: new Date('2026-09-24T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
  );
  if (result.kind === 'invalid') throw new Error('fixture');
  planId = result.id;
  runFollowups(jobContext(db, '2026-09-24T10:15:00+08:00'));
  // The whole app: the follow-up listeners and `/reform central` as registerListeners routes them.
  running = await startHarness({ db, calendar: CN_CALENDAR, now: () => NOW });
  standIn = running.standIn;
});
afterEach(async () => {
  await running.close();
});

describe('follow-up prompt button', () => {
  it('opens the docking-arrangement modal for a member of the group', async () => {
    const res = await click(PEOPLE.g1Liaison, 'r1');
    expect(res.status).toBe(200);
    const open = await standIn.waitFor('views.open');
    const view = open.args.view as {
      callback_id: string;
      private_metadata: string;
      blocks: { block_id?: string }[];
      title: { text: string };
    };
    expect(view.callback_id).toBe(VIEWS.followupArrangement);
    expect(decodeArrangementMetadata(view.private_metadata)).toEqual({ centralPlanId: planId, channel: CHANNELS.g1 });
    expect(view.blocks.map((b) => b.block_id).filter(Boolean)).toEqual([
      'lead_department',
      'drafts_plan',
      'target_on',
      'note',
    ]);
    expect(view.title.text).toBe('对接工作安排');
  });

  it('refuses someone outside the group, saying why, and opens nothing', async () => {
    await click(PEOPLE.stranger, 'out');
    const reply = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'out');
    expect(reply.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply.args.text)).toContain('只有专项小组 G1 的组长、副组长、联络员或改革办人员');
    expect(standIn.callsTo('views.open')).toHaveLength(0);
  });

  it('lets an office admin answer for any group', async () => {
    await click(ADMINS[1], 'adm');
    await standIn.waitFor('views.open');
  });
});

describe('docking-arrangement modal', () => {
  it('shows the errors under the inputs and records nothing', async () => {
    const res = await submit(PEOPLE.g1Liaison, answerValues({ lead: '  ', target: null }));
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { lead_department: '请填写牵头部门。', target_on: '请填写我省方案的完成时限。' },
    });
    const early = await submit(PEOPLE.g1Liaison, answerValues({ target: '2026-09-01' }));
    expect((early.json as { errors: Record<string, string> }).errors.target_on).toContain('2026-09-24');
    expect(db.select().from(centralPlans).get()?.arrangedAt).toBeNull();
  });

  it('records the answer, confirms in the prompt thread, and stops the chase', async () => {
    markPromptSent('1790000000.000100');
    const res = await submit(PEOPLE.g1Liaison);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(db.select().from(centralPlans).get()).toMatchObject({
      arrangedBy: PEOPLE.g1Liaison,
      arrangedAt: NOW.toISOString(),
      arrangementLeadDepartment: '省国资委',
      arrangementDraftsPlan: true,
      arrangementTargetOn: '2026-12-31',
      arrangementNote: '会同财政厅 <!channel>',
    });
    const post = await standIn.waitFor('chat.postMessage');
    expect(post.args).toMatchObject({ channel: CHANNELS.g1, thread_ts: '1790000000.000100' });
    const text = JSON.stringify(post.args.blocks);
    expect(text).toContain(`<@${PEOPLE.g1Liaison}>`);
    expect(text).toContain('省国资委');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    // the chase after the deadline finds nothing to do
    expect(runFollowups(jobContext(db, '2026-09-28T09:00:00+08:00')).queued).toBe(0);
  });

  it('applies a second submission once: no second confirmation, the first answer kept', async () => {
    markPromptSent('1790000000.000100');
    await submit(PEOPLE.g1Liaison);
    await standIn.waitFor('chat.postMessage');
    const again = await submit(PEOPLE.g1Leader, answerValues({ lead: '另一个部门' }));
    expect(again.json).toMatchObject({ response_action: 'errors' }); // the modal says it was already answered
    expect(JSON.stringify(again.json)).toContain('已由');
    await click(PEOPLE.stranger, 'barrier');
    await standIn.waitFor('response_url', (c) => c.responseUrlId === 'barrier');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(db.select().from(centralPlans).get()).toMatchObject({
      arrangedBy: PEOPLE.g1Liaison,
      arrangementLeadDepartment: '省国资委',
    });
  });

  it('a redelivered submission of the same answer closes quietly: no form error, no second confirmation', async () => {
    markPromptSent('1790000000.000100');
    const payload = viewSubmission({
      user_id: PEOPLE.g1Liaison,
      callback_id: VIEWS.followupArrangement,
      private_metadata: JSON.stringify({ c: planId, ch: CHANNELS.g1 }),
      values: answerValues(),
    });
    const first = await postInteraction(running.baseUrl, SIGNING_SECRET, payload);
    await standIn.waitFor('chat.postMessage');
    const retry = await postInteraction(running.baseUrl, SIGNING_SECRET, payload, { retryNum: 1 });
    // Not "already sent by <@U…>" (raw markup in a plain-text error) for a submission that succeeded.
    expect([first.body, retry.body]).toEqual(['', '']);
    await click(PEOPLE.stranger, 'barrier');
    await standIn.waitFor('response_url', (c) => c.responseUrlId === 'barrier');
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(1);
    expect(db.select().from(centralPlans).get()).toMatchObject({
      arrangedBy: PEOPLE.g1Liaison,
      arrangementLeadDepartment: '省国资委',
    });
  });

  it('confirms to the person when the channel prompt has not been posted yet', async () => {
    await submit(PEOPLE.g1Deputy, answerValues({ drafts: 'no', target: null, note: null }));
    const post = await standIn.waitFor('chat.postMessage');
    expect(post.args.channel).toBe(PEOPLE.g1Deputy);
    expect(post.args.thread_ts).toBeUndefined();
    expect(JSON.stringify(post.args.blocks)).toContain('不另行制定我省方案');
  });

  it('tells a late clicker it was already answered', async () => {
    await submit(PEOPLE.g1Liaison);
    await click(PEOPLE.g1Leader, 'late');
    const reply = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'late');
    expect(String(reply.args.text)).toContain(`对接工作安排已由 <@${PEOPLE.g1Liaison}> 于 2026-09-25 报送`);
    expect(standIn.callsTo('views.open')).toHaveLength(0);
  });
});

describe('/reform central', () => {
  const command = (user: string, id: string) =>
    postSlashCommand(running.baseUrl, SIGNING_SECRET, {
      user_id: user,
      channel_id: 'C0ANY',
      text: 'central',
      response_url: standIn.responseUrl(id),
    });

  const groupIdOf = (code: string) => db.select().from(groups).where(eq(groups.code, code)).get()!.id;

  it('opens the registration modal for an admin, with the groups to choose from', async () => {
    await command(ADMINS[0], 'c1');
    const open = await standIn.waitFor('views.open');
    const view = open.args.view as {
      callback_id: string;
      blocks: { block_id?: string; element?: { options?: { value: string }[]; initial_date?: string } }[];
    };
    expect(view.callback_id).toBe(VIEWS.centralRegister);
    const group = view.blocks.find((b) => b.block_id === 'group');
    // Options carry the group's id, never its code (an org file's code has no length limit).
    expect(group?.element?.options?.map((o) => o.value)).toEqual(
      ['G1', 'G2'].map((code) => groupOptionValue(groupIdOf(code))),
    );
    expect(view.blocks.find((b) => b.block_id === 'passed_on')?.element?.initial_date).toBe('2026-09-25');
  });

  it('refuses a non-admin, saying why', async () => {
    await command(PEOPLE.g1Leader, 'c2');
    const reply = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'c2');
    expect(String(reply.args.text)).toContain('只有改革办人员可以登记中央改革方案');
    expect(standIn.callsTo('views.open')).toHaveLength(0);
  });

  it('registers from the modal, with errors under the inputs, once', async () => {
    const values = (title: string, date: string | null, url: string | null) => ({
      title: { value: stateValue.text(title) },
      passed_on: { value: stateValue.date(date) },
      group: { value: stateValue.staticSelect(groupOptionValue(groupIdOf('G2'))) },
      meeting: { value: stateValue.text('中央深改组第二十八次会议') },
      url: { value: { type: 'url_text_input', value: url } },
    });
    const send = (v: ReturnType<typeof values>, user: string = ADMINS[0]) =>
      postInteraction(
        running.baseUrl,
        SIGNING_SECRET,
        viewSubmission({ user_id: user, callback_id: VIEWS.centralRegister, values: v }),
      );
    const bad = await send(values('', '2026-10-30', 'ftp://x'));
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { title: '必填。', passed_on: '审议通过日期不能晚于今天。', url: '不是网址（http:// 或 https://）。' },
    });
    const refused = await send(values('关于完善产权保护制度的意见', '2026-09-20', null), PEOPLE.g1Leader);
    expect(refused.json).toMatchObject({ response_action: 'errors' });
    const ok = await send(values('关于完善产权保护制度的意见', '2026-09-20', 'https://www.gov.cn/x'));
    expect(ok.status).toBe(200);
    const dm = await standIn.waitFor('chat.postMessage');
    expect(dm.args.channel).toBe(ADMINS[0]);
    expect(String(dm.args.text)).toContain('对接工作安排应于 2026-09-23 前报送');
    await send(values('关于完善产权保护制度的意见', '2026-09-20', 'https://www.gov.cn/x'));
    expect(db.select().from(centralPlans).all()).toHaveLength(2); // the fixture's and this one
  });

  it('a redelivered registration (x-slack-retry-num) is confirmed once', async () => {
    const payload = viewSubmission({
      user_id: ADMINS[0],
      callback_id: VIEWS.centralRegister,
      values: {
        title: { value: stateValue.text('关于健全生态保护补偿机制的意见') },
        passed_on: { value: stateValue.date('2026-09-20') },
        group: { value: stateValue.staticSelect(groupOptionValue(groupIdOf('G2'))) },
        meeting: { value: stateValue.text('') },
        url: { value: { type: 'url_text_input', value: null } },
      },
    });
    await postInteraction(running.baseUrl, SIGNING_SECRET, payload);
    const mine = (c: { args: Record<string, unknown> }) =>
      String(c.args.text).includes('关于健全生态保护补偿机制的意见');
    await standIn.waitFor('chat.postMessage', mine);
    const retry = await postInteraction(running.baseUrl, SIGNING_SECRET, payload, { retryNum: 1 });
    expect(retry.body).toBe('');
    await click(PEOPLE.stranger, 'barrier');
    await standIn.waitFor('response_url', (c) => c.responseUrlId === 'barrier');
    expect(standIn.callsTo('chat.postMessage').filter(mine)).toHaveLength(1); // no "未重复登记"
    expect(db.select().from(centralPlans).all()).toHaveLength(2); // the fixture's and this one
  });
});
