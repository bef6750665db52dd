// The bot beside an office command on one SQLite file (issue 10 point 1 and 9): a click, a
// typed update or a form that arrives while another process holds the write lock is
// acknowledged, saved when the lock comes free within Slack's wait, otherwise kept on disk
// before the ack and saved later, with the person told both times. Nothing is lost or doubled.
import { existsSync, readdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import {
  encodeMetadata,
  itemBlockId,
  OUTCOME_VALUE,
  UPDATE_BLOCKS,
  UPDATE_INPUTS,
} from '../../src/blocks/modals/itemUpdate.ts';
import { itemHistory, items } from '../../src/db/schema.ts';
import { spoolFolderOf } from '../../src/spool/changeSpool.ts';
import { type Answer, type Harness, startHarness, toAnswer } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

let h: Harness;
const WHO = PEOPLE.g1Leader;
beforeAll(async () => {
  h = await startHarness({ shared: true });
});
afterAll(async () => {
  await h.close();
});
beforeEach(async () => {
  h.standIn.reset();
  await h.setLocale(WHO, 'en-US');
});

function button(answer: Answer, actionId: string): string {
  const actions = answer.blocks.filter((b) => b.type === 'actions') as {
    elements: { action_id: string; value: string }[];
  }[];
  const found = actions.flatMap((a) => a.elements).find((e) => e.action_id === actionId);
  if (!found) throw new Error(`no ${actionId} button in: ${answer.shown}`);
  return found.value;
}
const itemByCode = (planCode: string, code: string) =>
  h.db.$client
    .prepare('select i.* from items i join plans p on p.id = i.plan_id where p.code = ? and i.code = ?')
    .get(planCode, code) as { id: number; status: string; version: number; plan_id: number };
const historyOf = (itemId: number) => h.db.select().from(itemHistory).where(eq(itemHistory.itemId, itemId)).all();
const queuedFiles = () => {
  const folder = spoolFolderOf(h.deps.config.DATABASE_PATH) as string;
  return existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.json')) : [];
};
/** The n-th answer posted to one response_url (the bot may answer twice: "being saved", then the result). */
async function answerNumber(id: string, n: number): Promise<Answer> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const calls = h.standIn.calls.filter((c) => c.method === 'response_url' && c.responseUrlId === id);
    if (calls.length >= n) return toAnswer(undefined as never, calls[n - 1]!);
    if (Date.now() > deadline) throw new Error(`only ${calls.length} answers on ${id}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('a click while an office command holds the database', () => {
  it('waits for a short lock off the event loop and saves before the ack', async () => {
    const card = await h.slash(WHO, 'item P1#2');
    const value = button(card, ACTIONS.itemMarkStarted);
    const released = h.lockFile(600);
    const http = await h.clickRaw(WHO, ACTIONS.itemMarkStarted, value, { responseUrlId: 'short-lock' });
    expect(http.status).toBe(200);
    // Saved before Slack heard "ok": the row is there the moment the ack arrived.
    expect(itemByCode('P1', '2').status).toBe('started');
    const a = await answerNumber('short-lock', 1);
    expect(a.shown).toContain('Updated P1#2');
    await released;
    expect(queuedFiles()).toEqual([]);
  });

  it("queues the change on disk before the ack when the lock outlasts Slack's wait, then saves it and says so", async () => {
    // Mark started (Mark done opens the form): P1#1 back to not started first.
    h.db.$client.prepare("update items set status = 'not_started' where id = ?").run(itemByCode('P1', '1').id);
    const card = await h.slash(WHO, 'item P1#1');
    const value = button(card, ACTIONS.itemMarkStarted);
    const item = itemByCode('P1', '1');
    const released = h.lockFile(3_500);
    const http = await h.clickRaw(WHO, ACTIONS.itemMarkStarted, value, {
      responseUrlId: 'long-lock',
      actionTs: '1700000000.000001',
    });
    expect(http.status).toBe(200);
    // On disk before the acknowledgement: a crash now would not lose it.
    expect(queuedFiles()).toHaveLength(1);
    const first = await answerNumber('long-lock', 1);
    expect(first.shown).toContain('Saving your update of P1#1');
    expect(first.replaceOriginal).toBe(false);
    // Slack redelivers the same click (same action_ts): it is not queued twice.
    const again = await h.clickRaw(WHO, ACTIONS.itemMarkStarted, value, {
      responseUrlId: 'long-lock-retry',
      actionTs: '1700000000.000001',
    });
    expect(again.status).toBe(200);
    expect(queuedFiles()).toHaveLength(1);
    await released;
    const second = await answerNumber('long-lock', 2);
    expect(second.shown).toContain('Updated P1#1');
    expect(itemByCode('P1', '1').status).toBe('started');
    expect(historyOf(item.id).filter((e) => e.field === 'status')).toHaveLength(1);
    expect(queuedFiles()).toEqual([]);
  });

  it("/reform update is saved (or queued) before the ack, and told in the person's language", async () => {
    await h.setLocale(WHO, 'zh-CN');
    const released = h.lockFile(3_500);
    const http = await h.slashRaw(WHO, 'update P1#3 done 已印发', {
      responseUrlId: 'cmd-long',
      triggerId: 'trigger-busy-1',
    });
    expect(http.status).toBe(200);
    expect(queuedFiles()).toHaveLength(1);
    expect((await answerNumber('cmd-long', 1)).shown).toContain('正在保存对 P1#3 的更新');
    await released;
    expect((await answerNumber('cmd-long', 2)).shown).toContain('已更新 P1#3');
    expect(itemByCode('P1', '3').status).toBe('done');
  });

  it('a form submitted during a long lock closes, is kept, and is confirmed by DM when saved', async () => {
    const item = itemByCode('P1', '4');
    const values: StateValues = {
      [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(item.plan_id)) },
      [itemBlockId(item.plan_id)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(item.id)) },
      [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('started') },
      [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text('印发文件 2016-9') },
      [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: stateValue.checkboxes([OUTCOME_VALUE]) },
    };
    const released = h.lockFile(3_500);
    const res = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: WHO,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({ planId: item.plan_id, itemId: item.id, version: item.version }),
        values,
      }),
    );
    expect(res.status).toBe(200);
    expect(queuedFiles()).toHaveLength(1);
    const saving = await h.standIn.waitFor(
      'chat.postMessage',
      (c) => String(c.args.text).includes('Saving your update of P1#4'),
      5_000,
    );
    expect(saving.args.channel).toBe(WHO);
    await released;
    await h.standIn.waitFor(
      'chat.postMessage',
      (c) => String(c.args.text).includes('P1#4') && !String(c.args.text).includes('Saving'),
      5_000,
    );
    const row = h.db.select().from(items).where(eq(items.id, item.id)).get()!;
    expect(row.status).toBe('started');
    expect(row.institutionalOutcome).toBe(true);
  });
});
