// Who may do what (docs/PRACTICE.md "Who may do what") — every rule the bot enforces, in one place.
// Pure: the caller loads the person's roles (store/people.ts loadPerson) and the thing asked about;
// listeners only ask `may…(person, …)` and phrase the refusal.
//   office admins: everything
//   group leaders, deputies, liaisons: items of the plans their group leads; answering their
//     group's central-plan follow-up; the year-end self-check of plans their group leads
//   department members: items their department is responsible for
//   office only: close-outs, registering central plans, mid-year and special self-checks
//   everyone: read statistics and cards (no rule needed: nothing is refused)
import type { RoundKind } from './types.ts';

export interface Person {
  userId: string;
  isAdmin: boolean;
  /** Group ids where the person is leader, deputy or liaison. */
  groupIds: ReadonlySet<number>;
  departmentIds: ReadonlySet<number>;
}

/** Who answers for an item; an item as the store reads it (ItemDetail) fits. */
export interface OwnedItem {
  leadGroup: { id: number } | null;
  departments: readonly { id: number }[];
}

export type Decision = { allowed: true } | { allowed: false; reason: 'notAdmin' | 'notResponsible' };

const ALLOWED = { allowed: true } as const;

export function mayUpdateItem(person: Person, item: OwnedItem): Decision {
  if (person.isAdmin) return ALLOWED;
  if (item.leadGroup !== null && person.groupIds.has(item.leadGroup.id)) return ALLOWED;
  if (item.departments.some((d) => person.departmentIds.has(d.id))) return ALLOWED;
  return { allowed: false, reason: 'notResponsible' };
}

/** Office work: close-outs, registering central plans. */
export function mayAdminister(person: Person): Decision {
  return person.isAdmin ? ALLOWED : { allowed: false, reason: 'notAdmin' };
}

/** A central plan's docking arrangement is recorded by its group's leaders, deputies and liaisons, or the office. */
export function mayRecordArrangement(person: Person, groupId: number): Decision {
  return person.isAdmin || person.groupIds.has(groupId) ? ALLOWED : { allowed: false, reason: 'notResponsible' };
}

export type RoundFillDecision = { allowed: true } | { allowed: false; reason: 'notAdmin' | 'notLeadGroup' };

/**
 * Year-end rounds are filled in by the lead units themselves: the plan's lead group (leader,
 * deputy or liaison) or the office. Mid-year and special rounds are the office's own assessment,
 * so only admins fill them.
 */
export function mayFillRound(person: Person, kind: RoundKind, leadGroupId: number | null): RoundFillDecision {
  if (person.isAdmin) return ALLOWED;
  if (kind !== 'year-end') return { allowed: false, reason: 'notAdmin' };
  if (leadGroupId !== null && person.groupIds.has(leadGroupId)) return ALLOWED;
  return { allowed: false, reason: 'notLeadGroup' };
}
