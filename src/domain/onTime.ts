// On-time completion (README "Ranking"): an item counts as done on time when it was done on or
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
