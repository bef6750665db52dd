// The round self-check end to end: the real Bolt HTTPReceiver, signed requests, and the Web API
// stand-in. A year-end round over the seed ledger plus one plan of 150 items (compact layout).
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { encodeRoundButton } from '../../src/blocks/messages/roundSelfCheckPrompt.ts';
import type { Db } from '../../src/db/client.ts';
import { itemHistory, items, outbox, roundItems, roundPlans, userLocales } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { openRoundSelfCheck } from '../../src/slack/listeners/actions/roundSelfCheckOpen.ts';
import { createRound, type RoundRow } from '../../src/store/rounds.ts';
import { generateSeedLedger, type SeedLedgerRow } from '../fixtures/seedLedger.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { blockActions, type StateValues, stateValue, triggerId, viewSubmission } from '../support/payloads.ts';
import { ADMIN, liaisonOf, SECOND_G1_LIAISON, seedDb } from '../support/seedLedgerDb.ts';
import { postInteraction, postSlashCommand } from '../support/signedRequest.ts';
import type { StandIn } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

// A plan of 150 items led by G1, issued long before the round: the compact (lines) layout.
const BIG: SeedLedgerRow[] = Array.from({ length: 150 }, (_, i) => ({
  plan_code: 'BIG-001',
  plan_title: '关于全面深化改革的大型实施方案',
  domain: 'economic',
  lead_group: 'G1',
  lead_department: '发展改革委',
  issued_on: '2015-03-01',
  item_code: `BIG-001-${String(i + 1).padStart(3, '0')}`,
  item_title: `具体改革事项第 ${i + 1} 项`,
  responsible_departments: '发展改革委',
  due_on: '2016-10-31',
  status: 'started',
  note: '',
}));

type ViewJson = {
  callback_id?: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; text?: { text: string } }[];
};

describe('round self-check through the HTTP receiver', () => {
  let standIn: StandIn;
  let running: Harness;
  let db: Db;
  let planIds: Map<string, number>;
  let yearEnd: RoundRow;
  let midYear: RoundRow;
  let clock = new Date('2016-12-20T02:00:00Z');

  beforeAll(async () => {
    const seeded = seedDb([...generateSeedLedger(), ...BIG]);
    db = seeded.db;
    planIds = seeded.ledger.planIds;
    const make = (kind: 'year-end' | 'mid-year', asOf: string) => {
      const r = createRound(db, { kind, asOf, minAgeMonths: 6, createdBy: 'cli', now: clock });
      if (r.kind !== 'created') throw new Error('round not created');
      return r.round;
    };
    yearEnd = make('year-end', '2016-06-30');
    midYear = make('mid-year', '2016-06-30');
    // The whole app, as registerListeners routes it.
    running = await startHarness({ db, calendar: CN_CALENDAR, now: () => clock });
    standIn = running.standIn;
  });

  afterAll(async () => {
    await running?.close();
  });

  const click = async (userId: string, round: RoundRow, planCode: string): Promise<ViewJson> => {
    const payload = blockActions({
      user_id: userId,
      action_id: ACTIONS.roundSelfCheck,
      value: encodeRoundButton({ roundId: round.id, planId: planIds.get(planCode) as number }),
      source: { kind: 'message', channel_id: `D${userId}` },
    });
    const before = standIn.callsTo('views.open').length;
    const res = await postInteraction(running.baseUrl, SIGNING_SECRET, payload);
    expect(res.status).toBe(200);
    const open = await standIn.waitFor('views.open', (c) => c.args.trigger_id === payload.trigger_id);
    expect(standIn.callsTo('views.open')).toHaveLength(before + 1);
    return open.args.view as ViewJson;
  };

  const submit = (userId: string, view: ViewJson, values: StateValues, viewId: string, retryNum?: number) =>
    postInteraction(
      running.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: userId,
        callback_id: VIEWS.roundSelfCheck,
        private_metadata: view.private_metadata,
        values,
        view_id: viewId,
      }),
      retryNum === undefined ? {} : { retryNum },
    );

  const answers = (c: string, o: string, b: string): StateValues => ({
    coordinated: { answer: stateValue.radio(c) },
    on_schedule: { answer: stateValue.radio(o) },
    breakthroughs: { answer: stateValue.radio(b) },
  });

  const roundPlan = (round: RoundRow, code: string) =>
    db
      .select()
      .from(roundPlans)
      .where(and(eq(roundPlans.roundId, round.id), eq(roundPlans.planId, planIds.get(code) as number)))
      .get();

  it('opens the modal from the button, one status select per item for a plan of 20', async () => {
    const view = await click(liaisonOf('G1'), yearEnd, 'SC-FA-001');
    expect(view.callback_id).toBe(VIEWS.roundSelfCheck);
    expect(view.blocks.filter((b) => b.block_id?.startsWith('item_'))).toHaveLength(20);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('年底自查'); // no locale known: the office's language
  });

  it('records a valid submission once, even when Slack posts it twice', async () => {
    const view = await click(liaisonOf('G1'), yearEnd, 'SC-FA-003');
    const selects = view.blocks.filter((b) => b.block_id?.startsWith('item_'));
    expect(selects).toHaveLength(28);
    // Confirm every item as shown except one started item, corrected to done.
    const itemRows = db.select().from(roundItems).where(eq(roundItems.roundId, yearEnd.id)).all();
    const statusOf = new Map(itemRows.map((r) => [r.itemId, r.status]));
    const values: StateValues = { ...answers('yes', 'no', 'yes'), note: { text: stateValue.text('已召开专题协调会') } };
    let corrected = 0;
    for (const block of selects) {
      const itemId = Number(block.block_id?.slice('item_'.length));
      let status = statusOf.get(itemId) as string;
      if (corrected === 0 && status === 'started') {
        corrected = itemId;
        status = 'done';
      }
      values[block.block_id as string] = { status: stateValue.staticSelect(status) };
    }
    expect(corrected).toBeGreaterThan(0);

    const first = await submit(liaisonOf('G1'), view, values, 'VSUBMIT1');
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ response_action: 'update', view: { type: 'modal' } });
    expect(JSON.stringify(first.json)).toContain('已记录');
    const filled = roundPlan(yearEnd, 'SC-FA-003');
    expect(filled).toMatchObject({
      coordinated: true,
      onSchedule: false,
      breakthroughs: true,
      note: '已召开专题协调会',
      filledBy: liaisonOf('G1'),
      filledAt: clock.toISOString(),
    });

    // The correction to done is a claim: the group's other liaison is asked to review it (not the
    // one who made it), once, however often the submission comes (README "Review of claimed results").
    const asked = () =>
      db
        .select()
        .from(outbox)
        .all()
        .filter((r) => r.kind === 'review.request' && r.idempotencyKey.includes(`:item-${corrected}:`));
    expect(asked().map((r) => r.target)).toEqual([SECOND_G1_LIAISON]);

    const firstClock = clock;
    clock = new Date('2016-12-20T02:05:00Z');
    // Slack's retry, and the same submission posted again without the header: the modal shows
    // the first outcome again (not "unchanged"), and nothing more is recorded.
    const second = await submit(liaisonOf('G1'), view, values, 'VSUBMIT1', 1);
    expect(second.status).toBe(200);
    expect(second.json).toEqual(first.json);
    const third = await submit(liaisonOf('G1'), view, values, 'VSUBMIT1');
    expect(third.json).toEqual(first.json);
    expect(roundPlan(yearEnd, 'SC-FA-003')?.filledAt).toBe(firstClock.toISOString());
    // A new form with the same answers is a new submission: it changed nothing and says so.
    const again = await submit(liaisonOf('G1'), view, values, 'VSUBMIT2');
    expect(JSON.stringify(again.json)).toContain('未作改动');
    expect(roundPlan(yearEnd, 'SC-FA-003')?.filledAt).toBe(firstClock.toISOString());
    expect(asked()).toHaveLength(1);

    const history = db.select().from(itemHistory).where(eq(itemHistory.itemId, corrected)).all();
    expect(history).toEqual([
      expect.objectContaining({
        field: 'status',
        fromValue: 'started',
        toValue: 'done',
        source: 'slack',
        requestKey: `round:VSUBMIT1:${corrected}`,
      }),
    ]);
    expect(db.select().from(items).where(eq(items.id, corrected)).get()?.status).toBe('done');
    const confirmed = db
      .select()
      .from(roundItems)
      .where(and(eq(roundItems.roundId, yearEnd.id), eq(roundItems.confirmedBy, liaisonOf('G1'))))
      .all();
    expect(confirmed).toHaveLength(28);
  });

  it('answers invalid input inline and records nothing', async () => {
    const view = await click(liaisonOf('G1'), yearEnd, 'BIG-001');
    expect(view.blocks.some((b) => b.block_id === 'corrections')).toBe(true);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const res = await submit(
      liaisonOf('G1'),
      view,
      { ...answers('yes', '', 'no'), corrections: { text: stateValue.text('BIG-001-005=finished\nNOPE=done') } },
      'VBAD',
    );
    expect(res.status).toBe(200);
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(Object.keys(body.errors).sort()).toEqual(['corrections', 'on_schedule']);
    expect(body.errors.corrections).toContain('第 1 行');
    expect(body.errors.corrections).toContain('NOPE');
    expect(roundPlan(yearEnd, 'BIG-001')?.filledBy).toBeNull();
  });

  it('takes corrections as lines for a plan of 150 items', async () => {
    const view = await click(liaisonOf('G1'), yearEnd, 'BIG-001');
    const res = await submit(
      liaisonOf('G1'),
      view,
      {
        ...answers('no', 'no', 'no'),
        corrections: { text: stateValue.text('BIG-001-005=已完成\nbig-001-150 = not started') },
      },
      'VBIG',
    );
    expect((res.json as { response_action: string }).response_action).toBe('update');
    const live = (code: string) => db.select().from(items).where(eq(items.code, code)).get()?.status;
    expect(live('BIG-001-005')).toBe('done');
    expect(live('BIG-001-150')).toBe('not_started');
    expect(live('BIG-001-006')).toBe('started');
    expect(roundPlan(yearEnd, 'BIG-001')).toMatchObject({ coordinated: false, filledBy: liaisonOf('G1') });
  });

  it('refuses a person outside the lead group, on opening and on submitting, and changes nothing', async () => {
    const notice = await click(liaisonOf('G4'), yearEnd, 'SC-FA-002');
    expect(notice.callback_id ?? '').toBe('');
    expect(JSON.stringify(notice)).toContain('SC-FA-002');
    expect(JSON.stringify(notice)).toContain('未作任何改动');

    const view = await click(liaisonOf('G1'), yearEnd, 'SC-FA-002');
    const res = await submit(liaisonOf('G4'), view, answers('yes', 'yes', 'yes'), 'VOTHER');
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(res.json)).toContain('未作任何改动');
    expect(roundPlan(yearEnd, 'SC-FA-002')?.filledBy).toBeNull();
  });

  it("keeps a mid-year round to the office, in the person's language", async () => {
    // Earlier clicks cached the liaison's Slack locale; this person has since switched to English.
    const row = { userId: liaisonOf('G1'), locale: 'en-US', fetchedAt: clock.toISOString() };
    db.insert(userLocales).values(row).onConflictDoUpdate({ target: userLocales.userId, set: row }).run();
    const refused = await click(liaisonOf('G1'), midYear, 'SC-FA-001');
    expect(JSON.stringify(refused)).toContain('Only the reform office fills in the mid-year assessment');

    const view = await click(ADMIN, midYear, 'SC-FA-001');
    expect(view.callback_id).toBe(VIEWS.roundSelfCheck);
    const values: StateValues = answers('yes', 'yes', 'no');
    for (const b of view.blocks.filter((x) => x.block_id?.startsWith('item_')))
      values[b.block_id as string] = { status: stateValue.staticSelect('done') };
    const res = await submit(ADMIN, view, values, 'VMID');
    expect(JSON.stringify(res.json)).toContain('已记录');
    expect(roundPlan(midYear, 'SC-FA-001')).toMatchObject({ filledBy: ADMIN, breakthroughs: false });
  });

  it('openRoundSelfCheck serves the /reform command: the same modal for the office', async () => {
    const { client } = running.runtime.app;
    const trigger = triggerId();
    const outcome = await openRoundSelfCheck(client, trigger, running.deps, {
      roundId: midYear.id,
      planId: planIds.get('SC-FA-002') as number,
      userId: ADMIN,
      locale: 'en',
    });
    expect(outcome).toBe('opened');
    const open = await standIn.waitFor('views.open', (c) => c.args.trigger_id === trigger);
    expect(JSON.stringify(open.args.view)).toContain('Round self-check');
    expect(
      await openRoundSelfCheck(client, triggerId(), running.deps, {
        roundId: 999,
        planId: 1,
        userId: ADMIN,
        locale: 'en',
      }),
    ).toBe('notFound');
  });

  it('/reform round <id> <plan> opens the same modal through the command router', async () => {
    const trigger = triggerId();
    const res = await postSlashCommand(running.baseUrl, SIGNING_SECRET, {
      user_id: ADMIN,
      channel_id: 'C0OFFICE',
      text: `round ${midYear.id} SC-FA-002`,
      trigger_id: trigger,
      response_url: standIn.responseUrl('round-cmd'),
    });
    expect(res.status).toBe(200);
    const open = await standIn.waitFor('views.open', (c) => c.args.trigger_id === trigger);
    expect((open.args.view as { callback_id: string }).callback_id).toBe(VIEWS.roundSelfCheck);

    await postSlashCommand(running.baseUrl, SIGNING_SECRET, {
      user_id: ADMIN,
      channel_id: 'C0OFFICE',
      text: `督察 ${midYear.id} NO-SUCH-PLAN`,
      trigger_id: triggerId(),
      response_url: standIn.responseUrl('round-missing'),
    });
    const reply = await standIn.waitFor('response_url', (c) => c.responseUrlId === 'round-missing');
    expect(JSON.stringify(reply.args)).toContain('NO-SUCH-PLAN');
  });
});
