// docs/PRACTICE.md rule 3: updates carry evidence. Marking an item done needs a note saying what
// was done; one rule for every path (the form, `/reform update`, buttons), so no path marks an
// item done without evidence. Adding a note to an item that is already done stays optional.
import type { Status } from './types.ts';

export function missingEvidence(change: { from: Status; to: Status; note?: string | null }): boolean {
  return change.to === 'done' && change.from !== 'done' && !change.note?.trim();
}
