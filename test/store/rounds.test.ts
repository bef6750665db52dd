import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { plans, roundItems } from '../../src/db/schema.ts';
import { CN_2016 } from '../../src/domain/calendars/cn.ts';
import { changeItem } from '../../src/store/items.ts';
import { createRound, listRounds, loadRoundStats, roundPlanCodes, roundPlanStatuses } from '../../src/store/rounds.ts';
import { generateSeedLedger, SEED_EXPECTED } from '../fixtures/seedLedger.ts';
import { seedDb } from '../support/seedLedgerDb.ts';

const NOW = new Date('2016-07-01T02:00:00Z');
const midYear = { kind: 'mid-year', asOf: '2016-06-30', minAgeMonths: 6, createdBy: 'cli', now: NOW } as const;

function created(result: ReturnType<typeof createRound>) {
  if (result.kind !== 'created') throw new Error(`expected a created round, got ${result.kind}`);
  return result;
}

describe('createRound on the seed ledger', () => {
  it('selects the 35 plans issued six months before 2016-06-30 and reproduces the seed table', () => {
    const { db } = seedDb();
    const round = created(createRound(db, midYear));
    expect(round.selectedPlans).toHaveLength(35);
    expect(round.items).toBe(717);
    const stats = loadRoundStats(db, round.round, CN_2016, 3);
    expect(stats).toMatchObject({
      asOf: '2016-06-30',
      plans: 35,
      items: 717,
      done: 461,
      doneRate: 64.3,
      started: 224,
      startedRate: 31.2,
      notStarted: 32,
      notStartedRate: 4.5,
      closablePlans: 6,
    });
    for (const d of stats.byDomain) expect(d).toMatchObject(SEED_EXPECTED.byDomain[d.domain]);
    // Codes in natural order, the same as the round's stored plans.
    expect(roundPlanCodes(db, round.round.id)).toEqual(round.selectedPlans.map((p) => p.code));
    expect(round.selectedPlans[0]?.code).toBe('SC-FA-001');
    expect(round.selectedPlans.at(-1)?.code).toBe('SC-FA-035');
  });

  it('refuses the same round twice and creates nothing when no plan qualifies', () => {
    const { db } = seedDb();
    const first = created(createRound(db, midYear));
    const again = createRound(db, midYear);
    expect(again).toEqual({ kind: 'exists', round: first.round });
    expect(createRound(db, { ...midYear, asOf: '2015-06-01' })).toEqual({ kind: 'empty' });
    expect(listRounds(db)).toHaveLength(1);
  });
});

describe('selection boundaries', () => {
  const rows = generateSeedLedger();
  // SC-FA-035 is issued exactly on the cut-off 2015-12-30; SC-FA-036 on 2016-01-08.
  it('includes a plan issued exactly min-age months before, excludes one issued a day later', () => {
    const onCutoff = rows.filter((r) => r.plan_code === 'SC-FA-035');
    expect(onCutoff[0]?.issued_on).toBe('2015-12-30');
    const dayLater = onCutoff.map((r) => ({
      ...r,
      plan_code: 'X-LATE',
      item_code: `X-LATE-${r.item_code}`,
      issued_on: '2015-12-31',
      plan_title: 'late',
    }));
    const { db } = seedDb([...rows, ...dayLater]);
    const codes = created(createRound(db, midYear)).selectedPlans.map((p) => p.code);
    expect(codes).toContain('SC-FA-035');
    expect(codes).not.toContain('X-LATE');
    // The day after the round date moves the cut-off by a day: now it qualifies.
    const later = created(createRound(db, { ...midYear, asOf: '2016-07-01' })).selectedPlans.map((p) => p.code);
    expect(later).toContain('X-LATE');
  });

  it('honours --min-age-months: 0 months selects every plan issued by the round date', () => {
    const { db } = seedDb();
    const round = created(createRound(db, { ...midYear, minAgeMonths: 0 }));
    expect(round.selectedPlans).toHaveLength(75); // 35 + 40 issued in 2016, not the 7 unissued
  });

  it('excludes plans closed on or before the round date and keeps those closed later', () => {
    const { db } = seedDb();
    db.update(plans).set({ stage: 'closed', closedOn: '2016-06-30' }).where(eq(plans.code, 'SC-FA-001')).run();
    db.update(plans).set({ stage: 'closed', closedOn: '2016-07-15' }).where(eq(plans.code, 'SC-FA-002')).run();
    const round = created(createRound(db, midYear));
    const codes = round.selectedPlans.map((p) => p.code);
    expect(codes).not.toContain('SC-FA-001');
    expect(codes).toContain('SC-FA-002');
    // SC-FA-002 was open on the round's date: counted as open (closable), not as closed.
    const stats = loadRoundStats(db, round.round, CN_2016, 3);
    expect(stats.closedPlans).toBe(0);
    expect(stats.closablePlanCodes).toContain('SC-FA-002');
  });
});

describe('the snapshot', () => {
  it('is unaffected by later item changes', () => {
    const { db, ledger } = seedDb();
    const round = created(createRound(db, midYear));
    const before = loadRoundStats(db, round.round, CN_2016, 3);
    const itemId = ledger.itemIds.get('SC-FA-003-002') as number;
    const snapshotRow = () => db.select().from(roundItems).where(eq(roundItems.itemId, itemId)).get();
    const original = snapshotRow()?.status;
    const target = original === 'done' ? 'not_started' : 'done';
    const change = changeItem(db, {
      itemId,
      status: target,
      actor: 'U1',
      source: 'cli',
      at: new Date('2016-07-02T00:00:00Z'),
    });
    expect(change.kind).toBe('applied');
    expect(snapshotRow()?.status).toBe(original);
    expect(loadRoundStats(db, round.round, CN_2016, 3)).toEqual(before);
  });

  it('reports each plan with its items and no checks yet', () => {
    const { db } = seedDb();
    const round = created(createRound(db, midYear));
    const statuses = roundPlanStatuses(db, round.round.id);
    expect(statuses).toHaveLength(35);
    expect(statuses.reduce((n, p) => n + p.items, 0)).toBe(717);
    expect(statuses.every((p) => !p.filled && p.confirmedItems === 0 && p.coordinated === null)).toBe(true);
    const [summary] = listRounds(db);
    expect(summary).toMatchObject({ id: round.round.id, kind: 'mid-year', plans: 35, filledPlans: 0, items: 717 });
  });
});
