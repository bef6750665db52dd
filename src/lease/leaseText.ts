// A lease holder as people read it in a refusal: command, pid, host, since when, heartbeat age.
import { formatInstantIn } from '../domain/dates.ts';
import type { Translate } from '../i18n/index.ts';
import type { LeaseHolder } from './leaseRules.ts';

export function describeLeaseHolder(
  holder: LeaseHolder,
  heartbeatAgeMs: number,
  t: Translate,
  timeZone: string,
): string {
  return t('cli.lease.holder', {
    command: holder.command,
    pid: holder.pid,
    host: holder.host,
    since: formatInstantIn(new Date(holder.startedAtMs).toISOString(), timeZone),
    heartbeatAgoS: Math.round(heartbeatAgeMs / 1000),
  });
}
