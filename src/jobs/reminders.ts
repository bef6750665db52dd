// Deadline reminders (docs/PRACTICE.md rule 2). On a working day in REFORM_TZ (a make-up
// Saturday counts, a holiday does not), every responsible person gets ONE message listing their
// red and yellow items, every group leader and deputy one for their group's items, and the office
// admins one report of items overdue longer than ADMIN_OVERDUE_WORKDAYS. Idempotency keys carry
// the person and the day, so a second run on the same day queues nothing.

import { adminOverdueMessage, type ReminderLine, reminderMessage } from '../blocks/messages/reminder.ts';
import { asOfToday, lightsAsOf } from '../domain/asOfToday.ts';
import { overdueWorkdays, yellowHorizon } from '../domain/lights.ts';
import type { IsoDate } from '../domain/types.ts';
import { isWorkday } from '../domain/workdays.ts';
import { translator } from '../i18n/index.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { type ReminderItem, sweepReminders } from '../store/reminders.ts';
import { type Job, type JobContext, type JobResult, SKIPPED } from './job.ts';

const REMINDER_KIND = 'reminder';
const ADMIN_REPORT_KIND = 'reminder.admin';

export function runReminders(context: JobContext): JobResult {
  const { db, now, config, calendar } = context;
  const today = asOfToday(now, context);
  const day = today.asOf;
  if (!isWorkday(calendar, day)) return { queued: 0, details: { day, skipped: SKIPPED.notWorkday } };

  const sweep = sweepReminders(db, {
    horizon: yellowHorizon(day, calendar, today.yellowWorkdays),
    light: lightsAsOf(today),
  });
  // Many items share a due date: count working days once per date.
  const overdueByDate = new Map<IsoDate, number>();
  const lines = new Map<number, ReminderLine>();
  const lineOf = (item: ReminderItem): ReminderLine => {
    let line = lines.get(item.id);
    if (!line) {
      let overdue = overdueByDate.get(item.dueOn);
      if (overdue === undefined) {
        overdue = overdueWorkdays(item.dueOn, day, calendar);
        overdueByDate.set(item.dueOn, overdue);
      }
      const groupCode = item.groupId === null ? undefined : sweep.groups.get(item.groupId)?.code;
      line = {
        itemId: item.id,
        version: item.version,
        planCode: item.planCode,
        itemCode: item.itemCode,
        title: item.title,
        dueOn: item.dueOn,
        status: item.status,
        light: item.light,
        overdueWorkdays: overdue,
      };
      if (groupCode) line.groupCode = groupCode;
      lines.set(item.id, line);
    }
    return line;
  };

  // The sweep's lists are already worst first (see ReminderSweep); the builders' own sort then
  // costs one linear pass.
  const linesOf = (items: readonly ReminderItem[]) => items.map(lineOf);

  const admins = listAdmins(db);
  const leaders = [...sweep.byGroup.keys()].flatMap((id) => sweep.groups.get(id)?.leaders ?? []);
  const locales = recipientLocales(db, [...sweep.byPerson.keys(), ...leaders, ...admins], config.REFORM_LOCALE);
  const localeOf = (userId: string) => locales.get(userId) ?? config.REFORM_LOCALE;
  let queued = 0;
  // The message is built only when its key is new: a re-run the same day (catch-up, `run`)
  // costs one index lookup per recipient.
  const known = db.$client.prepare('select 1 from outbox where idempotency_key = ?').pluck();
  const queue = (kind: string, target: string, subject: string, build: () => { text: string; blocks: unknown[] }) => {
    const idempotencyKey = outboxKey(kind, target, subject, day);
    if (known.get(idempotencyKey) !== undefined) return;
    if (enqueue(db, { idempotencyKey, kind, target, payload: build() }, now)) queued += 1;
  };

  for (const [userId, items] of sweep.byPerson) {
    queue(REMINDER_KIND, userId, 'items', () =>
      reminderMessage(translator(localeOf(userId)), { kind: 'person' }, linesOf(items), day),
    );
  }
  let groupMessages = 0;
  for (const [groupId, items] of sweep.byGroup) {
    const group = sweep.groups.get(groupId);
    if (!group) continue;
    let groupLines: ReminderLine[] | undefined;
    // Built once per group, and only when a leader's message is built.
    const linesOfGroup = () => {
      groupLines ??= linesOf(items);
      return groupLines;
    };
    for (const userId of group.leaders) {
      queue(REMINDER_KIND, userId, `group-${group.code}`, () =>
        reminderMessage(
          translator(localeOf(userId)),
          { kind: 'group', groupCode: group.code, groupName: group.name },
          linesOfGroup(),
          day,
        ),
      );
      groupMessages += 1;
    }
  }
  const threshold = config.ADMIN_OVERDUE_WORKDAYS;
  const longOverdue = sweep.items
    .map(lineOf)
    .filter((line) => line.light === 'red' && line.overdueWorkdays > threshold);
  if (longOverdue.length > 0) {
    for (const admin of admins) {
      queue(ADMIN_REPORT_KIND, admin, 'overdue', () =>
        adminOverdueMessage(translator(localeOf(admin)), longOverdue, day, threshold),
      );
    }
  }
  return {
    queued,
    details: {
      day,
      items: sweep.items.length,
      people: sweep.byPerson.size,
      groupMessages,
      longOverdue: longOverdue.length,
    },
  };
}

export const remindersJob: Job = {
  name: 'reminders',
  schedule: (config) => config.SCHEDULE_REMINDERS,
  run: runReminders,
};
