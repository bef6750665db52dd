// Telling the office admins, once per outage, that delivery or database writes have been failing
// for longer than HEALTH_ALERT_AFTER_MINUTES. The direct message goes through the Web API, not
// the outbox: the outbox (its database, or Slack) may be exactly what is failing. A message that
// could not be posted is tried again at the next look; once one admin got it, the outage is told.
import type { Locale } from '../domain/types.ts';
import { t } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import type { PostMessage } from '../slackApi/slackPoster.ts';
import type { FailureWatch, Outage } from './failureWatch.ts';

export interface AdminRecipient {
  userId: string;
  locale: Locale;
}

export interface HealthAlerterOptions {
  watch: FailureWatch;
  post: PostMessage;
  admins: () => AdminRecipient[];
  afterMs: number;
  log: Logger;
  /** One direct message may take this long before it is abandoned (until the next look). */
  postTimeoutMs?: number;
}

export interface HealthAlerter {
  /** Tells the admins about every outage now due; returns the direct messages posted. */
  tell(now: Date): Promise<number>;
}

function healthAlertText(locale: Locale, outage: Outage, now: Date): string {
  const params = { minutes: Math.floor((now.getTime() - outage.since.getTime()) / 60_000), reason: outage.reason };
  return outage.signal === 'delivery'
    ? t(locale, 'health.alert.delivery', params)
    : t(locale, 'health.alert.writes', params);
}

export function createHealthAlerter(options: HealthAlerterOptions): HealthAlerter {
  const { watch, post, afterMs } = options;
  const log = options.log.child({ component: 'health' });
  const postTimeoutMs = options.postTimeoutMs ?? 10_000;

  async function tellOne(outage: Outage, admins: AdminRecipient[], now: Date): Promise<number> {
    let posted = 0;
    for (const admin of admins) {
      try {
        await post({
          channel: admin.userId,
          text: healthAlertText(admin.locale, outage, now),
          signal: AbortSignal.timeout(postTimeoutMs),
        });
        posted += 1;
      } catch (error) {
        log.warn(
          { admin: admin.userId, signal: outage.signal, err: (error as Error).message },
          'could not tell an admin about the outage; trying again later',
        );
      }
    }
    return posted;
  }

  return {
    async tell(now) {
      let total = 0;
      for (const outage of watch.due(now, afterMs)) {
        log.error(
          { signal: outage.signal, since: outage.since.toISOString(), reason: outage.reason },
          `${outage.signal} failing for too long`,
        );
        const admins = options.admins();
        if (admins.length === 0) {
          log.warn(
            { signal: outage.signal },
            'no office admin to tell about the outage (import the org file with admins)',
          );
          watch.markTold(outage.signal);
          continue;
        }
        const posted = await tellOne(outage, admins, now);
        if (posted > 0) watch.markTold(outage.signal);
        total += posted;
      }
      return total;
    },
  };
}
