// The weekly digest (docs/PRACTICE.md rule 5), Monday 09:00 by default, to the org file's digest channel:
// a parent message with the headline and the change since the last digest, and thread replies
// (outbox rows with parentKey) with the detail. The digest's period is the ISO week of the run's
// day; its snapshot is saved with the messages, in one transaction, so a second run in the same
// week queues nothing. It is posted on holidays too: it is a weekly report, not a chase, and a
// gap would break the week-on-week change.

import { type DigestData, digestHeadline, digestReplies } from '../blocks/messages/digest.ts';
import { digestExtensionsReply, hasExtensionNews } from '../blocks/messages/digestExtensions.ts';
import type { Db } from '../db/client.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { type AsOfToday, asOfToday } from '../domain/asOfToday.ts';
import { addDays, dayOfWeek, daysBetween, instantAt } from '../domain/dates.ts';
import { formatItemRef } from '../domain/itemRef.ts';
import { overdueWorkdays } from '../domain/lights.ts';
import type { IsoDate } from '../domain/types.ts';
import { t, translator } from '../i18n/index.ts';
import { loadProgress } from '../store/burnUp.ts';
import { type CentralPlanView, listCentralPlansAwaitingArrangement } from '../store/centralPlans.ts';
import {
  digestChannel,
  groupNames,
  hasSnapshot,
  overdueItems,
  planLines,
  plansClosedSince,
  previousSnapshot,
  saveSnapshot,
  snapshotOf,
} from '../store/digest.ts';
import { extensionFigures } from '../store/extensionFigures.ts';
import { openRequests } from '../store/extensions.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { loadRankings } from '../store/ranking.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { returnedBetween } from '../store/reviews.ts';
import { loadStats } from '../store/stats.ts';
import { queueDigestChart } from './digestChart.ts';
import { type Job, type JobContext, type JobResult, SKIPPED } from './job.ts';

/** How many rows each list shows before "and N more". */
const DIGEST_LIST_LIMIT = { overdue: 30, closable: 50, closed: 50, followups: 50, extensions: 20 } as const;
const DIGEST_KIND = 'digest';

/** ISO 8601 week of a date, e.g. 2026-11-30 → "2026-W49" (weeks start on Monday). */
export function isoWeek(date: IsoDate): string {
  const mondayBased = (dayOfWeek(date) + 6) % 7;
  const thursday = addDays(date, 3 - mondayBased); // the week belongs to its Thursday's year
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Follow-ups still waiting for their arrangement, the oldest deadline first, with how many days each is overdue. */
function followupsSummary(plans: readonly CentralPlanView[], asOf: IsoDate, limit: number): DigestData['followups'] {
  const open = plans.filter((p) => p.passedOn <= asOf);
  return {
    total: open.length,
    rows: open.slice(0, limit).map((p) => ({
      title: p.title,
      groupCode: p.group.code,
      passedOn: p.passedOn,
      arrangementDueOn: p.arrangementDueOn,
      overdueDays: asOf > p.arrangementDueOn ? daysBetween(p.arrangementDueOn, asOf) : 0,
    })),
  };
}

/** What the digest needs beyond "as of today": the time zone of history instants, the target date. */
export interface DigestSettings {
  timeZone: string;
  targetOn: IsoDate;
}

export function digestSettings(config: JobContext['config']): DigestSettings {
  return { timeZone: config.REFORM_TZ, targetOn: config.OFFICE_TARGET_DATE };
}

/** Everything the digest shows, read in a few streaming or bounded queries. */
export function gatherDigest(db: Db, today: AsOfToday, settings: DigestSettings): DigestData {
  const { asOf, calendar } = today;
  const progress = loadProgress(db, { asOf, timeZone: settings.timeZone, targetOn: settings.targetOn });
  const period = isoWeek(asOf);
  const stats = loadStats(db, today);
  const prev = previousSnapshot(db, period);
  const overdue = overdueItems(db, asOf, DIGEST_LIST_LIMIT.overdue);
  const closedSince = prev ? prev.snapshot.asOf : addDays(asOf, -7);
  return {
    period,
    asOf,
    stats,
    previous: prev
      ? { period: prev.period, figures: prev.snapshot, isLastWeek: prev.period === isoWeek(addDays(asOf, -7)) }
      : null,
    groupNames: groupNames(db),
    overdue: {
      total: stats.lights.red,
      rows: overdue.map((o) => ({
        ref: formatItemRef({ planCode: o.planCode, itemCode: o.itemCode }),
        title: o.title,
        dueOn: o.dueOn,
        status: o.status,
        groupCode: o.groupCode,
        overdueWorkdays: overdueWorkdays(o.dueOn, asOf, calendar),
      })),
    },
    closable: {
      rows: planLines(db, stats.closablePlanCodes.slice(0, DIGEST_LIST_LIMIT.closable)),
      total: stats.closablePlans,
    },
    closed: { ...plansClosedSince(db, closedSince, DIGEST_LIST_LIMIT.closed), since: closedSince },
    followups: followupsSummary(listCentralPlansAwaitingArrangement(db), asOf, DIGEST_LIST_LIMIT.followups),
    // 本周退回: claims returned in the seven days ending today (README "Review of claimed results").
    returnedThisWeek: returnedBetween(db, addDays(asOf, -7), asOf),
    rankings: loadRankings(db, { asOf, timeZone: settings.timeZone }),
    burnUp: progress.burnUp,
    forecast: progress.forecast,
  };
}

export function runDigest(context: JobContext): JobResult {
  const { db, now, config } = context;
  const today = asOfToday(now, context);
  const { asOf } = today;
  const period = isoWeek(asOf);
  return writeTransaction(db, (): JobResult => {
    if (hasSnapshot(db, period)) return { queued: 0, details: { period, skipped: SKIPPED.alreadyPosted } };
    const channel = digestChannel(db);
    if (!channel) {
      // Nothing is saved, so the digest goes out on the next run once the channel is set.
      const admins = listAdmins(db);
      const locales = recipientLocales(db, admins, config.REFORM_LOCALE);
      let queued = 0;
      for (const admin of admins) {
        const text = t(locales.get(admin) ?? config.REFORM_LOCALE, 'digest.noChannel', { period });
        const key = outboxKey('digest.no_channel', admin, 'digest', period);
        if (enqueue(db, { idempotencyKey: key, kind: 'digest.no_channel', target: admin, payload: { text } }, now))
          queued += 1;
      }
      return { queued, details: { period, skipped: SKIPPED.noDigestChannel } };
    }
    const data = gatherDigest(db, today, digestSettings(config));
    const locale = config.REFORM_LOCALE;
    const parentKey = outboxKey(DIGEST_KIND, channel, 'parent', period);
    let queued = enqueue(
      db,
      {
        idempotencyKey: parentKey,
        kind: DIGEST_KIND,
        target: channel,
        payload: digestHeadline(translator(locale), data),
      },
      now,
    )
      ? 1
      : 0;
    // The chart first: leaders see the picture at the top of the thread.
    const chart = queueDigestChart(db, data, { channel, parentKey, locale, now });
    queued += chart.queued;
    digestReplies(translator(locale), data).forEach((payload, i) => {
      const key = outboxKey(DIGEST_KIND, channel, `reply-${String(i + 1).padStart(2, '0')}`, period);
      if (enqueue(db, { idempotencyKey: key, kind: DIGEST_KIND, target: channel, payload, parentKey }, now))
        queued += 1;
    });
    // README "Extension requests": last in the thread, only when there is something to say.
    const since = instantAt(data.closed.since, 0, 0, config.REFORM_TZ).toISOString();
    const figures = extensionFigures(db, asOf, since);
    if (hasExtensionNews(figures)) {
      const payload = digestExtensionsReply(translator(locale), {
        period,
        figures,
        waiting: openRequests(db, DIGEST_LIST_LIMIT.extensions),
      });
      const key = outboxKey(DIGEST_KIND, channel, 'reply-extensions', period);
      if (enqueue(db, { idempotencyKey: key, kind: DIGEST_KIND, target: channel, payload, parentKey }, now))
        queued += 1;
    }
    saveSnapshot(db, period, now, snapshotOf(data.stats));
    return {
      queued,
      details: {
        period,
        items: data.stats.items,
        doneRate: data.stats.doneRate,
        replies: queued - 1 - chart.queued,
        chart: chart.detail,
      },
    };
  });
}

export const digestJob: Job = {
  name: 'digest',
  schedule: (config) => config.SCHEDULE_DIGEST,
  run: runDigest,
};
