import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { decodeCloseoutValue } from '../../src/blocks/messages/closeout.ts';
import type { Db } from '../../src/db/client.ts';
import { closeoutProposals, plans, userLocales } from '../../src/db/schema.ts';
import { runCloseout } from '../../src/jobs/closeout.ts';
import { closePlan, decideNotYet, planFingerprint } from '../../src/store/closeout.ts';
import { changeItem } from '../../src/store/items.ts';
import { jobContext, memoryDb, queued } from '../support/jobs.ts';
import { ADMINS, addNumberedPlan, allDone, PEOPLE, seedOrg } from '../support/office.ts';

const MONDAY = '2026-11-30T09:00:00+08:00';
const run = (db: Db, iso = MONDAY) => runCloseout(jobContext(db, iso));

describe('close-out job', () => {
  let db: Db;
  let g1: number;
  beforeEach(() => {
    db = memoryDb();
    g1 = seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true }).g1;
  });

  it('proposes each plan whose items are all done to every admin, once', () => {
    const ready = addNumberedPlan(db, { code: 'P2', groupId: g1, items: allDone(3) });
    addNumberedPlan(db, { code: 'P10', groupId: g1, items: allDone(2) });
    addNumberedPlan(db, { code: 'P3', groupId: g1, items: [...allDone(2), { status: 'started' }] });
    addNumberedPlan(db, { code: 'P4', groupId: g1, items: [] }); // no items: never closable
    addNumberedPlan(db, { code: 'P5', groupId: g1, stage: 'closed', closedOn: '2026-11-01', items: allDone(1) });
    db.insert(userLocales).values({ userId: ADMINS[1], locale: 'en-GB', fetchedAt: '2026-11-01T00:00:00Z' }).run();

    const result = run(db);
    expect(result.queued).toBe(2);
    const rows = queued(db);
    expect(rows.map((r) => r.target)).toEqual([...ADMINS]);
    expect(rows[0]?.text).toBe('2 个方案可销账：P2, P10');
    expect(rows[1]?.text).toBe('2 plan(s) ready to close out: P2, P10');
    const buttons = rows[0]?.blocks.filter((b) => b.type === 'actions') as {
      elements: { action_id: string; value: string }[];
    }[];
    expect(buttons.map((b) => b.elements.map((e) => e.action_id))).toEqual([
      ['closeout.confirm', 'closeout.not_yet'],
      ['closeout.confirm', 'closeout.not_yet'],
    ]);
    expect(decodeCloseoutValue(buttons[0]?.elements[0]?.value)).toEqual({
      planId: ready.planId,
      fingerprint: planFingerprint(db, ready.planId).fingerprint,
    });

    expect(run(db, '2026-11-30T10:00:00+08:00').queued).toBe(0);
    expect(run(db, '2026-12-01T09:00:00+08:00').queued).toBe(0);
  });

  it('does nothing on a Saturday or a holiday, and works on a make-up Saturday', () => {
    addNumberedPlan(db, { code: 'P1', groupId: g1, items: allDone(1) });
    expect(run(db, '2026-11-28T09:00:00+08:00')).toMatchObject({
      queued: 0,
      details: { skipped: 'not a working day' },
    });
    expect(run(db, '2026-10-01T09:00:00+08:00').queued).toBe(0);
    expect(run(db, '2026-10-10T09:00:00+08:00').queued).toBe(2);
  });

  it('proposes again only after the items change, whatever the answer was', () => {
    const { planId, itemIds } = addNumberedPlan(db, { code: 'P1', groupId: g1, items: allDone(2) });
    run(db);
    const fp = planFingerprint(db, planId).fingerprint;
    expect(decideNotYet(db, { planId, fingerprint: fp, by: ADMINS[0], at: new Date(MONDAY) })).toEqual({
      kind: 'recorded',
      code: 'P1',
    });
    expect(decideNotYet(db, { planId, fingerprint: fp, by: ADMINS[1], at: new Date(MONDAY) })).toMatchObject({
      kind: 'alreadyDecided',
      by: ADMINS[0],
    });
    expect(run(db, '2026-12-01T09:00:00+08:00').queued).toBe(0);
    // an item goes back to started: not closable, nothing proposed
    const item = itemIds[0] as number;
    changeItem(db, {
      itemId: item,
      status: 'started',
      actor: PEOPLE.g1Liaison,
      source: 'slack',
      at: new Date('2026-12-01T10:00:00+08:00'),
    });
    expect(run(db, '2026-12-02T09:00:00+08:00').queued).toBe(0);
    // and done again: a new fingerprint, proposed again
    changeItem(db, {
      itemId: item,
      status: 'done',
      actor: PEOPLE.g1Liaison,
      source: 'slack',
      at: new Date('2026-12-02T10:00:00+08:00'),
    });
    expect(run(db, '2026-12-03T09:00:00+08:00').queued).toBe(2);
    expect(db.select().from(closeoutProposals).all()).toHaveLength(2);
  });

  it('closes a plan once, refuses a changed or unfinished plan unless forced', () => {
    const { planId, itemIds } = addNumberedPlan(db, { code: 'P1', groupId: g1, items: allDone(2) });
    const fp = planFingerprint(db, planId).fingerprint;
    const at = new Date(MONDAY);
    changeItem(db, { itemId: itemIds[1] as number, status: 'started', actor: 'x', source: 'cli', at });
    expect(closePlan(db, { planId, by: ADMINS[0], today: '2026-11-30', at, expectedFingerprint: fp })).toMatchObject({
      kind: 'changed',
      items: 2,
      done: 1,
    });
    expect(closePlan(db, { planId, by: ADMINS[0], today: '2026-11-30', at })).toMatchObject({
      kind: 'notClosable',
    });
    expect(closePlan(db, { planId, by: 'cli:alice', today: '2026-11-30', at, force: true })).toEqual({
      kind: 'closed',
      code: 'P1',
      closedOn: '2026-11-30',
    });
    expect(closePlan(db, { planId, by: ADMINS[1], today: '2026-12-01', at, force: true })).toEqual({
      kind: 'alreadyClosed',
      code: 'P1',
      closedOn: '2026-11-30',
      closedBy: 'cli:alice',
    });
    expect(db.select().from(plans).where(eq(plans.id, planId)).get()).toMatchObject({
      stage: 'closed',
      closedOn: '2026-11-30',
      closedBy: 'cli:alice',
    });
    expect(run(db).queued).toBe(0);
  });

  it('records nothing while there is no admin, and proposes once there is one', () => {
    db.$client.prepare('delete from admins').run();
    addNumberedPlan(db, { code: 'P1', groupId: g1, items: allDone(1) });
    expect(run(db)).toMatchObject({ queued: 0, details: { skipped: 'no office admins' } });
    db.$client.prepare("insert into admins (user_id) values ('U0NEWADM')").run();
    expect(run(db, '2026-12-01T09:00:00+08:00').queued).toBe(1);
  });

  it('splits many plans into messages of at most 20 plans and 50 blocks', () => {
    for (let i = 1; i <= 45; i++)
      addNumberedPlan(db, { code: `P${i}`, groupId: g1, title: '长'.repeat(400), items: allDone(1) });
    expect(run(db).queued).toBe(6); // 3 messages x 2 admins
    for (const row of queued(db)) {
      expect(row.blocks.length).toBeLessThanOrEqual(50);
      expect(JSON.stringify(row.blocks).length).toBeLessThan(12_000 * 2);
    }
    expect(queued(db)[2]?.blocks[0]).toMatchObject({ type: 'header', text: { text: '可销账方案（第 2/3 部分）' } });
  });
});
