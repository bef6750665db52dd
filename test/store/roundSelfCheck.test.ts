import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { itemHistory, items, roundItems, roundPlans } from '../../src/db/schema.ts';
import type { Status } from '../../src/domain/types.ts';
import { changeItem } from '../../src/store/items.ts';
import { loadSelfCheck, recordSelfCheck, type SelfCheckSubmission } from '../../src/store/roundSelfCheck.ts';
import { createRound } from '../../src/store/rounds.ts';
import { liaisonOf, seedDb } from '../support/seedLedgerDb.ts';

function setup() {
  const { db, ledger } = seedDb();
  const result = createRound(db, {
    kind: 'year-end',
    asOf: '2016-06-30',
    minAgeMonths: 6,
    createdBy: 'cli',
    now: new Date('2016-07-01T00:00:00Z'),
  });
  if (result.kind !== 'created') throw new Error('no round');
  const planId = ledger.planIds.get('SC-FA-003') as number;
  const data = loadSelfCheck(db, result.round.id, planId);
  if (!data) throw new Error('no self-check');
  return { db, ledger, round: result.round, planId, data };
}

const AT1 = new Date('2016-12-20T03:00:00Z');
const AT2 = new Date('2016-12-21T03:00:00Z');

describe('loadSelfCheck', () => {
  it('gives the plan, its items in order with round and live statuses, and empty checks', () => {
    const { data, round } = setup();
    expect(data.round.id).toBe(round.id);
    expect(data.plan.code).toBe('SC-FA-003');
    expect(data.items).toHaveLength(28);
    expect(data.items.map((i) => i.code)).toEqual([...data.items.map((i) => i.code)].sort());
    expect(data.items.every((i) => i.status === i.liveStatus && i.confirmedBy === null)).toBe(true);
    expect(data.checks).toEqual({
      coordinated: null,
      onSchedule: null,
      breakthroughs: null,
      note: null,
      filledBy: null,
      filledAt: null,
    });
  });

  it('is undefined for a plan outside the round', () => {
    const { db, round, ledger } = setup();
    expect(loadSelfCheck(db, round.id, ledger.planIds.get('SC-FA-050') as number)).toBeUndefined();
    expect(loadSelfCheck(db, round.id + 1, ledger.planIds.get('SC-FA-003') as number)).toBeUndefined();
  });
});

describe('recordSelfCheck', () => {
  const base = (
    over: Partial<SelfCheckSubmission> & Pick<SelfCheckSubmission, 'roundId' | 'planId'>,
  ): SelfCheckSubmission => ({
    userId: liaisonOf('G1'),
    now: AT1,
    checks: { coordinated: true, onSchedule: false, breakthroughs: true },
    note: '  召开专题协调会 2 次 ',
    confirmed: new Map(),
    requestKey: 'V1',
    liveNote: 'Corrected in the self-check of round #1',
    ...over,
  });

  it('records the checks and confirms every item, once', () => {
    const { db, round, planId, data } = setup();
    const first = recordSelfCheck(db, base({ roundId: round.id, planId }));
    expect(first).toEqual({ kind: 'recorded', corrected: [], applied: [], keptNewer: [], repeated: false });
    const rp = db
      .select()
      .from(roundPlans)
      .where(and(eq(roundPlans.roundId, round.id), eq(roundPlans.planId, planId)))
      .get();
    expect(rp).toMatchObject({
      coordinated: true,
      onSchedule: false,
      breakthroughs: true,
      note: '召开专题协调会 2 次',
      filledBy: liaisonOf('G1'),
      filledAt: AT1.toISOString(),
    });
    const confirmed = db
      .select()
      .from(roundItems)
      .where(eq(roundItems.roundId, round.id))
      .all()
      .filter((r) => r.confirmedBy !== null);
    expect(confirmed).toHaveLength(data.items.length);

    // The same submission again (a retry): the first outcome, and nothing changes, not even the times.
    const again = recordSelfCheck(db, base({ roundId: round.id, planId, now: AT2 }));
    expect(again).toEqual({ ...first, repeated: true });
    // The same answers from a new form: nothing to change, and it says so.
    expect(recordSelfCheck(db, base({ roundId: round.id, planId, now: AT2, requestKey: 'V3' }))).toMatchObject({
      kind: 'unchanged',
      repeated: false,
    });
    const rp2 = db
      .select()
      .from(roundPlans)
      .where(and(eq(roundPlans.roundId, round.id), eq(roundPlans.planId, planId)))
      .get();
    expect(rp2?.filledAt).toBe(AT1.toISOString());
    expect(db.select().from(roundItems).where(eq(roundItems.confirmedAt, AT2.toISOString())).all()).toHaveLength(0);
  });

  it('applies a correction to the live item through its history, keeps newer live changes', () => {
    const { db, round, planId, data } = setup();
    const started = data.items.filter((i) => i.status === 'started');
    const [fix, movedOn] = started as [(typeof started)[0], (typeof started)[0]];
    // After the snapshot someone finished `movedOn` in the ledger.
    changeItem(db, {
      itemId: movedOn.itemId,
      status: 'done',
      actor: 'U9',
      source: 'slack',
      at: new Date('2016-12-01T00:00:00Z'),
    });
    const confirmed = new Map<number, Status>([
      [fix.itemId, 'done'],
      [movedOn.itemId, 'not_started'],
    ]);
    const result = recordSelfCheck(db, base({ roundId: round.id, planId, confirmed }));
    expect(result).toEqual({
      kind: 'recorded',
      corrected: [fix.code, movedOn.code].sort(),
      applied: [fix.code],
      keptNewer: [movedOn.code],
      repeated: false,
    });

    const live = (id: number) => db.select().from(items).where(eq(items.id, id)).get()?.status;
    expect(live(fix.itemId)).toBe('done');
    expect(live(movedOn.itemId)).toBe('done');
    const history = db.select().from(itemHistory).where(eq(itemHistory.itemId, fix.itemId)).all();
    expect(history).toEqual([
      expect.objectContaining({
        field: 'status',
        fromValue: 'started',
        toValue: 'done',
        actor: liaisonOf('G1'),
        source: 'slack',
        requestKey: `round:V1:${fix.itemId}`,
      }),
    ]);
    const roundStatus = (id: number) =>
      db
        .select()
        .from(roundItems)
        .where(and(eq(roundItems.roundId, round.id), eq(roundItems.itemId, id)))
        .get()?.status;
    expect(roundStatus(fix.itemId)).toBe('done');
    expect(roundStatus(movedOn.itemId)).toBe('not_started');

    // Posted twice: the first outcome again, nothing more in the history.
    expect(recordSelfCheck(db, base({ roundId: round.id, planId, confirmed }))).toEqual({ ...result, repeated: true });
    expect(recordSelfCheck(db, base({ roundId: round.id, planId, confirmed, requestKey: 'V4' })).kind).toBe(
      'unchanged',
    );
    expect(db.select().from(itemHistory).all()).toHaveLength(2); // movedOn's own change + the correction
  });

  it('records a later amendment by someone else', () => {
    const { db, round, planId } = setup();
    recordSelfCheck(db, base({ roundId: round.id, planId }));
    const amended = recordSelfCheck(
      db,
      base({ roundId: round.id, planId, userId: 'UADMIN', now: AT2, requestKey: 'V2' }),
    );
    expect(amended.kind).toBe('recorded');
    const rp = db
      .select()
      .from(roundPlans)
      .where(and(eq(roundPlans.roundId, round.id), eq(roundPlans.planId, planId)))
      .get();
    expect(rp).toMatchObject({ filledBy: 'UADMIN', filledAt: AT2.toISOString() });
  });

  it('is notFound for a plan outside the round', () => {
    const { db, round, ledger } = setup();
    expect(recordSelfCheck(db, base({ roundId: round.id, planId: ledger.planIds.get('SC-FA-050') as number }))).toEqual(
      { kind: 'notFound' },
    );
  });
});
