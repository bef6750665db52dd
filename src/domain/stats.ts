// The statistics table (统计口径, docs/PRACTICE.md rule 4): counts and one-decimal percentages of
// done / started / not started, overall, per domain and per special group, plus traffic
// lights and plans ready for close-out. The seed's mid-year table is the reference:
// 35 plans, 717 items, 461 done (64.3), 224 started (31.2), 32 not started (4.5), 6 closable.
//
// Why an accumulator: a province's ledger over several years can hold hundreds of thousands
// of items. The store streams rows into addPlan/addItem (e.g. better-sqlite3 .iterate())
// and only per-plan counters are kept, never the rows, so memory depends on the number of
// plans, not items. computeStats is the same thing for arrays, used by tests and small data.

import { isClosable } from './closeout.ts';
import { DEFAULT_YELLOW_WORKDAYS, lightClassifier } from './lights.ts';
import { compareNatural } from './naturalOrder.ts';
import { percent } from './rates.ts';
import { DOMAINS, type Domain, type IsoDate, type Light, PLAN_STAGES, type PlanStage, type Status } from './types.ts';
import type { WorkCalendar } from './workdays.ts';

export interface StatsPlan {
  readonly code: string;
  readonly domain: Domain;
  readonly groupCode: string;
  readonly stage: PlanStage;
}

export interface StatsItem {
  readonly planCode: string;
  readonly status: Status;
  readonly dueOn: IsoDate | null;
}

export interface StatsInput {
  readonly plans: Iterable<StatsPlan>;
  readonly items: Iterable<StatsItem>;
}

export type LightCounts = Record<Light, number>;

/** The columns every row of the table has. */
export interface StatusTally {
  plans: number;
  items: number;
  done: number;
  started: number;
  notStarted: number;
  doneRate: number;
  startedRate: number;
  notStartedRate: number;
}

interface DomainStats extends StatusTally {
  domain: Domain;
  closablePlans: number;
  lights: LightCounts;
}

interface GroupStats extends StatusTally {
  group: string;
  closablePlans: number;
  lights: LightCounts;
}

export interface Stats extends StatusTally {
  asOf: IsoDate;
  /** Plans not closed, with at least one item, all items done. */
  closablePlans: number;
  closedPlans: number;
  /** Items by traffic light on asOf. */
  lights: LightCounts;
  /** All seven domains in DOMAINS order, zeros included, so tables always have the same rows. */
  byDomain: DomainStats[];
  /** Groups that lead at least one plan, in natural code order (G2 before G10). */
  byGroup: GroupStats[];
  /** Codes of the closable plans, natural order: what the digest lists as "ready to close". */
  closablePlanCodes: string[];
  yellowWorkdays: number;
}

/** Items of one plan and status counted elsewhere (e.g. by SQL), with how many are red and yellow. */
export interface StatsItemGroup {
  readonly planCode: string;
  readonly status: Status;
  readonly items: number;
  readonly red: number;
  readonly yellow: number;
}

export interface StatsAccumulator {
  addPlan(plan: StatsPlan): void;
  addItem(item: StatsItem): void;
  /** Same as addItem for each item of the group; lets the store aggregate 250,000 rows in SQL. */
  addItemGroup(group: StatsItemGroup): void;
  /** May be called any number of times; throws if an item named a plan never added. */
  result(): Stats;
}

interface PlanTally {
  plan: StatsPlan | null; // null while only items have arrived: rows may stream in any order
  done: number;
  started: number;
  notStarted: number;
  lights: LightCounts;
}

export function createStatsAccumulator(
  asOf: IsoDate,
  cal: WorkCalendar,
  yellowWorkdays = DEFAULT_YELLOW_WORKDAYS,
): StatsAccumulator {
  const lightOf = lightClassifier(asOf, cal, yellowWorkdays); // validates asOf and N
  const tallies = new Map<string, PlanTally>();

  const tallyFor = (code: string): PlanTally => {
    let t = tallies.get(code);
    if (!t) {
      t = { plan: null, done: 0, started: 0, notStarted: 0, lights: { red: 0, yellow: 0, green: 0 } };
      tallies.set(code, t);
    }
    return t;
  };

  return {
    addPlan(plan) {
      if (!(DOMAINS as readonly string[]).includes(plan.domain)) {
        throw new Error(`plan ${plan.code}: unknown domain ${JSON.stringify(plan.domain)}`);
      }
      if (!(PLAN_STAGES as readonly string[]).includes(plan.stage)) {
        throw new Error(`plan ${plan.code}: unknown stage ${JSON.stringify(plan.stage)}`);
      }
      const t = tallyFor(plan.code);
      if (t.plan) throw new Error(`plan ${plan.code} added twice`);
      t.plan = plan;
    },
    addItem(item) {
      countStatus(tallyFor(item.planCode), item.planCode, item.status, 1);
      tallyFor(item.planCode).lights[lightOf(item)] += 1;
    },
    addItemGroup(group) {
      const { planCode, status, items, red, yellow } = group;
      if (red + yellow > items || (status === 'done' && red + yellow > 0)) {
        throw new Error(`plan ${planCode}: inconsistent light counts for ${status} items`);
      }
      const t = tallyFor(planCode);
      countStatus(t, planCode, status, items);
      t.lights.red += red;
      t.lights.yellow += yellow;
      t.lights.green += items - red - yellow;
    },
    result() {
      return summarise(asOf, yellowWorkdays, tallies);
    },
  };
}

function countStatus(t: PlanTally, planCode: string, status: Status, n: number): void {
  switch (status) {
    case 'done':
      t.done += n;
      break;
    case 'started':
      t.started += n;
      break;
    case 'not_started':
      t.notStarted += n;
      break;
    default:
      throw new Error(`item of plan ${planCode}: unknown status ${JSON.stringify(status)}`);
  }
}

/** Array (or any iterable) version of the accumulator; same result for the same rows. */
export function computeStats(
  input: StatsInput,
  asOf: IsoDate,
  cal: WorkCalendar,
  yellowWorkdays = DEFAULT_YELLOW_WORKDAYS,
): Stats {
  const acc = createStatsAccumulator(asOf, cal, yellowWorkdays);
  for (const plan of input.plans) acc.addPlan(plan);
  for (const item of input.items) acc.addItem(item);
  return acc.result();
}

// Mutable counters while summing; rates are filled in at the end from the final counts.
interface Bucket {
  plans: number;
  done: number;
  started: number;
  notStarted: number;
  closablePlans: number;
  lights: LightCounts;
}

function summarise(asOf: IsoDate, yellowWorkdays: number, tallies: Map<string, PlanTally>): Stats {
  const total = newBucket();
  const byDomain = new Map<Domain, Bucket>(DOMAINS.map((d) => [d, newBucket()]));
  const byGroup = new Map<string, Bucket>();
  const closablePlanCodes: string[] = [];
  let closedPlans = 0;

  for (const [code, t] of tallies) {
    const plan = t.plan;
    if (!plan) throw new Error(`items refer to unknown plan ${JSON.stringify(code)}`);
    const items = t.done + t.started + t.notStarted;
    const closable = isClosable({ stage: plan.stage, items, done: t.done });
    if (closable) closablePlanCodes.push(code);
    if (plan.stage === 'closed') closedPlans += 1;

    let group = byGroup.get(plan.groupCode);
    if (!group) {
      group = newBucket();
      byGroup.set(plan.groupCode, group);
    }
    for (const bucket of [total, byDomain.get(plan.domain) as Bucket, group]) {
      bucket.plans += 1;
      bucket.done += t.done;
      bucket.started += t.started;
      bucket.notStarted += t.notStarted;
      if (closable) bucket.closablePlans += 1;
      bucket.lights.red += t.lights.red;
      bucket.lights.yellow += t.lights.yellow;
      bucket.lights.green += t.lights.green;
    }
  }

  closablePlanCodes.sort(compareNatural);
  return {
    asOf,
    ...tally(total),
    closablePlans: total.closablePlans,
    closedPlans,
    lights: total.lights,
    byDomain: DOMAINS.map((domain) => {
      const b = byDomain.get(domain) as Bucket;
      return { domain, ...tally(b), closablePlans: b.closablePlans, lights: b.lights };
    }),
    byGroup: [...byGroup.keys()].sort(compareNatural).map((group) => {
      const b = byGroup.get(group) as Bucket;
      return { group, ...tally(b), closablePlans: b.closablePlans, lights: b.lights };
    }),
    closablePlanCodes,
    yellowWorkdays,
  };
}

function newBucket(): Bucket {
  return { plans: 0, done: 0, started: 0, notStarted: 0, closablePlans: 0, lights: { red: 0, yellow: 0, green: 0 } };
}

function tally(b: Bucket): StatusTally {
  const items = b.done + b.started + b.notStarted;
  return {
    plans: b.plans,
    items,
    done: b.done,
    started: b.started,
    notStarted: b.notStarted,
    doneRate: percent(b.done, items),
    startedRate: percent(b.started, items),
    notStartedRate: percent(b.notStarted, items),
  };
}
