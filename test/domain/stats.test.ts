import { describe, expect, it } from 'vitest';
import { CN_2026 } from '../../src/domain/calendars/cn.ts';
import { addDays } from '../../src/domain/dates.ts';
import { computeStats, createStatsAccumulator, type StatsItem, type StatsPlan } from '../../src/domain/stats.ts';
import { DOMAINS, PLAN_STAGES, STATUSES } from '../../src/domain/types.ts';

const ASOF = '2026-03-04'; // Wednesday; yellow window with N = 3 ends Monday 2026-03-09

const plans: StatsPlan[] = [
  { code: 'P1', domain: 'economic', groupCode: 'G10', stage: 'issued' }, // all done: closable
  { code: 'P2', domain: 'economic', groupCode: 'G2', stage: 'issued' },
  { code: 'P3', domain: 'social', groupCode: 'G2', stage: 'closed' }, // all done but closed
  { code: 'P4', domain: 'discipline', groupCode: 'G1', stage: 'approved' }, // no items
];
const items: StatsItem[] = [
  { planCode: 'P1', status: 'done', dueOn: '2026-01-05' },
  { planCode: 'P1', status: 'done', dueOn: null },
  { planCode: 'P2', status: 'started', dueOn: '2026-03-03' }, // red
  { planCode: 'P2', status: 'not_started', dueOn: '2026-03-09' }, // yellow
  { planCode: 'P2', status: 'started', dueOn: '2026-03-10' }, // green
  { planCode: 'P2', status: 'done', dueOn: '2026-03-01' },
  { planCode: 'P3', status: 'done', dueOn: '2026-02-02' },
];

describe('computeStats', () => {
  const stats = computeStats({ plans, items }, ASOF, CN_2026, 3);

  it('computes the headline figures', () => {
    expect(stats).toMatchObject({
      asOf: ASOF,
      plans: 4,
      items: 7,
      done: 4,
      started: 2,
      notStarted: 1,
      doneRate: 57.1,
      startedRate: 28.6,
      notStartedRate: 14.3,
      closablePlans: 1,
      closedPlans: 1,
      lights: { green: 5, yellow: 1, red: 1 },
      closablePlanCodes: ['P1'],
      yellowWorkdays: 3,
    });
  });

  it('starts with the documented keys in order', () => {
    expect(Object.keys(stats).slice(0, 14)).toEqual([
      'asOf',
      'plans',
      'items',
      'done',
      'started',
      'notStarted',
      'doneRate',
      'startedRate',
      'notStartedRate',
      'closablePlans',
      'closedPlans',
      'lights',
      'byDomain',
      'byGroup',
    ]);
  });

  it('lists all seven domains in canonical order, zeros included', () => {
    expect(stats.byDomain.map((d) => d.domain)).toEqual([...DOMAINS]);
    expect(stats.byDomain.find((d) => d.domain === 'economic')).toEqual({
      domain: 'economic',
      plans: 2,
      items: 6,
      done: 3,
      started: 2,
      notStarted: 1,
      doneRate: 50,
      startedRate: 33.3,
      notStartedRate: 16.7,
      closablePlans: 1,
      lights: { red: 1, yellow: 1, green: 4 },
    });
    expect(stats.byDomain.find((d) => d.domain === 'cultural')).toEqual({
      domain: 'cultural',
      plans: 0,
      items: 0,
      done: 0,
      started: 0,
      notStarted: 0,
      doneRate: 0,
      startedRate: 0,
      notStartedRate: 0,
      closablePlans: 0,
      lights: { red: 0, yellow: 0, green: 0 },
    });
    expect(stats.byDomain.find((d) => d.domain === 'discipline')?.plans).toBe(1);
  });

  it('lists groups in natural order (G2 before G10), including groups without items', () => {
    expect(stats.byGroup.map((g) => g.group)).toEqual(['G1', 'G2', 'G10']);
    expect(stats.byGroup[0]).toMatchObject({ group: 'G1', plans: 1, items: 0, doneRate: 0 });
    expect(stats.byGroup[1]).toMatchObject({ group: 'G2', plans: 2, items: 5, done: 2, doneRate: 40 });
    expect(stats.byGroup[2]).toMatchObject({ group: 'G10', plans: 1, items: 2, done: 2, closablePlans: 1 });
  });

  it('gives zeros for an empty ledger', () => {
    const empty = computeStats({ plans: [], items: [] }, ASOF, CN_2026);
    expect(empty).toMatchObject({ plans: 0, items: 0, doneRate: 0, closablePlans: 0, byGroup: [] });
    expect(empty.byDomain).toHaveLength(7);
  });

  it('uses the yellow window it is given', () => {
    const wide = computeStats({ plans, items }, ASOF, CN_2026, 4);
    expect(wide.lights).toEqual({ green: 4, yellow: 2, red: 1 });
  });
});

describe('createStatsAccumulator', () => {
  // A deterministic pseudo-random ledger: 300 plans, 6,000 items.
  function ledger(): { plans: StatsPlan[]; items: StatsItem[] } {
    let seed = 20160630;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const ps: StatsPlan[] = Array.from({ length: 300 }, (_, i) => ({
      code: `P${i}`,
      domain: DOMAINS[next(DOMAINS.length)] ?? 'economic',
      groupCode: `G${1 + next(12)}`,
      stage: PLAN_STAGES[next(PLAN_STAGES.length)] ?? 'issued',
    }));
    const is: StatsItem[] = Array.from({ length: 6000 }, () => ({
      planCode: `P${next(280)}`, // some plans stay empty
      status: STATUSES[next(STATUSES.length)] ?? 'done',
      dueOn: next(10) === 0 ? null : addDays(ASOF, next(60) - 20),
    }));
    return { plans: ps, items: is };
  }

  it('equals the array version, whatever the order rows arrive in', () => {
    const { plans: ps, items: is } = ledger();
    const expected = computeStats({ plans: ps, items: is }, ASOF, CN_2026, 3);

    const acc = createStatsAccumulator(ASOF, CN_2026, 3);
    // Items first, interleaved with plans, in reverse: as a careless query might stream them.
    for (const item of [...is].reverse().slice(0, 3000)) acc.addItem(item);
    for (const plan of [...ps].reverse()) acc.addPlan(plan);
    for (const item of [...is].reverse().slice(3000)) acc.addItem(item);
    expect(acc.result()).toEqual(expected);
    expect(expected.items).toBe(6000);
    expect(expected.done + expected.started + expected.notStarted).toBe(6000);
    expect(expected.lights.red + expected.lights.yellow + expected.lights.green).toBe(6000);
  });

  it('result() can be read repeatedly and keeps counting afterwards', () => {
    const acc = createStatsAccumulator(ASOF, CN_2026);
    acc.addPlan({ code: 'A', domain: 'social', groupCode: 'G6', stage: 'issued' });
    acc.addItem({ planCode: 'A', status: 'done', dueOn: null });
    expect(acc.result().closablePlans).toBe(1);
    expect(acc.result().closablePlans).toBe(1);
    acc.addItem({ planCode: 'A', status: 'started', dueOn: null });
    expect(acc.result()).toMatchObject({ items: 2, closablePlans: 0, doneRate: 50 });
  });

  it('refuses items of an unknown plan, duplicate plans and unknown values', () => {
    const acc = createStatsAccumulator(ASOF, CN_2026);
    acc.addItem({ planCode: 'ghost', status: 'done', dueOn: null });
    expect(() => acc.result()).toThrow(/unknown plan "ghost"/);

    const dup = createStatsAccumulator(ASOF, CN_2026);
    dup.addPlan({ code: 'A', domain: 'social', groupCode: 'G6', stage: 'issued' });
    expect(() => dup.addPlan({ code: 'A', domain: 'social', groupCode: 'G6', stage: 'issued' })).toThrow(/twice/);
    expect(() => dup.addPlan({ code: 'B', domain: 'sports' as never, groupCode: 'G6', stage: 'issued' })).toThrow(
      /unknown domain/,
    );
    expect(() => dup.addPlan({ code: 'C', domain: 'social', groupCode: 'G6', stage: 'draft' as never })).toThrow(
      /unknown stage/,
    );
    expect(() => dup.addItem({ planCode: 'A', status: 'finished' as never, dueOn: null })).toThrow(/unknown status/);
  });

  it('refuses an invalid asOf up front', () => {
    expect(() => createStatsAccumulator('2026-02-30', CN_2026)).toThrow(RangeError);
  });
});
