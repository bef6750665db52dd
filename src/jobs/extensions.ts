// Extension requests left unanswered (README "Extension requests"), 09:00 on working days by
// default: a request its approvers have not answered for EXTENSION_ESCALATE_WORKDAYS working days
// (the office's calendar, src/domain/workdays.ts) is raised to the office admins by DM, with the
// same Approve / Refuse buttons, once per request: `escalated_at` is written in the same
// transaction as the outbox rows. Nothing is marked when there is no admin to tell, so the
// requests are raised once there is one.

import type { ExtensionRequestData } from '../blocks/messages/extension.ts';
import { EXTENSIONS_PER_MESSAGE, extensionEscalationMessage } from '../blocks/messages/extensionEscalation.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { todayIn } from '../domain/dates.ts';
import { isEscalationDue } from '../domain/extensions.ts';
import { isWorkday } from '../domain/workdays.ts';
import { translator } from '../i18n/index.ts';
import { EXTENSION_KINDS, markEscalated, type OpenRequestLine, unescalatedOpenRequests } from '../store/extensions.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { type Job, type JobContext, type JobResult, SKIPPED } from './job.ts';

function requestData(r: OpenRequestLine, timeZone: string): ExtensionRequestData {
  return {
    requestId: r.id,
    planCode: r.planCode,
    planTitle: '',
    itemCode: r.itemCode,
    title: r.title,
    groupCode: r.groupCode,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt,
    fromDueOn: r.fromDueOn,
    toDueOn: r.toDueOn,
    originalDueOn: null,
    reason: r.reason,
    timeZone,
  };
}

export function runExtensionEscalation({ db, now, config, calendar }: JobContext): JobResult {
  const today = todayIn(now, config.REFORM_TZ);
  if (!isWorkday(calendar, today)) return { queued: 0, details: { today, skipped: SKIPPED.notWorkday } };
  const workdays = config.EXTENSION_ESCALATE_WORKDAYS;
  return writeTransaction(db, (): JobResult => {
    const open = unescalatedOpenRequests(db);
    const due = open.filter((r) =>
      isEscalationDue(todayIn(new Date(r.requestedAt), config.REFORM_TZ), today, calendar, workdays),
    );
    const admins = listAdmins(db);
    if (due.length === 0) return { queued: 0, details: { today, waiting: open.length, escalated: 0 } };
    if (admins.length === 0)
      return { queued: 0, details: { today, waiting: open.length, escalated: 0, skipped: SKIPPED.noAdmins } };
    const locales = recipientLocales(db, admins, config.REFORM_LOCALE);
    const total = Math.ceil(due.length / EXTENSIONS_PER_MESSAGE);
    let queued = 0;
    for (let part = 0; part < total; part++) {
      const batch = due.slice(part * EXTENSIONS_PER_MESSAGE, (part + 1) * EXTENSIONS_PER_MESSAGE);
      // Request ids never repeat, so the first one names this batch for good.
      const subject = `escalation-${batch[0]?.id}`;
      const data = batch.map((r) => requestData(r, config.REFORM_TZ));
      for (const admin of admins) {
        const t = translator(locales.get(admin) ?? config.REFORM_LOCALE);
        const payload = extensionEscalationMessage(t, data, workdays, { index: part + 1, total });
        const key = outboxKey(EXTENSION_KINDS.escalation, admin, subject, today);
        if (enqueue(db, { idempotencyKey: key, kind: EXTENSION_KINDS.escalation, target: admin, payload }, now))
          queued += 1;
      }
    }
    markEscalated(
      db,
      due.map((r) => r.id),
      now,
    );
    return { queued, details: { today, waiting: open.length, escalated: due.length, admins: admins.length } };
  });
}

export const extensionsJob: Job = {
  name: 'extensions',
  schedule: (config) => config.SCHEDULE_EXTENSIONS,
  run: runExtensionEscalation,
};
