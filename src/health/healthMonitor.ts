// The bot's health, watched while it runs: the write probe every HEALTH_PROBE_EVERY_MS (and at
// every /healthz), the dispatcher's posts and `sent` writes, all fed into one FailureWatch; the
// admins are told once per outage (healthAlerter.ts).
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { HealthOutcome } from '../outbox/dispatcherTypes.ts';
import type { PostMessage } from '../slackApi/slackPoster.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';
import { FailureWatch } from './failureWatch.ts';
import { type AdminRecipient, createHealthAlerter } from './healthAlerter.ts';
import type { HealthCheck } from './healthCheck.ts';

/** How often the running bot probes a write by itself (a monitoring tool may call /healthz more). */
const HEALTH_PROBE_EVERY_MS = 30_000;

export interface HealthMonitorOptions {
  db: Db;
  check: HealthCheck;
  post: PostMessage;
  log: Logger;
  now: () => Date;
  defaultLocale: Locale;
  alertAfterMs: number;
  everyMs?: number;
}

export interface HealthMonitor {
  /** The check /healthz serves: every report it makes is watched too. */
  check: HealthCheck;
  /** For the dispatcher: posts succeeding or failing. */
  onDelivery(outcome: HealthOutcome): void;
  /** For the dispatcher: `sent` writes failing (only the probe says writes recovered). */
  onWrite(outcome: HealthOutcome): void;
  /** One look: probe, then tell the admins about what is due. */
  tick(): Promise<void>;
  start(): void;
  stop(): void;
}

export function createHealthMonitor(options: HealthMonitorOptions): HealthMonitor {
  const { db, now, log } = options;
  const watch = new FailureWatch();
  let known: AdminRecipient[] = [];
  /** The database may be what is failing: then the admins read last time are told. */
  function admins(): AdminRecipient[] {
    try {
      const ids = listAdmins(db);
      const locales = recipientLocales(db, ids, options.defaultLocale);
      known = ids.map((userId) => ({ userId, locale: locales.get(userId) ?? options.defaultLocale }));
    } catch (error) {
      log.warn({ err: (error as Error).message }, 'health: could not read the admins; using the last list');
    }
    return known;
  }
  const alerter = createHealthAlerter({ watch, post: options.post, admins, afterMs: options.alertAfterMs, log });
  const recovered = (signal: 'delivery' | 'writes') => {
    const outage = watch.ok(signal);
    if (outage) log.info({ signal, since: outage.since.toISOString() }, `${signal} recovered`);
  };
  const check: HealthCheck = {
    async check(at) {
      const report = await options.check.check(at);
      if (report.ok) recovered('writes');
      else watch.failed('writes', at, report.reason ?? 'unknown');
      return report;
    },
  };
  let timer: NodeJS.Timeout | undefined;
  let looking = false;
  async function tick(): Promise<void> {
    if (looking) return;
    looking = true;
    try {
      await check.check(now());
      await alerter.tell(now());
    } catch (error) {
      log.error({ err: error }, 'health look failed');
    } finally {
      looking = false;
    }
  }
  // Admins are read now, while the database is fine, so an outage from the start can be told.
  admins();
  return {
    check,
    onDelivery(outcome) {
      if (outcome.ok) recovered('delivery');
      else watch.failed('delivery', now(), outcome.reason);
    },
    onWrite(outcome) {
      if (!outcome.ok) watch.failed('writes', now(), outcome.reason);
    },
    tick,
    start() {
      timer ??= setInterval(() => void tick(), options.everyMs ?? HEALTH_PROBE_EVERY_MS);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
