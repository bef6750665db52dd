// The dynamic ranking (动态排名, docs/PRACTICE.md rule 12, README "Ranking") of departments and special groups by on-time
// completion: items done on time ÷ items due so far, as of a day. The rule, written once here and
// in the README and the digest's footnote:
//
// - An item is due so far when its original due date (domain/onTime.ts) is on or before the day.
//   Items without a due date, or due later, are not counted.
// - It is done on time when, on that day, it is done and its last change to done was on or
//   before that due date (an item that came in already done from a ledger counts as on time).
// - Rate = on time ÷ due so far, a percentage with one decimal (domain/rates.ts).
// - Higher rate ranks higher. Equal rates (to the decimal shown) share a rank and the next rank
//   skips (1, 2, 2, 4). Tied units are listed by more items due, then fewer overdue, then name.
// - A unit with nothing due yet is not ranked.
// - Overdue: not done and past its current due date on that day (the red light, domain/lights.ts).
//
// Pure: the store gives each item's facts as of the day; nothing here reads a clock.
import { compareNatural } from './naturalOrder.ts';
import { doneOnTime } from './onTime.ts';
import { percent } from './rates.ts';
import type { IsoDate, Status } from './types.ts';

/** One item as it stood at the end of a day. */
export interface RankingItem {
  readonly status: Status;
  /** originalDueOf(item): what on-time completion is judged against. */
  readonly due: IsoDate | null;
  /** The current due date: what the overdue count uses. */
  readonly dueOn: IsoDate | null;
  /** The day of its last change to done up to that day; null when unknown. */
  readonly doneOn: IsoDate | null;
}

export interface RankingFacts {
  dueSoFar: boolean;
  onTime: boolean;
  overdue: boolean;
}

export function rankingFacts(item: RankingItem, asOf: IsoDate): RankingFacts {
  const dueSoFar = item.due !== null && item.due <= asOf;
  return {
    dueSoFar,
    onTime: dueSoFar && item.status === 'done' && doneOnTime(item.doneOn, item.due as IsoDate),
    overdue: item.status !== 'done' && item.dueOn !== null && item.dueOn < asOf,
  };
}

/** A department's or group's counts. `unit` is its key (a department's name, a group's code). */
export interface UnitTally {
  unit: string;
  dueSoFar: number;
  onTime: number;
  overdue: number;
}

export interface RankingTally {
  add(unit: string, facts: RankingFacts): void;
  units(): UnitTally[];
}

/** Counts per unit; an item of several departments is added once to each. */
export function createRankingTally(): RankingTally {
  const tallies = new Map<string, UnitTally>();
  return {
    add(unit, facts) {
      if (!facts.dueSoFar && !facts.overdue) return;
      let t = tallies.get(unit);
      if (!t) {
        t = { unit, dueSoFar: 0, onTime: 0, overdue: 0 };
        tallies.set(unit, t);
      }
      if (facts.dueSoFar) t.dueSoFar += 1;
      if (facts.onTime) t.onTime += 1;
      if (facts.overdue) t.overdue += 1;
    },
    units: () => [...tallies.values()],
  };
}

export interface RankedUnit extends UnitTally {
  /** On time ÷ due so far, percent with one decimal. */
  rate: number;
  /** 1 is best; equal rates share a rank. */
  rank: number;
}

/** The ranking as the rule above says; units with nothing due so far are left out. */
export function rankUnits(tallies: Iterable<UnitTally>): RankedUnit[] {
  const rated = [...tallies]
    .filter((u) => u.dueSoFar > 0)
    .map((u) => ({ ...u, rate: percent(u.onTime, u.dueSoFar), rank: 0 }));
  rated.sort(
    (a, b) => b.rate - a.rate || b.dueSoFar - a.dueSoFar || a.overdue - b.overdue || compareNatural(a.unit, b.unit),
  );
  rated.forEach((u, i) => {
    const before = rated[i - 1];
    u.rank = before && before.rate === u.rate ? before.rank : i + 1;
  });
  return rated;
}

/** Since last week: up or down so many places, the same place, or not ranked last week. */
export type Movement =
  | { kind: 'up'; places: number }
  | { kind: 'down'; places: number }
  | { kind: 'same' }
  | { kind: 'new' };

export function movementOf(rank: number, previousRank: number | undefined): Movement {
  if (previousRank === undefined) return { kind: 'new' };
  if (rank < previousRank) return { kind: 'up', places: previousRank - rank };
  if (rank > previousRank) return { kind: 'down', places: rank - previousRank };
  return { kind: 'same' };
}

export interface RankingRow extends RankedUnit {
  movement: Movement;
}

/** The ranking with each unit's movement against the ranking of an earlier day. */
export function rankWithMovement(current: Iterable<UnitTally>, previous: Iterable<UnitTally>): RankingRow[] {
  const before = new Map(rankUnits(previous).map((u) => [u.unit, u.rank]));
  return rankUnits(current).map((u) => ({ ...u, movement: movementOf(u.rank, before.get(u.unit)) }));
}

/** Both rankings of a day, as the digest and `stats --by` show them. */
export interface Rankings {
  asOf: IsoDate;
  /** The day the movement is measured against: asOf − 7. */
  previousAsOf: IsoDate;
  departments: RankingRow[];
  groups: RankingRow[];
}
