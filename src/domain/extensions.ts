// Extension requests (延期申请, docs/PRACTICE.md rule 9, README "Extension requests"): the rules, pure. Who may ask (the
// people who may update the item, docs/PRACTICE.md "Who may do what"), what a valid request is,
// who answers it (the lead group's leaders and deputies, else the office admins), who may
// decide, how an approval moves the dates, and when an unanswered request is raised to the office.
import { isIsoDate } from './dates.ts';
import { originalDueOf } from './onTime.ts';
import type { Person } from './permissions.ts';
import type { IsoDate, Status } from './types.ts';
import { type WorkCalendar, workdaysBetween } from './workdays.ts';

/** A reason is a sentence or two for the approvers, not a report: longer is refused, not cut. */
export const EXTENSION_REASON_MAX = 500;

export interface ExtendableItem {
  status: Status;
  dueOn: IsoDate | null;
  planStage: string;
}

export type ExtensionProblem =
  | { key: 'noDue' }
  | { key: 'done' }
  | { key: 'planClosed' }
  | { key: 'badDate'; text: string }
  | { key: 'notLater'; dueOn: IsoDate }
  | { key: 'needReason' }
  | { key: 'reasonTooLong'; length: number; max: number };

/** Characters as a person counts them (an emoji or a Chinese character is one). */
function reasonLength(reason: string): number {
  return Array.from(reason).length;
}

/** Why the item cannot be extended at all (before any date or reason is asked for). */
export function extensionBlocker(item: ExtendableItem): ExtensionProblem | undefined {
  if (item.planStage === 'closed') return { key: 'planClosed' };
  if (item.status === 'done') return { key: 'done' };
  if (item.dueOn === null) return { key: 'noDue' };
  return undefined;
}

/** The new date must be a real date after the current one; the reason is required. */
export function extensionProblems(item: ExtendableItem, toDueOn: string, reason: string): ExtensionProblem[] {
  const blocker = extensionBlocker(item);
  if (blocker) return [blocker];
  const problems: ExtensionProblem[] = [];
  if (!isIsoDate(toDueOn)) problems.push({ key: 'badDate', text: toDueOn });
  else if (toDueOn <= (item.dueOn as IsoDate)) problems.push({ key: 'notLater', dueOn: item.dueOn as IsoDate });
  const trimmed = reason.trim();
  if (trimmed === '') problems.push({ key: 'needReason' });
  else if (reasonLength(trimmed) > EXTENSION_REASON_MAX)
    problems.push({ key: 'reasonTooLong', length: reasonLength(trimmed), max: EXTENSION_REASON_MAX });
  return problems;
}

export interface ApproverPool {
  /** The lead group's leaders and deputies (not its liaisons: they keep the ledger, they do not decide). */
  groupDeciders: readonly string[];
  admins: readonly string[];
}

/**
 * Who gets the request: the lead group's leaders and deputies, or the office admins when the
 * plan has no lead group or the group has neither. Nobody decides their own request while
 * someone else can; when the requester is the only one, they are asked anyway (an office of one).
 */
export function extensionApprovers(pool: ApproverPool, requester: string): string[] {
  const unique = (ids: readonly string[]) => [...new Set(ids)];
  const others = (ids: readonly string[]) => unique(ids).filter((id) => id !== requester);
  if (others(pool.groupDeciders).length > 0) return others(pool.groupDeciders);
  if (others(pool.admins).length > 0) return others(pool.admins);
  return unique([...pool.groupDeciders, ...pool.admins]);
}

/** Office admins may decide any request; otherwise only the people it was sent to. */
export function mayDecideExtension(person: Person, approvers: readonly string[]): boolean {
  return person.isAdmin || approvers.includes(person.userId);
}

export interface DueDates {
  dueOn: IsoDate | null;
  originalDueOn: IsoDate | null;
}

/** The dates after an approval: the new due date, and the first original kept (the on-time yardstick). */
export function extendedDates(item: DueDates, toDueOn: IsoDate): { dueOn: IsoDate; originalDueOn: IsoDate | null } {
  return { dueOn: toDueOn, originalDueOn: originalDueOf(item) };
}

/**
 * Whether an approval still moves the due date: never earlier than it is now. The ledger may have
 * moved it since the request (an import of the office's file); an approval then decides the
 * request but leaves the later date alone.
 */
export function approvalMovesDue(dueOn: IsoDate | null, toDueOn: IsoDate): boolean {
  return dueOn === null || toDueOn > dueOn;
}

/**
 * An unanswered request is raised to the office once `workdays` working days have passed since
 * the day it was made (in REFORM_TZ): asked on a Friday with 3, raised on Wednesday.
 */
export function isEscalationDue(askedOn: IsoDate, today: IsoDate, calendar: WorkCalendar, workdays: number): boolean {
  return workdaysBetween(calendar, askedOn, today) >= workdays;
}

const DATE_WORD = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?$/u;

/**
 * A typed due date in the forms offices write (2017-03-31, 2017-3-31, 2017/3/31, 2017.3.31,
 * 2017年3月31日) as `YYYY-MM-DD`; undefined when the word is not shaped like a date. A shaped but
 * impossible date (2017-02-30) comes back as written and is refused by extensionProblems.
 */
export function readDueDateWord(word: string): string | undefined {
  const m = DATE_WORD.exec(word.trim());
  if (!m) return undefined;
  return `${m[1]}-${(m[2] as string).padStart(2, '0')}-${(m[3] as string).padStart(2, '0')}`;
}
