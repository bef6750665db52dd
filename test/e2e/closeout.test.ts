// Close-out buttons end to end: the proposal the job queued is "sent", an admin clicks Confirm or
// Not yet, through the real Bolt HTTPReceiver with signed requests, against the Web API stand-in.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import type { Db } from '../../src/db/client.ts';
import { closeoutProposals, plans } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { runCloseout } from '../../src/jobs/closeout.ts';
import { changeItem } from '../../src/store/items.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { jobContext, memoryDb, queued } from '../support/jobs.ts';
import { ADMINS, addNumberedPlan, allDone, PEOPLE, seedOrg } from '../support/office.ts';
import { blockActions, type Json } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import type { StandIn } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

// 00:30 on 2026-12-01 in Shanghai is still 2026-11-30 in UTC: closed_on must be Shanghai's date.
const NOW = new Date('2026-12-01T00:30:00+08:00');

let standIn: StandIn;
let running: Harness;
let db: Db;
let p1: { planId: number; itemIds: number[] };
let p2: { planId: number; itemIds: number[] };
let proposal: { text: string; blocks: Json[] };

type Button = { action_id: string; value: string };
const buttonsOf = (blocks: Json[], planId: number) =>
  (blocks.find((b) => b.block_id === `closeout-actions-${planId}`) as { elements?: Button[] } | undefined)?.elements ??
  [];

function click(user: string, action: string, planId: number, responseId: string, blocks: Json[] = proposal.blocks) {
  const button = buttonsOf(proposal.blocks, planId).find((b) => b.action_id === action) as Button;
  return postInteraction(
    running.baseUrl,
    SIGNING_SECRET,
    blockActions({
      user_id: user,
      action_id: action,
      value: button.value,
      source: { kind: 'message', channel_id: `D${user}`, message_ts: '1790000000.000200', blocks, text: proposal.text },
      response_url: standIn.responseUrl(responseId),
    }),
  );
}

const planRow = (id: number) => db.select().from(plans).where(eq(plans.id, id)).get();

beforeEach(async () => {
  db = memoryDb();
  const { g1 } = seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
  p1 = addNumberedPlan(db, { code: 'SC-FA-001', groupId: g1, items: allDone(3) });
  p2 = addNumberedPlan(db, { code: 'SC-FA-002', groupId: g1, items: allDone(2) });
  runCloseout(jobContext(db, '2026-11-30T09:00:00+08:00'));
  const mine = queued(db).find((r) => r.target === ADMINS[0]);
  if (!mine) throw new Error('no proposal queued');
  proposal = { text: mine.text, blocks: mine.blocks as Json[] };
  running = await startHarness({ db, calendar: CN_CALENDAR, now: () => NOW });
  standIn = running.standIn;
});
afterEach(async () => {
  await running.close();
});

describe('close-out Confirm', () => {
  it('closes the plan as of today in REFORM_TZ and updates the message to say who closed it', async () => {
    const res = await click(ADMINS[0], ACTIONS.closeoutConfirm, p1.planId, 'c1');
    expect(res.status).toBe(200);
    const update = await standIn.waitFor('chat.update');
    expect(planRow(p1.planId)).toMatchObject({ stage: 'closed', closedOn: '2026-12-01', closedBy: ADMINS[0] });
    expect(planRow(p2.planId)?.stage).toBe('issued');
    expect(update.args).toMatchObject({ channel: `D${ADMINS[0]}`, ts: '1790000000.000200', text: proposal.text });
    const blocks = update.args.blocks as Json[];
    expect(blocks).toHaveLength(proposal.blocks.length);
    const outcome = blocks.find((b) => b.block_id === `closeout-actions-${p1.planId}`);
    expect(outcome?.type).toBe('context'); // this plan's buttons are gone ...
    expect(JSON.stringify(outcome)).toContain(`<@${ADMINS[0]}> 已于 2026-12-01 确认销账`);
    expect(buttonsOf(blocks, p2.planId)).toHaveLength(2); // ... the other plan's are kept
    expect(db.select().from(closeoutProposals).where(eq(closeoutProposals.planId, p1.planId)).get()).toMatchObject({
      decision: 'confirmed',
      decidedBy: ADMINS[0],
    });
  });

  it('is safe against a double click and a second admin: closed once, by the first', async () => {
    await Promise.all([
      click(ADMINS[0], ACTIONS.closeoutConfirm, p1.planId, 'first'),
      click(ADMINS[0], ACTIONS.closeoutConfirm, p1.planId, 'second'),
    ]);
    // Both clicks show the outcome on the message (the second in case the first update was lost) ...
    for (let i = 0; i < 200 && standIn.callsTo('chat.update').length < 2; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(standIn.callsTo('chat.update')).toHaveLength(2);
    await click(ADMINS[1], ACTIONS.closeoutConfirm, p1.planId, 'other');
    const told = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'other');
    // ... and the admin who closed it is not told it "was already closed" (issue 11: retries are silent).
    expect(standIn.callsTo('response_url').map((c) => c.responseUrlId)).toEqual(['other']);
    expect(String(told.args.text)).toBe(`方案 SC-FA-001 已由 <@${ADMINS[0]}> 于 2026-12-01 销账，未作改动。`);
    expect(planRow(p1.planId)).toMatchObject({ stage: 'closed', closedBy: ADMINS[0] });
    expect(
      db
        .select()
        .from(closeoutProposals)
        .all()
        .filter((p) => p.planId === p1.planId),
    ).toHaveLength(1);
  });

  it('refuses a non-admin, saying why, and changes nothing', async () => {
    await click(PEOPLE.g1Leader, ACTIONS.closeoutConfirm, p1.planId, 'nope');
    const told = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'nope');
    expect(told.args).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(told.args.text)).toContain('只有改革办人员可以销账');
    expect(planRow(p1.planId)?.stage).toBe('issued');
    expect(standIn.callsTo('chat.update')).toHaveLength(0);
  });

  it('does not close a plan whose items changed since the proposal', async () => {
    changeItem(db, {
      itemId: p1.itemIds[0] as number,
      status: 'started',
      actor: PEOPLE.g1Liaison,
      source: 'slack',
      at: NOW,
    });
    await click(ADMINS[0], ACTIONS.closeoutConfirm, p1.planId, 'changed');
    const update = await standIn.waitFor('chat.update');
    expect(JSON.stringify(update.args.blocks)).toContain('提出后方案已有变化（3 项中完成 2 项），未销账');
    expect(planRow(p1.planId)?.stage).toBe('issued');
  });
});

describe('close-out Not yet', () => {
  it('is recorded, shown on the message, and the plan is not proposed again until it changes', async () => {
    await click(ADMINS[0], ACTIONS.closeoutNotYet, p2.planId, 'later');
    const update = await standIn.waitFor('chat.update');
    expect(JSON.stringify(update.args.blocks)).toContain(`暂不销账（<@${ADMINS[0]}>）`);
    expect(db.select().from(closeoutProposals).where(eq(closeoutProposals.planId, p2.planId)).get()).toMatchObject({
      decision: 'not_yet',
      decidedBy: ADMINS[0],
    });
    expect(planRow(p2.planId)?.stage).toBe('issued');
    expect(runCloseout(jobContext(db, '2026-12-01T09:00:00+08:00')).queued).toBe(0);
    // an item is reopened and finished again: proposed again
    const item = p2.itemIds[0] as number;
    changeItem(db, { itemId: item, status: 'started', actor: PEOPLE.g1Liaison, source: 'slack', at: NOW });
    changeItem(db, { itemId: item, status: 'done', actor: PEOPLE.g1Liaison, source: 'slack', at: NOW });
    const again = runCloseout(jobContext(db, '2026-12-02T09:00:00+08:00'));
    expect(again).toMatchObject({ queued: 2, details: { proposed: 1 } });
  });

  it('a second admin pressing Not yet is told who answered', async () => {
    await click(ADMINS[0], ACTIONS.closeoutNotYet, p2.planId, 'a');
    await standIn.waitFor('chat.update');
    await click(ADMINS[1], ACTIONS.closeoutNotYet, p2.planId, 'b');
    const told = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'b');
    expect(String(told.args.text)).toContain(`<@${ADMINS[0]}> 已答复方案 SC-FA-002 的销账提议`);
  });
});
