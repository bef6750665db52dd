// The follow-up job (盯跟, docs/PRACTICE.md rule 1), every 15 minutes by default. For each central plan
// still without a docking arrangement:
//   - the prompt (对接提示通知), once: to the group's channel and directly to each leader, deputy
//     and liaison (new people added to the group later get it too, once);
//   - after the deadline, once per WORKING day from FOLLOWUP_CHASE_HOUR: a reminder to the same
//     people and a supervised-matter notice (督办事项) to each office admin, until the arrangement is recorded.
// The chase starts the day after the later of the deadline and the day the plan was registered,
// so a plan registered late gets its prompt and the rest of that day before being chased.
// Everything goes through the outbox; the keys make a re-run in the same period queue nothing.

import {
  followupChaseMessage,
  followupData,
  followupPromptMessage,
  followupSuperviseMessage,
  followupUnreachableMessage,
} from '../blocks/messages/followup.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { compareDates, daysBetween, todayIn } from '../domain/dates.ts';
import { isWorkday } from '../domain/workdays.ts';
import { translator } from '../i18n/index.ts';
import {
  centralSubject,
  FOLLOWUP_KINDS,
  groupRecipients,
  listCentralPlansAwaitingArrangement,
} from '../store/centralPlans.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import type { Job, JobContext, JobResult } from './job.ts';

const hourFormatters = new Map<string, Intl.DateTimeFormat>();

/** The hour (0-23) on the office's clock at `now`. */
export function hourIn(now: Date, timeZone: string): number {
  let fmt = hourFormatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' });
    hourFormatters.set(timeZone, fmt);
  }
  return Number(fmt.formatToParts(now).find((p) => p.type === 'hour')?.value ?? 0);
}

export function runFollowups({ db, now, config, calendar }: JobContext): JobResult {
  const tz = config.REFORM_TZ;
  const today = todayIn(now, tz);
  const chaseDay = isWorkday(calendar, today) && hourIn(now, tz) >= config.FOLLOWUP_CHASE_HOUR;
  const counts = { plans: 0, prompts: 0, chases: 0, supervised: 0 };
  const queued = writeTransaction(db, () => {
    const admins = listAdmins(db);
    let n = 0;
    const put = (
      kind: string,
      target: string,
      subject: string,
      period: string,
      payload: { text: string; blocks: unknown[] },
    ) => {
      if (enqueue(db, { idempotencyKey: outboxKey(kind, target, subject, period), kind, target, payload }, now)) n += 1;
    };
    for (const plan of listCentralPlansAwaitingArrangement(db)) {
      if (plan.passedOn > today) continue; // a run for an instant before the plan passed
      counts.plans += 1;
      const data = followupData(plan);
      const subject = centralSubject(plan.id);
      const people = groupRecipients(db, plan.group.id);
      const locales = recipientLocales(db, [...people.map((p) => p.userId), ...admins], config.REFORM_LOCALE);
      const tFor = (userId: string) => translator(locales.get(userId) ?? config.REFORM_LOCALE);

      const before = n;
      if (plan.group.channel) {
        put(
          FOLLOWUP_KINDS.promptChannel,
          plan.group.channel,
          subject,
          'once',
          followupPromptMessage(translator(config.REFORM_LOCALE), data),
        );
      }
      for (const p of people)
        put(FOLLOWUP_KINDS.promptDm, p.userId, subject, 'once', followupPromptMessage(tFor(p.userId), data, p.role));
      if (!plan.group.channel && people.length === 0) {
        for (const admin of admins)
          put(FOLLOWUP_KINDS.unreachable, admin, subject, 'once', followupUnreachableMessage(tFor(admin), data));
      }
      counts.prompts += n - before;

      const registeredOn = todayIn(new Date(plan.createdAt), tz);
      const chaseAfter = compareDates(registeredOn, plan.arrangementDueOn) > 0 ? registeredOn : plan.arrangementDueOn;
      if (!chaseDay || today <= chaseAfter) continue;
      const days = daysBetween(plan.arrangementDueOn, today);
      const beforeChase = n;
      for (const p of people)
        put(FOLLOWUP_KINDS.chase, p.userId, subject, today, followupChaseMessage(tFor(p.userId), data, days));
      counts.chases += n - beforeChase;
      const beforeNotice = n;
      const reminded = people.map((p) => p.userId);
      for (const admin of admins) {
        put(
          FOLLOWUP_KINDS.supervise,
          admin,
          subject,
          today,
          followupSuperviseMessage(tFor(admin), data, days, reminded),
        );
      }
      counts.supervised += n - beforeNotice;
    }
    return n;
  });
  return { queued, details: { ...counts, today, chaseDay: chaseDay ? 'yes' : 'no' } };
}

export const followupsJob: Job = {
  name: 'followups',
  schedule: (config) => config.SCHEDULE_FOLLOWUPS,
  run: runFollowups,
};
