import { describe, expect, it } from 'vitest';
import { CN_2016 } from '../../src/domain/calendars/cn.ts';
import { isIsoDate } from '../../src/domain/dates.ts';
import { selectPlansForRound } from '../../src/domain/rounds.ts';
import { computeStats, type StatsItem, type StatsPlan } from '../../src/domain/stats.ts';
import { DOMAINS, type Domain, STATUSES, type Status } from '../../src/domain/types.ts';
import { generateSeedLedger, SEED_EXPECTED, SEED_GROUPS, type SeedLedgerRow } from '../fixtures/seedLedger.ts';

const rows = generateSeedLedger();

// One entry per plan, as the store would hold it after importing the ledger.
function plansOf(ledger: SeedLedgerRow[]) {
  const byCode = new Map<string, StatsPlan & { issuedOn: string | null; closedOn: null }>();
  for (const r of ledger) {
    if (byCode.has(r.plan_code)) continue;
    byCode.set(r.plan_code, {
      code: r.plan_code,
      domain: r.domain as Domain,
      groupCode: r.lead_group,
      stage: r.issued_on ? 'issued' : 'approved',
      issuedOn: r.issued_on || null,
      closedOn: null,
    });
  }
  return [...byCode.values()];
}

const itemsOf = (ledger: SeedLedgerRow[]): StatsItem[] =>
  ledger.map((r) => ({ planCode: r.plan_code, status: r.status as Status, dueOn: r.due_on || null }));

describe('generateSeedLedger', () => {
  it('is deterministic', () => {
    expect(generateSeedLedger()).toEqual(rows);
  });

  it('has 82 approved plans: 35 issued by the cut-off, 40 issued in 2016, 7 not issued', () => {
    const plans = plansOf(rows);
    expect(plans).toHaveLength(SEED_EXPECTED.approvedPlans);
    const issued = plans.map((p) => p.issuedOn);
    expect(issued.filter((d) => d !== null && d <= SEED_EXPECTED.roundCutoff)).toHaveLength(35);
    expect(issued.filter((d) => d !== null && d >= '2016-01-01' && d <= '2016-06-30')).toHaveLength(40);
    expect(issued.filter((d) => d === null)).toHaveLength(SEED_EXPECTED.notIssuedPlans);
    expect(issued).toContain('2015-12-30'); // the boundary itself is in the data
  });

  it('uses only valid words, dates and unique codes', () => {
    const groupCodes = SEED_GROUPS.map((g) => g.code);
    for (const r of rows) {
      expect(STATUSES).toContain(r.status);
      expect(DOMAINS).toContain(r.domain);
      expect(groupCodes).toContain(r.lead_group);
      expect(r.issued_on === '' || isIsoDate(r.issued_on)).toBe(true);
      expect(r.due_on === '' || isIsoDate(r.due_on)).toBe(true);
      expect(r.item_code.startsWith(`${r.plan_code}-`)).toBe(true);
      expect(r.responsible_departments.split('、')[0]).toBe(r.lead_department);
    }
    expect(new Set(rows.map((r) => r.item_code)).size).toBe(rows.length);
    expect(new Set(plansOf(rows).map((p) => p.code)).size).toBe(82);
    // Plan titles are unique, so an importer may also match plans by title.
    expect(new Set(rows.map((r) => `${r.plan_code}\t${r.plan_title}`)).size).toBe(
      new Set(rows.map((r) => r.plan_title)).size,
    );
  });

  it('contains commas and double quotes for CSV quoting, and Chinese text', () => {
    expect(rows.some((r) => r.plan_title.includes('"') && r.plan_title.includes(','))).toBe(true);
    expect(rows.some((r) => r.item_title.includes('"') && r.item_title.includes(','))).toBe(true);
    expect(rows.some((r) => r.note.includes('"') && r.note.includes(','))).toBe(true);
    expect(rows.some((r) => r.lead_department === '发展改革委')).toBe(true);
  });
});

describe('the seed round reproduces the article’s table', () => {
  const assessed = selectPlansForRound(plansOf(rows), SEED_EXPECTED.asOf);
  const codes = new Set(assessed.map((p) => p.code));
  const stats = computeStats(
    { plans: assessed, items: itemsOf(rows).filter((i) => codes.has(i.planCode)) },
    SEED_EXPECTED.asOf,
    CN_2016,
  );

  it('35 plans, 717 items, 461 / 224 / 32 at 64.3 / 31.2 / 4.5, 6 closable', () => {
    expect(stats).toMatchObject({
      asOf: '2016-06-30',
      plans: 35,
      items: 717,
      done: 461,
      started: 224,
      notStarted: 32,
      doneRate: 64.3,
      startedRate: 31.2,
      notStartedRate: 4.5,
      closablePlans: 6,
      closedPlans: 0,
    });
  });

  it('matches SEED_EXPECTED domain by domain', () => {
    for (const row of stats.byDomain) {
      const { plans, items, done, started, notStarted } = row;
      expect({ plans, items, done, started, notStarted }).toEqual(SEED_EXPECTED.byDomain[row.domain]);
    }
  });

  it('spreads over nine groups and shows economic, social and discipline fastest', () => {
    expect(stats.byGroup.map((g) => g.group)).toEqual(SEED_GROUPS.map((g) => g.code));
    const rate = (d: Domain) => stats.byDomain.find((r) => r.domain === d)?.doneRate ?? 0;
    const fast = Math.min(rate('economic'), rate('social'), rate('discipline'));
    const slow = Math.max(rate('political'), rate('cultural'), rate('ecological'), rate('party_building'));
    expect(fast).toBeGreaterThan(slow);
  });

  it('has red, yellow and green items on 2016-06-30', () => {
    expect(stats.lights.red).toBeGreaterThan(0);
    expect(stats.lights.yellow).toBeGreaterThan(0);
    expect(stats.lights.green).toBeGreaterThan(0);
  });
});
