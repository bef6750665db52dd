// docs/PRACTICE.md rules 3 and 11: updates carry evidence. Marking an item done needs evidence: a note
// saying what was done, or at least one evidence file (the issued document, a photo, a scan: README
// "Evidence files"). One rule for every path (the form, `/reform update`, buttons), so no path
// marks an item done without evidence. Adding evidence to an item already done stays optional.
import type { Status } from './types.ts';

export function missingEvidence(change: {
  from: Status;
  to: Status;
  note?: string | null;
  fileCount?: number;
}): boolean {
  return change.to === 'done' && change.from !== 'done' && !change.note?.trim() && (change.fileCount ?? 0) === 0;
}
