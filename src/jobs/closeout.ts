// The close-out job (销账, docs/PRACTICE.md rule 7), 09:00 on working days by default. Plans not closed
// whose items are all done, and not yet proposed with their current items, are proposed to each
// office admin by direct message (Confirm / Not yet per plan, 20 plans per message).
//
// Why a DM to each admin and not the digest channel: closing out is the office's decision, the
// digest channel is read by the leaders, and a DM reaches an admin even where the bot is not in a
// channel. The first admin to answer decides; a click on another admin's copy is told who did.
// Nothing is recorded when there is no admin to tell, so the plans are proposed once there is one.

import { CLOSEOUT_PLANS_PER_MESSAGE, closeoutProposalMessage } from '../blocks/messages/closeout.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { todayIn } from '../domain/dates.ts';
import { isWorkday } from '../domain/workdays.ts';
import { translator } from '../i18n/index.ts';
import { findNewCloseoutCandidates, recordProposals } from '../store/closeout.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { type Job, type JobContext, type JobResult, SKIPPED } from './job.ts';

const CLOSEOUT_KIND = 'closeout.proposal';

export function runCloseout({ db, now, config, calendar }: JobContext): JobResult {
  const today = todayIn(now, config.REFORM_TZ);
  if (!isWorkday(calendar, today)) return { queued: 0, details: { today, skipped: SKIPPED.notWorkday } };
  return writeTransaction(db, (): JobResult => {
    const admins = listAdmins(db);
    const candidates = findNewCloseoutCandidates(db, { reviewRequired: config.REVIEW_REQUIRED_FOR_CLOSEOUT });
    if (admins.length === 0)
      return { queued: 0, details: { today, ready: candidates.length, skipped: SKIPPED.noAdmins } };
    if (candidates.length === 0) return { queued: 0, details: { today, ready: 0 } };
    const proposalIds = recordProposals(db, candidates, now);
    const locales = recipientLocales(db, admins, config.REFORM_LOCALE);
    const total = Math.ceil(candidates.length / CLOSEOUT_PLANS_PER_MESSAGE);
    let queued = 0;
    for (let part = 0; part < total; part++) {
      const from = part * CLOSEOUT_PLANS_PER_MESSAGE;
      const batch = candidates.slice(from, from + CLOSEOUT_PLANS_PER_MESSAGE);
      // Proposal ids never repeat, so the first one names this batch for good.
      const subject = `proposal-${proposalIds[from]}`;
      for (const admin of admins) {
        const payload = closeoutProposalMessage(translator(locales.get(admin) ?? config.REFORM_LOCALE), batch, {
          index: part + 1,
          total,
        });
        if (
          enqueue(
            db,
            {
              idempotencyKey: outboxKey(CLOSEOUT_KIND, admin, subject, today),
              kind: CLOSEOUT_KIND,
              target: admin,
              payload,
            },
            now,
          )
        )
          queued += 1;
      }
    }
    return { queued, details: { today, proposed: candidates.length, admins: admins.length } };
  });
}

export const closeoutJob: Job = {
  name: 'closeout',
  schedule: (config) => config.SCHEDULE_CLOSEOUT,
  run: runCloseout,
};
