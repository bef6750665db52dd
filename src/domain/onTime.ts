// On-time completion (docs/PRACTICE.md rules 9 and 12, README "Ranking"): an item counts as done on time when it was done on or
// before the due date it had before its first approved extension. Reminders and overdue lights
// use the current due date (items.due_on); on-time completion uses the original one, so an
// extension moves the reminders but not the record.
import type { IsoDate } from './types.ts';

export interface DueDates {
  /** The current due date (an approved extension moves it). */
  readonly dueOn: IsoDate | null;
  /** The due date before the first approved extension; null while never extended. */
  readonly originalDueOn: IsoDate | null;
}

/** The due date on-time completion is judged against. */
export function originalDueOf(item: DueDates): IsoDate | null {
  return item.originalDueOn ?? item.dueOn;
}

/**
 * Whether a done item was done on time. `doneOn` is the day (in the office's time zone) of its
 * last change to done; null when that day is unknown (the item came in already done from a
 * ledger, before the bot kept its history): the ledger's word is taken, and it counts as on time.
 */
export function doneOnTime(doneOn: IsoDate | null, due: IsoDate): boolean {
  return doneOn === null || doneOn <= due;
}
