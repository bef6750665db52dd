// The job slot of a contention run: the reminders and the digest are scheduled (SCHEDULE_* with a
// seconds field, on the real clock, through node-cron as in production) for one instant a given
// time after the bot starts, so they fall due while the load runs.
import { cronMatcher, slotsBackwards } from '../src/jobs/catchUp.ts';

const WATCHED_JOBS = ['reminders', 'digest'] as const;

/** A daily cron expression firing at `instant`'s second, minute and hour in `timeZone`. */
export function cronAt(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return `${part('second')} ${part('minute')} ${part('hour')} * * *`;
}

/** Every slot of the watched jobs in (from, to], oldest first. */
export function dueSlots(expression: string, timeZone: string, from: Date, to: Date): { job: string; slot: string }[] {
  const slots = [...slotsBackwards(cronMatcher(expression, timeZone), from, to)].reverse();
  return WATCHED_JOBS.flatMap((job) => slots.map((slot) => ({ job, slot: slot.toISOString() })));
}
