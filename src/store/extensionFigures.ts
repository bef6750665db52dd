// What statistics and the digest say about extensions (README "Extension requests"). On-time is
// judged against the original due date (src/domain/onTime.ts): an approved extension moves the
// reminders, not the record, so the items still open past the date they were first due are
// counted here although their light may be green.
import type { Db } from '../db/client.ts';
import type { IsoDate } from '../domain/types.ts';

export interface ExtensionFigures {
  /** Items whose due date an approved extension moved. */
  extended: number;
  /** Of those, not done. */
  extendedOpen: number;
  /** Of those, past their original due date on asOf (late against the original date). */
  pastOriginal: number;
  /** Requests waiting for an answer. */
  pending: number;
  /** Decisions on or after `since` (the digest's week); 0 when no `since` is given. */
  approvedSince: number;
  refusedSince: number;
}

export function extensionFigures(db: Db, asOf: IsoDate, since?: string): ExtensionFigures {
  const items = db.$client
    .prepare(
      `select count(*) as extended,
              coalesce(sum(status <> 'done'), 0) as extendedOpen,
              coalesce(sum(status <> 'done' and original_due_on < ?), 0) as pastOriginal
         from items where original_due_on is not null`,
    )
    .get(asOf) as { extended: number; extendedOpen: number; pastOriginal: number };
  const requests = db.$client
    .prepare(
      `select coalesce(sum(decision is null), 0) as pending,
              coalesce(sum(decision = 'approved' and decided_at >= @since), 0) as approvedSince,
              coalesce(sum(decision = 'refused' and decided_at >= @since), 0) as refusedSince
         from extension_requests`,
    )
    .get({ since: since ?? '9999' }) as { pending: number; approvedSince: number; refusedSince: number };
  return { ...items, ...requests };
}
