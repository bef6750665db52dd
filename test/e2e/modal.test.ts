// The status-update modal end to end: signed requests into the real app (createSlackApp, real
// HTTPReceiver), Web API calls recorded by the stand-in, the ledger read back from SQLite.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton, VIEWS } from '../../src/blocks/ids.ts';
import {
  decodeMetadata,
  encodeMetadata,
  itemBlockId,
  NOTE_MAX,
  OUTCOME_VALUE,
  UPDATE_BLOCKS,
  UPDATE_INPUTS,
} from '../../src/blocks/modals/itemUpdate.ts';
import { itemHistory, items, userLocales } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { addPlan, PEOPLE } from '../support/office.ts';
import { HOME_PLANS, type HomeOffice, homeOfficeIds } from '../support/officePlans.ts';
import { blockActions, blockSuggestion, type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction, postSlashCommand } from '../support/signedRequest.ts';
import type { RecordedCall } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

type View = { callback_id: string; private_metadata: string; title: { text: string }; blocks: Block[] };
type Block = {
  type: string;
  block_id?: string;
  dispatch_action?: boolean;
  text?: { text: string };
  elements?: { text: string }[];
  element?: Record<string, unknown>;
};
type Option = { text: { text: string }; value: string };

/** The whole app over the office seeded with HOME_PLANS, and the ids the tests refer to. */
type Bot = Harness & { office: HomeOffice };
let bot: Bot;
beforeAll(async () => {
  const harness = await startHarness({ plans: HOME_PLANS });
  bot = Object.assign(harness, { office: homeOfficeIds(harness.db, harness.seeded) });
});
afterAll(() => bot.close());
// The stand-in forgets its users' locales, so the bot must forget what it cached from them.
beforeEach(() => {
  bot.standIn.reset();
  bot.deps.db.delete(userLocales).run();
});

const post = (payload: Record<string, unknown>) => postInteraction(bot.baseUrl, SIGNING_SECRET, payload);
const viewOf = (call: RecordedCall) => call.args.view as View;
const block = (view: View, id: string) => view.blocks.find((b) => b.block_id === id);
const allText = (view: View) => JSON.stringify(view.blocks);

function history(itemId: number) {
  return bot.deps.db.select().from(itemHistory).where(eq(itemHistory.itemId, itemId)).all();
}
function itemRow(itemId: number) {
  return bot.deps.db.select().from(items).where(eq(items.id, itemId)).get();
}

/** The value of the first element with this action_id, wherever it sits in the blocks. */
function findValue(node: unknown, actionId: string): string | undefined {
  if (Array.isArray(node)) return node.map((n) => findValue(n, actionId)).find((v) => v !== undefined);
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (record.action_id === actionId && typeof record.value === 'string') return record.value;
  return Object.values(record)
    .map((n) => findValue(n, actionId))
    .find((v) => v !== undefined);
}

function values(v: {
  plan?: number;
  item?: number;
  itemBlock?: string;
  status?: string;
  note?: string;
  outcome?: boolean;
}): StateValues {
  const out: StateValues = {
    [UPDATE_BLOCKS.plan]: {
      [ACTIONS.updatePlanSelect]: stateValue.externalSelect(v.plan === undefined ? null : String(v.plan)),
    },
    [v.itemBlock ?? itemBlockId(v.plan)]: {
      [ACTIONS.updateItemSelect]: stateValue.externalSelect(v.item === undefined ? null : String(v.item)),
    },
    [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio(v.status ?? null) },
    [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text(v.note ?? null) },
    [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: stateValue.checkboxes(v.outcome ? [OUTCOME_VALUE] : []) },
  };
  return out;
}

describe('opening the modal from /reform update', () => {
  it('without a reference: a blank form, plan first', async () => {
    const res = await postSlashCommand(bot.baseUrl, SIGNING_SECRET, {
      user_id: PEOPLE.ndrcMember,
      channel_id: 'C0REFORM',
      text: 'update',
      response_url: bot.standIn.responseUrl('cmd'),
    });
    expect(res.status).toBe(200);
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    expect(view.callback_id).toBe(VIEWS.itemUpdate);
    expect(block(view, UPDATE_BLOCKS.plan)?.element?.initial_option).toBeUndefined();
    expect(block(view, itemBlockId(undefined))).toBeDefined();
    expect(decodeMetadata(view.private_metadata)).toEqual({});
  });

  it('with P1#3 (full-width ＃, in English): prefilled for that item', async () => {
    bot.standIn.setUserLocale(PEOPLE.financeMember, 'en-US');
    await postSlashCommand(bot.baseUrl, SIGNING_SECRET, {
      user_id: PEOPLE.financeMember,
      channel_id: 'C0REFORM',
      text: 'update P1＃3',
      response_url: bot.standIn.responseUrl('cmd'),
    });
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    const itemId = bot.office.p1.itemIds[2] as number;
    expect(view.title.text).toBe('Update an item');
    expect(decodeMetadata(view.private_metadata)).toEqual({ planId: bot.office.p1.planId, itemId, version: 1 });
    expect((block(view, itemBlockId(bot.office.p1.planId))?.element?.initial_option as Option | undefined)?.value).toBe(
      String(itemId),
    );
    expect((block(view, UPDATE_BLOCKS.status)?.element?.initial_option as Option | undefined)?.value).toBe(
      'not_started',
    );
    expect(view.blocks[0]?.text?.text).toContain('due soon');
  });
});

describe('opening the modal from an item button', () => {
  it('the update button of the card `/reform item P1#1` opens the modal for that item', async () => {
    await postSlashCommand(bot.baseUrl, SIGNING_SECRET, {
      user_id: PEOPLE.ndrcMember,
      channel_id: 'C0REFORM',
      text: 'item P1#1',
      response_url: bot.standIn.responseUrl('card'),
    });
    const card = await bot.standIn.waitFor('response_url', (c) => c.responseUrlId === 'card');
    const value = findValue(card.args.blocks, ACTIONS.itemOpenUpdate) ?? '';
    expect(value).not.toBe('');
    await post(
      blockActions({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.itemOpenUpdate,
        value,
        source: { kind: 'message', channel_id: 'C0REFORM', is_ephemeral: true },
      }),
    );
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    expect(decodeMetadata(view.private_metadata)).toMatchObject({ itemId: bot.office.p1.itemIds[0] });
  });

  it('opens it prefilled with the item as it is now (zh-CN by default), metadata carrying item and version', async () => {
    const itemId = bot.office.p1.itemIds[0] as number;
    const res = await post(
      blockActions({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.itemOpenUpdate,
        value: encodeItemButton({ itemId, version: 1 }),
      }),
    );
    expect(res.status).toBe(200);
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    expect(view.callback_id).toBe(VIEWS.itemUpdate);
    expect(view.title.text).toBe('更新事项进展');
    expect(decodeMetadata(view.private_metadata)).toEqual({ planId: bot.office.p1.planId, itemId, version: 1 });
    const plan = block(view, UPDATE_BLOCKS.plan);
    expect(plan?.dispatch_action).toBe(true);
    expect((plan?.element?.initial_option as Option | undefined)?.value).toBe(String(bot.office.p1.planId));
    const item = block(view, itemBlockId(bot.office.p1.planId));
    expect((item?.element?.initial_option as Option | undefined)?.value).toBe(String(itemId));
    expect((block(view, UPDATE_BLOCKS.status)?.element?.initial_option as Option | undefined)?.value).toBe('started');
    // Ledger text in mrkdwn is escaped: the title's <!channel> pings nobody (plain_text never pings).
    const summary = view.blocks[0]?.text?.text ?? '';
    expect(summary).toContain('&lt;!channel&gt;');
    expect(summary).not.toContain('<!channel>');
    expect(allText(view)).toContain('已逾期');
  });

  it('speaks English to an en-US person, and warns a person who may not update the item', async () => {
    bot.standIn.setUserLocale(PEOPLE.stranger, 'en-US');
    const itemId = bot.office.p1.itemIds[0] as number;
    await post(
      blockActions({
        user_id: PEOPLE.stranger,
        action_id: ACTIONS.itemOpenUpdate,
        value: encodeItemButton({ itemId, version: 1 }),
        source: { kind: 'home' },
      }),
    );
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    expect(view.title.text).toBe('Update an item');
    expect(allText(view)).toContain('You are not responsible for this item');
  });

  it('opens a blank form with a notice when the item no longer exists', async () => {
    await post(
      blockActions({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.itemOpenUpdate,
        value: encodeItemButton({ itemId: 99999, version: 1 }),
      }),
    );
    const view = viewOf(await bot.standIn.waitFor('views.open'));
    expect(allText(view)).toContain('所选事项已不存在');
    expect(block(view, UPDATE_BLOCKS.plan)?.element?.initial_option).toBeUndefined();
    expect(block(view, itemBlockId(undefined))).toBeDefined();
  });
});

describe('type-ahead (block_suggestion)', () => {
  it('answers plans by code, exact match first', async () => {
    const res = await post(
      blockSuggestion({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updatePlanSelect,
        block_id: UPDATE_BLOCKS.plan,
        value: 'p1',
      }),
    );
    const options = (res.json as { options: Option[] }).options;
    expect(options.map((o) => o.value)).toEqual([String(bot.office.p1.planId)]);
    expect(options[0]?.text.text).toMatch(/^P1 关于深化投融资体制改革/);
  });

  it('answers plans by a fragment of the Chinese title', async () => {
    const res = await post(
      blockSuggestion({ user_id: PEOPLE.ndrcMember, action_id: ACTIONS.updatePlanSelect, value: '生态' }),
    );
    expect((res.json as { options: Option[] }).options.map((o) => o.value)).toEqual([String(bot.office.p2.planId)]);
  });

  it('answers only the chosen plan’s items (plan from private_metadata), by code or title', async () => {
    const metadata = encodeMetadata({ planId: bot.office.p1.planId });
    const all = await post(
      blockSuggestion({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updateItemSelect,
        value: '',
        view: { private_metadata: metadata },
      }),
    );
    expect((all.json as { options: Option[] }).options.map((o) => o.value)).toEqual(bot.office.p1.itemIds.map(String));
    const byCode = await post(
      blockSuggestion({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updateItemSelect,
        value: '#3',
        view: { private_metadata: metadata },
      }),
    );
    expect((byCode.json as { options: Option[] }).options.map((o) => o.value)).toEqual([
      String(bot.office.p1.itemIds[2]),
    ]);
    const byTitle = await post(
      blockSuggestion({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updateItemSelect,
        value: '监管',
        view: { private_metadata: metadata },
      }),
    );
    expect((byTitle.json as { options: Option[] }).options.map((o) => o.value)).toEqual([
      String(bot.office.p1.itemIds[3]),
    ]);
  });

  it('without a plan, reads P2# as "the items of P2"', async () => {
    const res = await post(
      blockSuggestion({ user_id: PEOPLE.ndrcMember, action_id: ACTIONS.updateItemSelect, value: 'P2#' }),
    );
    const options = (res.json as { options: Option[] }).options;
    expect(options.map((o) => o.value)).toEqual(bot.office.p2.itemIds.map(String));
    expect(options[0]?.text.text).toContain('P2#1');
  });

  it('never answers more than 100 options, each at most 75 characters, for a plan of 300 long-titled items', async () => {
    const long = '推进'.repeat(100); // 200 CJK characters
    const big = addPlan(
      bot.deps.db,
      { code: 'P99', title: long, groupId: bot.office.groups.g1 },
      Array.from({ length: 300 }, (_, i) => ({
        code: String(i + 1),
        title: long,
        dueOn: null,
        status: 'started' as const,
        departments: [],
      })),
    );
    const res = await post(
      blockSuggestion({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updateItemSelect,
        value: '',
        view: { private_metadata: encodeMetadata({ planId: big.planId }) },
      }),
    );
    const options = (res.json as { options: Option[] }).options;
    expect(options).toHaveLength(100);
    expect(options[0]?.text.text).toMatch(/#1 /);
    expect(options[1]?.text.text).toMatch(/#2 /); // natural order: 2 before 10
    for (const o of options) expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
    const plans = await post(
      blockSuggestion({ user_id: PEOPLE.ndrcMember, action_id: ACTIONS.updatePlanSelect, value: 'P99' }),
    );
    for (const o of (plans.json as { options: Option[] }).options)
      expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
  });
});

describe('choosing a plan', () => {
  it('rebuilds the modal for that plan (views.update with the view id and hash), scoping the item select', async () => {
    const res = await post(
      blockActions({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.updatePlanSelect,
        block_id: UPDATE_BLOCKS.plan,
        action: { type: 'external_select', value: String(bot.office.p2.planId) },
        source: { kind: 'modal', view: { id: 'VMODAL1', hash: 'h-1', callback_id: VIEWS.itemUpdate } },
      }),
    );
    expect(res.status).toBe(200);
    const call = await bot.standIn.waitFor('views.update');
    expect(call.args).toMatchObject({ view_id: 'VMODAL1', hash: 'h-1' });
    const view = viewOf(call);
    expect(decodeMetadata(view.private_metadata)).toEqual({ planId: bot.office.p2.planId });
    expect(block(view, itemBlockId(bot.office.p2.planId))).toBeDefined();
    expect(block(view, itemBlockId(undefined))).toBeUndefined();
  });
});

describe('submitting', () => {
  it('saves a valid update once, even when the same submission arrives twice; confirms by DM and refreshes the Homes concerned', async () => {
    const itemId = bot.office.p1.itemIds[0] as number;
    const submission = viewSubmission({
      user_id: PEOPLE.ndrcMember,
      callback_id: VIEWS.itemUpdate,
      view_id: 'VSUBMIT1',
      private_metadata: encodeMetadata({ planId: bot.office.p1.planId, itemId, version: 1 }),
      values: values({
        plan: bot.office.p1.planId,
        item: itemId,
        status: 'done',
        note: '已印发 川发改〔2016〕1号 <!here>',
        outcome: true,
      }),
    });
    const first = await post(submission);
    expect(first.status).toBe(200);
    expect(first.body).toBe(''); // closes the modal
    const second = await post(submission);
    expect(second.status).toBe(200);
    expect(second.body).toBe('');

    const rows = history(itemId);
    expect(rows.map((r) => r.field).sort()).toEqual(['institutional_outcome', 'status']); // one change: status + flag
    expect(
      rows.every((r) => r.requestKey === 'view:VSUBMIT1' && r.actor === PEOPLE.ndrcMember && r.source === 'slack'),
    ).toBe(true);
    expect(itemRow(itemId)).toMatchObject({
      status: 'done',
      institutionalOutcome: true,
      version: 2,
      note: '已印发 川发改〔2016〕1号 <!here>',
    });

    const dm = await bot.standIn.waitFor('chat.postMessage', (c) => c.args.channel === PEOPLE.ndrcMember);
    const dmText = JSON.stringify(dm.args.blocks);
    expect(dmText).toContain('已保存');
    expect(dmText).toContain('&lt;!here&gt;');
    expect(dmText).not.toContain('<!here>');
    // Homes: the actor, G1's leader, deputy and liaison, and the admin.
    for (const user of [PEOPLE.ndrcMember, PEOPLE.g1Leader, PEOPLE.g1Deputy, PEOPLE.g1Liaison, PEOPLE.admin]) {
      await bot.standIn.waitFor('views.publish', (c) => c.args.user_id === user);
    }
    expect(bot.standIn.callsTo('views.publish').some((c) => c.args.user_id === PEOPLE.g2Leader)).toBe(false);
    expect(bot.standIn.callsTo('chat.postMessage')).toHaveLength(1); // the repeat confirmed nothing again
  });

  const cases: {
    name: string;
    build: (bot: Bot) => Parameters<typeof values>[0] & { metadata?: string; user?: string };
    block: (bot: Bot) => string;
    message: RegExp;
  }[] = [
    {
      name: 'no item chosen',
      build: (b) => ({ plan: b.office.p1.planId, status: 'started' }),
      block: (b) => itemBlockId(b.office.p1.planId),
      message: /请选择事项/,
    },
    {
      name: 'no plan and no item',
      build: () => ({ status: 'started' }),
      block: () => UPDATE_BLOCKS.plan,
      message: /请选择方案/,
    },
    {
      name: 'no status',
      build: (b) => ({ plan: b.office.p1.planId, item: b.office.p1.itemIds[3] }),
      block: () => UPDATE_BLOCKS.status,
      message: /请选择进展状态/,
    },
    {
      name: 'done without a note',
      build: (b) => ({ plan: b.office.p1.planId, item: b.office.p1.itemIds[3], status: 'done' }),
      block: () => UPDATE_BLOCKS.note,
      message: /需要佐证：填写说明.*或在下方附文件/,
    },
    {
      name: 'a note over 3000 characters',
      build: (b) => ({
        plan: b.office.p1.planId,
        item: b.office.p1.itemIds[3],
        status: 'started',
        note: '证'.repeat(NOTE_MAX + 1),
      }),
      block: () => UPDATE_BLOCKS.note,
      message: /3001/,
    },
    {
      name: 'an item of another plan',
      build: (b) => ({
        plan: b.office.p1.planId,
        itemBlock: itemBlockId(b.office.p1.planId),
        item: b.office.p2.itemIds[0],
        status: 'started',
        note: 'x',
      }),
      block: (b) => itemBlockId(b.office.p1.planId),
      message: /不属于方案 P2/,
    },
    {
      name: 'nothing changed',
      build: (b) => ({ plan: b.office.p1.planId, item: b.office.p1.itemIds[3], status: 'started' }),
      block: () => UPDATE_BLOCKS.status,
      message: /没有需要保存的内容/,
    },
    {
      name: 'a person who is not responsible',
      build: (b) => ({
        plan: b.office.p2.planId,
        item: b.office.p2.itemIds[1],
        status: 'started',
        note: '试图更新',
        user: PEOPLE.ndrcMember,
      }),
      block: (b) => itemBlockId(b.office.p2.planId),
      message: /您无权更新该事项.*社会体制改革专项小组.*省生态环境厅/,
    },
    {
      name: 'a prefilled form after someone else changed the item',
      build: (b) => ({
        plan: b.office.p1.planId,
        item: b.office.p1.itemIds[2],
        status: 'started',
        note: 'n',
        metadata: encodeMetadata({ planId: b.office.p1.planId, itemId: b.office.p1.itemIds[2], version: 0 }),
      }),
      block: (b) => itemBlockId(b.office.p1.planId),
      message: /已被他人修改/,
    },
  ];

  for (const c of cases) {
    it(`refuses ${c.name} inline, on the right field, changing nothing`, async () => {
      const input = c.build(bot);
      const before = bot.deps.db.select().from(itemHistory).all().length;
      const res = await post(
        viewSubmission({
          user_id: input.user ?? PEOPLE.ndrcMember,
          callback_id: VIEWS.itemUpdate,
          private_metadata: input.metadata ?? encodeMetadata({ planId: input.plan }),
          values: values(input),
        }),
      );
      expect(res.status).toBe(200);
      const body = res.json as { response_action: string; errors: Record<string, string> };
      expect(body.response_action).toBe('errors');
      expect(Object.keys(body.errors)).toContain(c.block(bot));
      expect(body.errors[c.block(bot)]).toMatch(c.message);
      expect(bot.deps.db.select().from(itemHistory).all()).toHaveLength(before);
      expect(bot.standIn.callsTo('chat.postMessage')).toHaveLength(0);
    });
  }

  it('reports errors in English to an en-US person, all at once', async () => {
    bot.standIn.setUserLocale(PEOPLE.financeMember, 'en-US');
    const res = await post(
      viewSubmission({
        user_id: PEOPLE.financeMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({}),
        values: values({ plan: bot.office.p1.planId }),
      }),
    );
    const body = res.json as { errors: Record<string, string> };
    expect(body.errors).toEqual({
      [itemBlockId(bot.office.p1.planId)]: 'Choose an item.',
      [UPDATE_BLOCKS.status]: 'Choose a status.',
    });
  });

  it('opened blank, an unticked outcome box keeps the ledger’s flag; prefilled, unticking clears it', async () => {
    const { planId, itemIds } = addPlan(bot.deps.db, { code: 'P7', title: '成果方案', groupId: bot.office.groups.g1 }, [
      {
        code: '1',
        title: '已有成果的事项',
        dueOn: null,
        status: 'started',
        departments: [bot.office.depts.finance],
        outcome: true,
      },
    ]);
    const itemId = itemIds[0] as number;
    await post(
      viewSubmission({
        user_id: PEOPLE.financeMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({ planId }),
        values: values({ plan: planId, item: itemId, status: 'started', note: '进展说明' }),
      }),
    );
    expect(itemRow(itemId)).toMatchObject({ institutionalOutcome: true, version: 2 });
    await post(
      viewSubmission({
        user_id: PEOPLE.financeMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({ planId, itemId, version: 2 }),
        values: values({ plan: planId, item: itemId, status: 'started' }),
      }),
    );
    expect(itemRow(itemId)).toMatchObject({ institutionalOutcome: false, version: 3 });
  });
});
