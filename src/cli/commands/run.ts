// `reform-bot run <job> [--at <instant>] [--queue-only]`: the scheduler's work on demand. The job
// runs for the instant given (recorded in job_runs like a cron slot, but run even when that
// instant already ran: idempotency keys make a re-run queue nothing new), then what is due is
// sent within a bounded wait (RUN_SEND_BUDGET_MS); the rest stays queued.

import { loadCalendar } from '../../calendarFile.ts';
import { instantAt, isIsoDate } from '../../domain/dates.ts';
import { JOB_NAMES } from '../../jobs/job.ts';
import { isJobName, JOBS } from '../../jobs/registry.ts';
import { runSlot } from '../../jobs/runSlot.ts';
import { sendDue } from '../../outbox/sendDue.ts';
import { createSlackPoster } from '../../slackApi/slackPoster.ts';
import { maxOutboxId, rowsCreatedAfter } from '../../store/outboxQueue.ts';
import { prunedBefore } from '../../store/retention.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { detailsLine } from './runDetails.ts';

/** About a minute of waiting for retries and Retry-After, then the command returns. */
export const RUN_SEND_BUDGET_MS = 60_000;
const LISTED = 30;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;
/** `--at 2026-12-07` means this hour that day in REFORM_TZ: when the default schedules run. */
export const DATE_ONLY_HOUR = 9;

/**
 * `--at` as an instant: an ISO 8601 instant with an offset, or a date alone (then DATE_ONLY_HOUR
 * in `timeZone`, and `dateOnly` so the command can say which instant it chose).
 */
export function parseInstant(value: string, timeZone: string): { at: Date; dateOnly: boolean } | undefined {
  const day = value.slice(0, 10);
  if (day === value)
    return isIsoDate(day) ? { at: instantAt(day, DATE_ONLY_HOUR, 0, timeZone), dateOnly: true } : undefined;
  // Date would roll 2026-02-30 over into March; the day must exist.
  if (!ISO_WITH_OFFSET.test(value) || !isIsoDate(day)) return undefined;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : { at, dateOnly: false };
}

/** `2026-11-27 09:00:00 Asia/Shanghai`: the instant as the office reads it. */
function localInstant(at: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' }).format(at);
  return `${text} ${timeZone}`;
}

export const runCommand: CliCommand = {
  name: 'run',
  usage:
    'reform-bot run <followups|reminders|digest|closeout|housekeeping> [--at <YYYY-MM-DD | ISO 8601 with offset>] [--queue-only]',
  help: (t) => t('cli.run.help'),
  options: { at: { type: 'string' }, 'queue-only': { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const { t, io, config } = ctx;
    const name = positionals[0] as string;
    if (!isJobName(name)) {
      io.err(t('cli.run.unknownJob', { job: name, jobs: JOB_NAMES.join(', ') }));
      return EXIT_USAGE;
    }
    const atText = values.at as string | undefined;
    const parsedAt = atText === undefined ? { at: ctx.now, dateOnly: false } : parseInstant(atText, config.REFORM_TZ);
    if (!parsedAt) {
      io.err(t('cli.run.badAt', { value: atText ?? '' }));
      return EXIT_USAGE;
    }
    const { at } = parsedAt;
    if (parsedAt.dateOnly) {
      const time = `${String(DATE_ONLY_HOUR).padStart(2, '0')}:00`;
      io.out(t('cli.run.atDate', { value: atText as string, instant: localInstant(at, config.REFORM_TZ), time }));
    }
    const queueOnly = values['queue-only'] === true;
    if (!queueOnly && !config.SLACK_BOT_TOKEN) {
      io.err(t('cli.run.noToken'));
      return EXIT_USAGE;
    }

    const db = ctx.db();
    // Behind the horizon the outbox rows that stop a re-send may have been pruned (housekeeping).
    const horizon = prunedBefore(db);
    if (horizon && at < horizon) {
      io.err(
        t('cli.run.beforeHorizon', {
          at: localInstant(at, config.REFORM_TZ),
          horizon: localInstant(horizon, config.REFORM_TZ),
        }),
      );
      return EXIT_FAILED;
    }
    const job = JOBS[name];
    if (job.pastInstantsOnly && at > ctx.now) {
      io.err(t('cli.run.futureInstant', { job: name, at: localInstant(at, config.REFORM_TZ) }));
      return EXIT_USAGE;
    }
    const before = maxOutboxId(db);
    const jobCtx = { db, now: at, config, calendar: loadCalendar(config.REFORM_CALENDAR) };
    const outcome = runSlot(job, jobCtx, { startedAt: ctx.now, force: true });
    if (outcome.status === 'failed') {
      io.err(t('cli.run.failed', { job: name, message: outcome.error.message }));
      return EXIT_FAILED;
    }
    if (outcome.status === 'ran' && job.afterCommit) {
      const more = await job.afterCommit(jobCtx, new AbortController().signal);
      outcome.result.details = { ...outcome.result.details, ...more };
    }
    const queued = rowsCreatedAfter(db, before);
    const atShown = atText === undefined || parsedAt.dateOnly ? localInstant(at, config.REFORM_TZ) : atText;
    io.out(t('cli.run.ran', { job: name, at: atShown, queued: queued.length }));
    const details = outcome.status === 'ran' ? detailsLine(t, outcome.result.details) : undefined;
    if (details) io.out(details);
    for (const row of queued.slice(0, LISTED))
      io.out(t('cli.run.queuedRow', { id: row.id, kind: row.kind, target: row.target }));
    if (queued.length > LISTED) io.out(t('cli.run.queuedMore', { count: queued.length - LISTED }));
    if (queueOnly) {
      io.out(t('cli.run.queueOnly'));
      return EXIT_OK;
    }

    const report = await sendDue({
      db,
      post: createSlackPoster(
        { token: config.SLACK_BOT_TOKEN as string, ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}) },
        ctx.log,
      ),
      log: ctx.log,
      defaultLocale: config.REFORM_LOCALE,
      budgetMs: RUN_SEND_BUDGET_MS,
    });
    io.out(t('cli.run.sent', { sent: report.sent, failed: report.newlyFailed.length, pending: report.pending }));
    if (report.recovered > 0) io.out(t('cli.run.recovered', { count: report.recovered }));
    for (const row of report.newlyFailed) {
      io.out(t('cli.run.failedRow', { id: row.id, kind: row.kind, target: row.target, error: row.lastError ?? '' }));
    }
    if (report.blocked) io.err(t('cli.run.blocked', { reason: report.blocked }));
    else if (report.pending > 0)
      io.out(
        t('cli.run.stillQueued', {
          count: report.pending,
          at: report.nextAttemptAt ? localInstant(report.nextAttemptAt, config.REFORM_TZ) : '—',
        }),
      );
    return report.newlyFailed.length > 0 || report.pending > 0 || report.blocked ? EXIT_FAILED : EXIT_OK;
  },
};
