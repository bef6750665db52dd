// Issue 11 points 3 and 7, end to end through signed requests and the Slack stand-in: a click on a
// line of a reminder updates that line in place and leaves the other lines byte for byte as they
// were; Mark done (reminder or card) opens the update form with done chosen instead of marking
// done without evidence; `/reform update X done` without a note changes nothing and asks for one.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, decodeItemButton, encodeItemButton, VIEWS } from '../../src/blocks/ids.ts';
import { type ReminderLine, reminderLineBlocks, reminderMessage } from '../../src/blocks/messages/reminder.ts';
import { decodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import { itemHistory, items } from '../../src/db/schema.ts';
import { lightOf, overdueWorkdays } from '../../src/domain/lights.ts';
import type { Status } from '../../src/domain/types.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { translator } from '../../src/i18n/index.ts';
import { type Answer, type Harness, startHarness, toAnswer } from '../support/appHarness.ts';
import { DEPARTMENTS, PEOPLE, type SeedPlan } from '../support/office.ts';
import { BASE_PLANS } from '../support/officePlans.ts';
import { blockActions, type Json, type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

// 22 overdue items of 省发改委, due on different days so the reminder's order is fixed.
const LATE: SeedPlan = {
  code: 'P60',
  title: '逾期方案',
  domain: 'political',
  group: 'G1',
  leadDepartment: DEPARTMENTS.ndrc,
  items: Array.from({ length: 22 }, (_, i) => ({
    code: String(i + 1),
    title: `逾期事项${i + 1}`,
    dueOn: `2016-05-${String(i + 1).padStart(2, '0')}`,
    status: 'not_started' as const,
    departments: [DEPARTMENTS.ndrc],
  })),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ plans: [...BASE_PLANS, LATE] });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.standIn.reset();
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
});

const itemsOfLate = () =>
  h.db
    .select()
    .from(items)
    .all()
    .filter((i) => i.title.startsWith('逾期事项'));
const historyOf = (itemId: number) => h.db.select().from(itemHistory).where(eq(itemHistory.itemId, itemId)).all();
const itemRow = (itemId: number) => h.db.select().from(items).where(eq(items.id, itemId)).get()!;

/**
 * A 20-line reminder as Slack echoes it back with a click (JSON round trip): the frame of
 * reminderMessage around 20 lines from reminderLineBlocks. (reminderMessage itself stops earlier
 * on its character budget: the buttons' JSON is counted.)
 */
function reminderNow(): { text: string; blocks: Json[] } {
  const asOf = '2016-06-30';
  const t = translator('en');
  const lines: ReminderLine[] = itemsOfLate()
    .slice(0, 20)
    .map((i) => ({
      itemId: i.id,
      version: i.version,
      planCode: 'P60',
      itemCode: i.code,
      title: i.title,
      dueOn: i.dueOn!,
      status: i.status as Status,
      light: lightOf({ ...i, status: i.status as Status }, asOf, WEEKENDS_ONLY),
      overdueWorkdays: overdueWorkdays(i.dueOn, asOf, WEEKENDS_ONLY),
    }));
  const frame = reminderMessage(translator('en'), { kind: 'person' }, lines.slice(0, 1), asOf);
  const blocks = [
    ...frame.blocks.slice(0, 2),
    ...lines.flatMap((line) => reminderLineBlocks(t, line)),
    frame.blocks.at(-1)!,
  ];
  return JSON.parse(JSON.stringify({ text: frame.text, blocks })) as { text: string; blocks: Json[] };
}

type ActionsBlock = { type: 'actions'; block_id: string; elements: { action_id: string; value: string }[] };
const lineButtons = (blocks: Json[]) => blocks.filter((b): b is Json & ActionsBlock => b.type === 'actions');

/** Clicks a button of a reminder in the person's DM: the payload carries the whole message. */
async function clickOnReminder(
  userId: string,
  reminder: { text: string; blocks: Json[] },
  actionId: string,
  value: string,
  id: string,
  messageTs?: string,
) {
  const payload = blockActions({
    user_id: userId,
    action_id: actionId,
    value,
    response_url: h.standIn.responseUrl(id),
    source: {
      kind: 'message',
      channel_id: 'D0REMIND',
      message_ts: messageTs,
      blocks: reminder.blocks,
      text: reminder.text,
    },
  });
  return postInteraction(h.baseUrl, SIGNING_SECRET, payload);
}

describe('a click on a reminder line', () => {
  it('Mark started on line 7 of a 20-line reminder updates that line; the other 19 stay byte-identical', async () => {
    const reminder = reminderNow();
    const lines = lineButtons(reminder.blocks);
    expect(lines).toHaveLength(20);
    const seventh = lines[6]!;
    const value = seventh.elements.find((e) => e.action_id === ACTIONS.itemMarkStarted)!.value;
    const itemId = decodeItemButton(value)!.itemId;

    const http = await clickOnReminder(PEOPLE.ndrcMember, reminder, ACTIONS.itemMarkStarted, value, 'line-7');
    expect(http.status).toBe(200);
    const answer: Answer = toAnswer(
      http,
      await h.standIn.waitFor('response_url', (c) => c.responseUrlId === 'line-7', 5000),
    );

    expect(answer.replaceOriginal).toBe(true);
    expect(answer.blocks).toHaveLength(reminder.blocks.length);
    expect(lineButtons(answer.blocks as Json[])).toHaveLength(20);
    const at = reminder.blocks.indexOf(seventh as Json);
    answer.blocks.forEach((block, i) => {
      if (i === at - 1 || i === at) return;
      expect(JSON.stringify(block)).toBe(JSON.stringify(reminder.blocks[i]));
    });
    // Line 7: new status, who and when (10:00 in Asia/Shanghai on the harness's fixed clock).
    const text = JSON.stringify(answer.blocks[at - 1]);
    expect(text).toContain('P60#7');
    expect(text).toContain(`🔄 started · <@${PEOPLE.ndrcMember}> · 06-30 10:00`);
    expect(text).not.toContain('not started');
    // Its buttons now: Mark done, Update… and Request extension…, carrying the new version.
    const buttons = (answer.blocks[at] as unknown as ActionsBlock).elements;
    expect(buttons.map((b) => b.action_id)).toEqual([
      ACTIONS.itemMarkDone,
      ACTIONS.itemOpenUpdate,
      ACTIONS.extensionOpen,
    ]);
    expect(decodeItemButton(buttons[0]!.value)).toEqual({ itemId, version: itemRow(itemId).version });
    expect(itemRow(itemId).status).toBe('started');
    expect(historyOf(itemId)).toHaveLength(1);
  });

  it('a click built on an outdated line rewrites the line as it is now, says so, and changes nothing', async () => {
    const reminder = reminderNow();
    const line = lineButtons(reminder.blocks)[2]!;
    const value = line.elements.find((e) => e.action_id === ACTIONS.itemMarkStarted)!.value;
    const itemId = decodeItemButton(value)!.itemId;
    await h.slash(PEOPLE.admin, `update P60#${itemRow(itemId).code} done settled by the office`);
    const before = historyOf(itemId).length;

    const http = await clickOnReminder(PEOPLE.ndrcMember, reminder, ACTIONS.itemMarkStarted, value, 'line-stale');
    expect(http.status).toBe(200);
    const replaced = toAnswer(
      http,
      await h.standIn.waitFor(
        'response_url',
        (c) => c.responseUrlId === 'line-stale' && c.args.replace_original === true,
        5000,
      ),
    );
    expect(replaced.blocks).toHaveLength(reminder.blocks.length);
    expect(replaced.shown).toContain(`*P60#${itemRow(itemId).code}*`);
    expect(replaced.shown).toContain('✅ done');
    const buttons = lineButtons(replaced.blocks as Json[]).find((b) => b.block_id === line.block_id)!.elements;
    expect(buttons.map((b) => b.action_id)).toEqual([ACTIONS.itemOpenUpdate]);
    const notice = await h.standIn.waitFor(
      'response_url',
      (c) => c.responseUrlId === 'line-stale' && c.args.response_type === 'ephemeral',
      5000,
    );
    expect(JSON.stringify(notice.args.blocks)).toContain('changed by someone else since this reminder was sent');
    expect(historyOf(itemId)).toHaveLength(before);
  });

  it('an item card (ephemeral, no message echoed) is still replaced by the fresh card', async () => {
    const card = await h.slash(PEOPLE.financeMember, 'item P1#2');
    const value = (card.blocks.filter((b) => b.type === 'actions') as unknown as ActionsBlock[])
      .flatMap((b) => b.elements)
      .find((e) => e.action_id === ACTIONS.itemMarkStarted)!.value;
    const a = await h.click(PEOPLE.financeMember, ACTIONS.itemMarkStarted, value);
    expect(a.replaceOriginal).toBe(true);
    expect(a.shown).toContain('Updated P1#2: ⬜ not started → 🔄 started.');
  });
});

type View = {
  private_metadata: string;
  blocks: { block_id?: string; element?: { initial_option?: { value: string }; focus_on_load?: boolean } }[];
};

describe('Mark done needs evidence', () => {
  it('on a reminder line opens the update form with done chosen and the note to fill; nothing changes, the reminder stays', async () => {
    const reminder = reminderNow();
    const value = lineButtons(reminder.blocks)[4]!.elements.find((e) => e.action_id === ACTIONS.itemMarkDone)!.value;
    const itemId = decodeItemButton(value)!.itemId;
    const before = { status: itemRow(itemId).status, history: historyOf(itemId).length };

    const http = await clickOnReminder(PEOPLE.ndrcMember, reminder, ACTIONS.itemMarkDone, value, 'done-reminder');
    expect(http.status).toBe(200);
    const open = await h.standIn.waitFor('views.open', () => true, 5000);
    const view = open.args.view as View;
    expect(decodeMetadata(view.private_metadata)?.itemId).toBe(itemId);
    expect(view.blocks.find((b) => b.block_id === UPDATE_BLOCKS.status)?.element?.initial_option?.value).toBe('done');
    expect(view.blocks.find((b) => b.block_id === UPDATE_BLOCKS.note)?.element?.focus_on_load).toBe(true);
    expect(itemRow(itemId).status).toBe(before.status);
    expect(historyOf(itemId)).toHaveLength(before.history);
    expect(h.standIn.callsTo('response_url').filter((c) => c.responseUrlId === 'done-reminder')).toHaveLength(0);
  });

  it('on a reminder line: once the form is saved, that line shows done, who and when; the other lines stay', async () => {
    const reminder = reminderNow();
    const line = lineButtons(reminder.blocks)[9]!;
    const value = line.elements.find((e) => e.action_id === ACTIONS.itemMarkDone)!.value;
    const itemId = decodeItemButton(value)!.itemId;
    await clickOnReminder(
      PEOPLE.ndrcMember,
      reminder,
      ACTIONS.itemMarkDone,
      value,
      'done-then-form',
      '1467252000.000100',
    );
    const view = (await h.standIn.waitFor('views.open', () => true, 5000)).args.view as View;
    expect(decodeMetadata(view.private_metadata)?.reminder).toEqual({ channel: 'D0REMIND', ts: '1467252000.000100' });

    const row = itemRow(itemId);
    const values: StateValues = {
      [itemBlockId(row.planId)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(itemId)) },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('done') },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('印发文件 2016-10') },
    };
    const res = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.ndrcMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: view.private_metadata,
        values,
      }),
    );
    expect(res.status).toBe(200);
    expect(itemRow(itemId).status).toBe('done');

    const update = await h.standIn.waitFor('chat.update', (c) => c.args.ts === '1467252000.000100', 5000);
    expect(update.args.channel).toBe('D0REMIND');
    const blocks = update.args.blocks as Json[];
    expect(blocks).toHaveLength(reminder.blocks.length);
    const at = reminder.blocks.indexOf(line as Json);
    blocks.forEach((block, i) => {
      if (i === at - 1 || i === at) return;
      expect(JSON.stringify(block)).toBe(JSON.stringify(reminder.blocks[i]));
    });
    const text = JSON.stringify(blocks[at - 1]);
    expect(text).toContain('P60#10');
    expect(text).toContain(`done · <@${PEOPLE.ndrcMember}> · 06-30 10:00`);
    expect(text).not.toContain('not started');
  });

  it('a reminder line that cannot be rewritten does not turn a saved form into a failure', async () => {
    const reminder = reminderNow();
    const value = lineButtons(reminder.blocks)[10]!.elements.find((e) => e.action_id === ACTIONS.itemMarkDone)!.value;
    const itemId = decodeItemButton(value)!.itemId;
    await clickOnReminder(
      PEOPLE.ndrcMember,
      reminder,
      ACTIONS.itemMarkDone,
      value,
      'done-update-fails',
      '1467252000.000200',
    );
    const view = (await h.standIn.waitFor('views.open', () => true, 5000)).args.view as View;
    h.standIn.failNext('chat.update', 1, { kind: 'slackError', error: 'message_not_found' });
    const values: StateValues = {
      [itemBlockId(itemRow(itemId).planId)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(itemId)) },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('done') },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('印发文件 2016-11') },
    };
    const res = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.ndrcMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: view.private_metadata,
        values,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(itemRow(itemId).status).toBe('done');
    // The confirmation still reaches the person.
    await h.standIn.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === PEOPLE.ndrcMember && String(c.args.text).includes('P60#11'),
      5000,
    );
  });

  it("on an item card opens the form with done chosen, whatever the item's status", async () => {
    const item = itemsOfLate().find((i) => i.code === '20')!;
    const http = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      blockActions({
        user_id: PEOPLE.ndrcMember,
        action_id: ACTIONS.itemMarkDone,
        value: encodeItemButton({ itemId: item.id, version: item.version }),
        source: { kind: 'message', channel_id: 'C0REFORM', is_ephemeral: true },
      }),
    );
    expect(http.status).toBe(200);
    const view = (await h.standIn.waitFor('views.open', () => true, 5000)).args.view as View;
    expect(view.blocks.find((b) => b.block_id === UPDATE_BLOCKS.status)?.element?.initial_option?.value).toBe('done');
    expect(itemRow(item.id).status).toBe('not_started');
  });

  it('when Slack refuses to open the form, the person is told in their language', async () => {
    await h.setLocale(PEOPLE.ndrcMember, 'zh-CN');
    h.standIn.failNext('views.open', 1, { kind: 'slackError', error: 'expired_trigger_id' });
    const item = itemsOfLate().find((i) => i.code === '21')!;
    const a = await h.click(
      PEOPLE.ndrcMember,
      ACTIONS.itemMarkDone,
      encodeItemButton({ itemId: item.id, version: item.version }),
    );
    expect(a.ephemeral).toBe(true);
    expect(a.replaceOriginal).toBe(false);
    expect(a.shown).toContain('未能打开表单');
    expect(itemRow(item.id).status).toBe('not_started');
  });

  it('`/reform update X done` without a note changes nothing and points to the form, in both languages', async () => {
    const item = itemsOfLate().find((i) => i.code === '22')!;
    const en = await h.slash(PEOPLE.ndrcMember, 'update P60#22 done');
    expect(en.shown).toContain('Marking P60#22 done needs an evidence note');
    expect(en.shown).toContain('`/reform update P60#22`');
    expect(en.shown).toContain('Nothing was changed.');
    await h.setLocale(PEOPLE.ndrcMember, 'zh-CN');
    const zh = await h.slash(PEOPLE.ndrcMember, '更新 P60#22 已完成');
    expect(zh.shown).toContain('需要填写佐证说明');
    expect(zh.shown).toContain('`/reform 更新 P60#22`');
    expect(itemRow(item.id).status).toBe('not_started');
    expect(historyOf(item.id)).toHaveLength(0);

    const withNote = await h.slash(PEOPLE.ndrcMember, '更新 P60#22 已完成 已印发实施细则');
    expect(withNote.shown).toContain('已更新 P60#22');
    expect(itemRow(item.id).status).toBe('done');
    expect(itemRow(item.id).note).toBe('已印发实施细则');
  });
});
