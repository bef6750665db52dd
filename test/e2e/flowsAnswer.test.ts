// Every flow answers (issue 11, point 4 and part of 1), end to end through the real Bolt HTTP
// receiver with signed requests: a modal Slack refuses to open is told to the person; a form
// without `values` gets inline errors in the ack; unreadable metadata saves nothing and says the
// form is out of date; unknown actions, forms, commands, shortcuts, suggestions and view_closed are
// acknowledged (200, no "not acknowledged" error) and answered where a person waits.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton, VIEWS } from '../../src/blocks/ids.ts';
import { encodeRoundButton } from '../../src/blocks/messages/roundSelfCheckPrompt.ts';
import { encodeArrangementMetadata } from '../../src/blocks/modals/arrangement.ts';
import { encodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import { encodeSelfCheckMetadata } from '../../src/blocks/modals/roundSelfCheck.ts';
import { itemHistory, items, plans } from '../../src/db/schema.ts';
import { translator } from '../../src/i18n/index.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { createRound } from '../../src/store/rounds.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { NOW, PEOPLE } from '../support/office.ts';
import {
  blockActions,
  blockSuggestion,
  type Json,
  stateValue,
  viewClosed,
  viewSubmission,
} from '../support/payloads.ts';
import { postInteraction, postSlashCommand } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const en = translator('en');
const zh = translator('zh-CN');

let h: Harness;
let responseUrlSeq = 0;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});
beforeEach(() => {
  h.standIn.reset();
  h.logs.length = 0;
});

/** Log lines at error level or above, and Bolt's "not acknowledged" complaint at any level. */
function errorLines(): string[] {
  return h.logs.filter((line) => {
    const parsed = JSON.parse(line) as { level?: number; msg?: string };
    return (parsed.level ?? 0) >= 50 || /not acknowledged|unhandled/i.test(parsed.msg ?? '');
  });
}

function itemId(planCode: string, itemCode: string): number {
  const plan = h.db.select().from(plans).where(eq(plans.code, planCode)).get();
  const row = h.db
    .select()
    .from(items)
    .where(and(eq(items.planId, plan!.id), eq(items.code, itemCode)))
    .get();
  return row!.id;
}

async function clickFrom(userId: string, actionId: string, value: string) {
  const id = `flows-${++responseUrlSeq}`;
  const payload = blockActions({
    user_id: userId,
    action_id: actionId,
    value,
    response_url: h.standIn.responseUrl(id),
    source: { kind: 'message', channel_id: 'C0REFORM' },
  });
  const http = await postInteraction(h.baseUrl, SIGNING_SECRET, payload);
  return { http, answer: await h.waitAnswer(id) };
}

async function submit(payload: Json) {
  return postInteraction(h.baseUrl, SIGNING_SECRET, payload);
}

/** The submission without `view.state.values`, as Slack sends a form nobody filled. */
function withoutValues(payload: Json): Json {
  const view = payload.view as { state: Record<string, unknown> };
  view.state = {};
  return payload;
}

function centralPlanId(): number {
  const result = registerCentralPlan(
    h.db,
    { title: `中央方案 ${++responseUrlSeq}`, passedOn: '2016-06-29', groupCode: 'G1', createdBy: PEOPLE.admin },
    { now: NOW, timeZone: 'Asia/Shanghai', deadlineDays: 3 },
  );
  if (result.kind === 'invalid') throw new Error('fixture');
  return result.id;
}

describe('a modal Slack refuses to open is told to the person, in their language', () => {
  it.each(['expired_trigger_id', 'exchanged_trigger_id'])('item *Update…* (%s)', async (error) => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    h.standIn.failNext('views.open', 1, { kind: 'slackError', error });
    const { http, answer } = await clickFrom(
      PEOPLE.admin,
      ACTIONS.itemOpenUpdate,
      encodeItemButton({ itemId: itemId('P1', '1'), version: 1 }),
    );
    expect(http.status).toBe(200);
    expect(answer.ephemeral).toBe(true);
    expect(answer.shown).toContain(en('flow.modalNotOpened'));
    expect(errorLines()).toEqual([]);
  });

  it('the docking-arrangement button (zh-CN)', async () => {
    await h.setLocale(PEOPLE.g1Liaison, 'zh-CN');
    h.standIn.failNext('views.open', 1, { kind: 'slackError', error: 'exchanged_trigger_id' });
    const { answer } = await clickFrom(PEOPLE.g1Liaison, ACTIONS.followupArrangement, String(centralPlanId()));
    expect(answer.shown).toContain(zh('flow.modalNotOpened'));
  });

  it('the round self-check button', async () => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    h.standIn.failNext('views.open', 1, { kind: 'slackError', error: 'expired_trigger_id' });
    const { answer } = await clickFrom(
      PEOPLE.admin,
      ACTIONS.roundSelfCheck,
      encodeRoundButton({ roundId: 9999, planId: 1 }),
    );
    expect(answer.shown).toContain(en('flow.modalNotOpened'));
  });
});

describe('a submission without values is an empty form: inline errors in the ack', () => {
  it('item update', async () => {
    const payload = withoutValues(
      viewSubmission({
        user_id: PEOPLE.admin,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({}),
        values: {},
      }),
    );
    const res = await submit(payload);
    expect(res.status).toBe(200);
    expect((res.json as { response_action: string }).response_action).toBe('errors');
    expect(Object.keys((res.json as { errors: object }).errors)).toContain(UPDATE_BLOCKS.status);
    expect(errorLines()).toEqual([]);
  });

  it('docking arrangement', async () => {
    const payload = withoutValues(
      viewSubmission({
        user_id: PEOPLE.g1Liaison,
        callback_id: VIEWS.followupArrangement,
        private_metadata: encodeArrangementMetadata({ centralPlanId: centralPlanId() }),
        values: {},
      }),
    );
    const res = await submit(payload);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'errors' });
    expect(errorLines()).toEqual([]);
  });

  it('round self-check', async () => {
    const round = createRound(h.db, {
      kind: 'mid-year',
      asOf: '2016-06-30',
      minAgeMonths: 0,
      createdBy: 'cli',
      now: NOW,
    });
    if (round.kind !== 'created' && round.kind !== 'exists') throw new Error('fixture');
    const planId = h.db.select().from(plans).where(eq(plans.code, 'P1')).get()!.id;
    const payload = withoutValues(
      viewSubmission({
        user_id: PEOPLE.admin,
        callback_id: VIEWS.roundSelfCheck,
        private_metadata: encodeSelfCheckMetadata({ roundId: round.round.id, planId, locale: 'en', layout: 'select' }),
        values: {},
      }),
    );
    const res = await submit(payload);
    expect(res.status).toBe(200);
    expect((res.json as { response_action?: string } | undefined)?.response_action).toBeDefined();
    expect(errorLines()).toEqual([]);
  });

  it('central register', async () => {
    const payload = withoutValues(
      viewSubmission({ user_id: PEOPLE.admin, callback_id: VIEWS.centralRegister, values: {} }),
    );
    const res = await submit(payload);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'errors' });
    expect(errorLines()).toEqual([]);
  });
});

describe('unreadable private_metadata: out of date, nothing saved', () => {
  it('a truncated item-update metadata is answered on a block the view has and changes nothing', async () => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    const id = itemId('P1', '1');
    const before = h.db.select().from(itemHistory).all().length;
    const planId = h.db.select().from(plans).where(eq(plans.code, 'P1')).get()!.id;
    const payload = viewSubmission({
      user_id: PEOPLE.admin,
      callback_id: VIEWS.itemUpdate,
      private_metadata: `{"p":${planId},"i":${id},"v`,
      values: {
        [itemBlockId(planId)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(id)) },
        [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('started') },
        [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('进展') },
      },
    });
    (payload.view as { blocks: Json[] }).blocks = [
      { type: 'section', block_id: 'intro' },
      { type: 'input', block_id: itemBlockId(planId) },
      { type: 'input', block_id: UPDATE_BLOCKS.status },
    ];
    const res = await submit(payload);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      response_action: 'errors',
      errors: { [itemBlockId(planId)]: en('flow.formOutOfDate') },
    });
    expect(h.db.select().from(itemHistory).all().length).toBe(before);
  });

  it('a truncated follow-up metadata says so and records nothing', async () => {
    await h.setLocale(PEOPLE.g1Liaison, 'zh-CN');
    const res = await submit(
      viewSubmission({
        user_id: PEOPLE.g1Liaison,
        callback_id: VIEWS.followupArrangement,
        private_metadata: '{"v":1,"c":',
        values: {},
      }),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain(zh('flow.formOutOfDate'));
  });

  it('an unreadable item button says it is out of date', async () => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    const { answer } = await clickFrom(PEOPLE.admin, ACTIONS.itemOpenUpdate, '{"i":4,"v');
    expect(answer.shown).toContain(en('flow.buttonOutOfDate'));
    expect(h.standIn.calls.filter((c) => c.method === 'views.open')).toEqual([]);
  });
});

describe('what the bot does not route is acknowledged, and answered where a person waits', () => {
  it('a stale button of an older version', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'en-US');
    const { http, answer } = await clickFrom(PEOPLE.ndrcMember, 'item.snooze_v0', '{"i":1}');
    expect(http.status).toBe(200);
    expect(answer.shown).toContain(en('flow.buttonOutOfDate'));
    expect(errorLines()).toEqual([]);
  });

  it('a form of an unknown callback_id', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'zh-CN');
    const res = await submit(
      viewSubmission({ user_id: PEOPLE.ndrcMember, callback_id: 'view.retired_form', values: {} }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(res.json)).toContain(zh('flow.formOutOfDate'));
    expect(errorLines()).toEqual([]);
  });

  it('a foreign slash command', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'en-US');
    const id = `flows-${++responseUrlSeq}`;
    const http = await postSlashCommand(h.baseUrl, SIGNING_SECRET, {
      command: '/weather',
      user_id: PEOPLE.ndrcMember,
      channel_id: 'C0REFORM',
      text: 'today',
      response_url: h.standIn.responseUrl(id),
    });
    expect(http.status).toBe(200);
    const answer = await h.waitAnswer(id);
    expect(answer.shown).toContain(en('flow.unknownCommand', { command: '/weather' }));
    expect(errorLines()).toEqual([]);
  });

  it('a global shortcut (no response_url: by DM)', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'zh-CN');
    const http = await postInteraction(h.baseUrl, SIGNING_SECRET, {
      type: 'shortcut',
      token: 'x',
      action_ts: '1466000000.000001',
      team: { id: 'T0TEAM', domain: 'reform' },
      user: { id: PEOPLE.ndrcMember, username: 'u', team_id: 'T0TEAM' },
      callback_id: 'retired_shortcut',
      trigger_id: '1.2.3',
    });
    expect(http.status).toBe(200);
    const dm = await h.standIn.waitFor('chat.postMessage', (c) => c.args.channel === PEOPLE.ndrcMember);
    expect(String(dm.args.text)).toContain(zh('flow.unknownShortcut'));
    expect(errorLines()).toEqual([]);
  });

  it('a suggestion request for an unknown select gets no options', async () => {
    const res = await submit(blockSuggestion({ user_id: PEOPLE.admin, action_id: 'retired.select', value: 'P' }));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ options: [] });
    expect(errorLines()).toEqual([]);
  });

  it('view_closed is acknowledged quietly', async () => {
    const res = await submit(viewClosed({ user_id: PEOPLE.admin, callback_id: VIEWS.itemUpdate }));
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    expect(h.standIn.calls.filter((c) => c.method !== 'auth.test' && c.method !== 'users.info')).toEqual([]);
    expect(errorLines()).toEqual([]);
  });
});
