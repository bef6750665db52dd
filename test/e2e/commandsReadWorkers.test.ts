// /reform with a read worker, as `reform-bot start` runs it (READ_WORKERS=1): signed slash
// commands through the real HTTPReceiver, read-only answers built and posted by a worker thread
// on its own read-only connection to the ledger file, writes still on the main thread, and
// answers the worker cannot take built on the main thread instead.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type ReadPool, ReadWorkerError } from '../../src/slack/readWorkers/readPool.ts';
import type { CommandTask } from '../../src/slack/readWorkers/readWorkerMessages.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';

let h: Harness;
let pool: ReadPool;
const handedOver: CommandTask[] = [];

beforeAll(async () => {
  // Figures recomputed after every change (production reuses them for STATS_REUSE_MS under load).
  h = await startHarness({ readWorkers: 1, env: { STATS_REUSE_MS: '0' } });
  pool = h.deps.readWorkers as ReadPool;
  // Count what reaches the pool; listeners read deps.readWorkers on every command.
  h.deps.readWorkers = {
    ...pool,
    answerCommand: (task) => {
      handedOver.push(task);
      return pool.answerCommand(task);
    },
  };
});
afterAll(async () => {
  await h.close();
});

const who = PEOPLE.g1Liaison;

describe('/reform answered by a read worker', () => {
  it("item: the card, ephemeral, in the person's language, built by the worker", async () => {
    for (const [slack, expected] of [
      ['zh-CN', '🔴 已逾期 8 个工作日'],
      ['en-US', '🔴 8 working days overdue'],
    ] as const) {
      await h.setLocale(who, slack);
      const before = handedOver.length;
      const a = await h.slash(who, 'item P1#1');
      expect(a.http.status).toBe(200);
      expect(a.ephemeral).toBe(true);
      expect(a.replaceOriginal).toBe(false);
      expect(a.shown).toContain('P1#1 建立投资项目在线审批监管平台');
      expect(a.shown).toContain(expected);
      expect(handedOver.length).toBe(before + 1);
      expect(handedOver.at(-1)).toMatchObject({
        command: { kind: 'item', ref: { planCode: 'P1', itemCode: '1' } },
        userId: who,
        locale: slack === 'en-US' ? 'en' : 'zh-CN',
      });
    }
  });

  it('stats, plan, mine, help and a parse error are all answered by the worker', async () => {
    await h.setLocale(who, 'en-US');
    const before = handedOver.length;
    expect((await h.slash(who, 'stats')).shown).toContain('done');
    expect((await h.slash(who, 'plan P1')).shown).toContain('Implementation file · P1');
    expect((await h.slash(who, 'mine')).ephemeral).toBe(true);
    expect((await h.slash(who, 'help')).shown).toContain('/reform item P1#3');
    expect((await h.slash(who, 'item P1')).shown).toContain('`P1` is not an item reference');
    expect((await h.slash(who, 'item P9#1')).shown).toContain('There is no plan `P9`');
    expect(handedOver.slice(before).map((t) => t.command.kind)).toEqual([
      'stats',
      'plan',
      'mine',
      'help',
      'error',
      'item',
    ]);
  });

  it('a change written on the main thread is what the worker shows next, in the card and the statistics', async () => {
    await h.setLocale(who, 'en-US');
    const statsBefore = (await h.slash(who, 'stats')).shown;
    const before = handedOver.length;
    const update = await h.slash(who, 'update P1#2 started evidence filed');
    expect(handedOver.length).toBe(before); // a write: not handed over
    expect(update.shown).toContain('started');
    const card = await h.slash(who, 'item P1#2');
    expect(card.shown).toContain('🔄 started');
    expect(card.shown).toContain('evidence filed');
    const statsAfter = (await h.slash(who, 'stats')).shown;
    expect(statsAfter).not.toBe(statsBefore);
  });

  it('every request still has its one summary line, with the requestId the worker was given', async () => {
    const before = handedOver.length;
    await h.slash(who, 'item P1#3');
    const task = handedOver[before] as CommandTask;
    expect(task.logFields.requestId).toMatch(/^[\w-]{8}$/);
    // Written when the worker reports back, which may be just after Slack got the answer.
    const summary = await vi.waitFor(() => {
      const line = h.logs
        .map((l) => JSON.parse(l))
        .find((l) => l.msg === 'slack request' && l.requestId === task.logFields.requestId);
      if (!line) throw new Error('no summary line yet');
      return line;
    });
    expect(summary).toMatchObject({ outcome: 'ok', kind: 'command', name: '/reform' });
  });

  it('with the workers gone, answers are built on the main thread: nothing is lost', async () => {
    await pool.close();
    await h.setLocale(who, 'en-US');
    const a = await h.slash(who, 'item P1#1');
    expect(a.shown).toContain('🔴 8 working days overdue');
    expect(h.logs.some((l) => l.includes('answering on the main thread'))).toBe(true);
  });

  it("a worker that failed before posting: the person gets the failure notice, the log gets the worker's stack", async () => {
    h.deps.readWorkers = {
      ...pool,
      answerCommand: () =>
        Promise.reject(
          new ReadWorkerError(
            'no such table: items',
            false,
            false,
            'Error: no such table: items\n    at findItem (items.ts:1)',
          ),
        ),
    };
    await h.setLocale(who, 'en-US');
    const a = await h.slash(who, 'item P1#1');
    expect(a.shown).toContain('Something went wrong');
    const failure = h.logs
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === '/reform failed' && l.err === 'no such table: items');
    expect(failure?.stack).toContain('at findItem');
  });

  it('a worker that died while posting: no second answer (it may have arrived), and the loss is logged', async () => {
    h.deps.readWorkers = {
      ...pool,
      answerCommand: () => Promise.reject(new ReadWorkerError('read worker exited (code 1)', true, true)),
    };
    const http = await h.slashRaw(who, 'item P1#1', { responseUrlId: 'died-posting' });
    expect(http.status).toBe(200);
    await vi.waitFor(() => expect(h.logs.some((l) => l.includes('read worker died while posting'))).toBe(true));
    await new Promise((r) => setTimeout(r, 200));
    expect(h.standIn.callsTo('response_url').filter((c) => c.responseUrlId === 'died-posting')).toHaveLength(0);
  });
});
