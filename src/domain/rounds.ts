// Selection of plans for a supervision round (督察评估, docs/PRACTICE.md rule 6).
//
// The seed's mid-year round, dated 2016-06-30, assessed "the 35 of 82 approved plans issued
// more than half a year earlier". We read that as: issued on or before the date six calendar
// months before the round (2015-12-30), and not already closed out by the round's date.
// Selection uses dates rather than the plan's current stage, so a round dated in the past
// sees the plans as they were on that date.

import { addMonths, parseIsoDate } from './dates.ts';
import type { IsoDate, PlanStage } from './types.ts';

export interface RoundCandidate {
  readonly code: string;
  readonly stage?: PlanStage;
  readonly issuedOn: IsoDate | null;
  readonly closedOn: IsoDate | null;
}

export const DEFAULT_MIN_AGE_MONTHS = 6;

/** The latest issue date that still qualifies: addMonths(asOf, -minAgeMonths). */
export function roundCutoff(asOf: IsoDate, minAgeMonths = DEFAULT_MIN_AGE_MONTHS): IsoDate {
  if (!Number.isInteger(minAgeMonths) || minAgeMonths < 0) {
    throw new RangeError(`minAgeMonths must be a whole number >= 0, got ${minAgeMonths}`);
  }
  return addMonths(parseIsoDate(asOf), -minAgeMonths);
}

/**
 * Plans issued on or before roundCutoff(asOf) and not closed on or before asOf, in input
 * order. Never-issued plans (issuedOn null) are excluded. A plan whose stage is 'closed' but
 * whose closedOn is missing is excluded too: its close date is unknown, and assessing a
 * closed plan again would put finished work back on the table.
 */
export function selectPlansForRound<P extends RoundCandidate>(
  plans: Iterable<P>,
  asOf: IsoDate,
  minAgeMonths = DEFAULT_MIN_AGE_MONTHS,
): P[] {
  const cutoff = roundCutoff(asOf, minAgeMonths);
  const selected: P[] = [];
  for (const plan of plans) {
    if (plan.issuedOn === null || parseIsoDate(plan.issuedOn) > cutoff) continue;
    if (plan.closedOn !== null ? parseIsoDate(plan.closedOn) <= asOf : plan.stage === 'closed') continue;
    selected.push(plan);
  }
  return selected;
}
