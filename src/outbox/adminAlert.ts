// Telling the office admins, once, that a scheduled message could not be delivered. The alert
// is itself an outbox row (kind admin.alert, one per admin), queued in the same transaction that
// marks the message failed, and keyed by the failed row and its attempt count: the same failure
// is never reported twice, while a failure after `outbox --retry` is reported again.

import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { context, escapeClip, header, section } from '../blocks/parts/index.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import { t } from '../i18n/index.ts';
import { enqueue, type OutboxPayload, outboxKey } from '../store/outbox.ts';
import type { DueRow } from '../store/outboxQueue.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';

const ADMIN_ALERT_KIND = 'admin.alert';

export interface FailedMessage {
  row: Pick<DueRow, 'id' | 'kind' | 'target' | 'payload'> & { attempts: number };
  reason: string;
  /** Thread replies failed along with it. */
  replies: number;
  /** Slack gave up being reachable (not a refusal). */
  gaveUp?: boolean;
  /** Where it was to be posted, when it differs from row.target (thread replies). */
  channel?: string;
}

/** `<#C123>` for channels, `<@U123>` for people: Slack renders names for the admins. */
function mention(target: string): string {
  if (/^[UW][A-Z0-9]+$/.test(target)) return `<@${target}>`;
  if (/^[CGD][A-Z0-9]+$/.test(target)) return `<#${target}>`;
  return escapeMrkdwn(target);
}

function advice(locale: Locale, failure: FailedMessage, where: string): string {
  const reason = failure.reason;
  // A file (the digest's chart) is sent alone: whatever went wrong, the messages went out without it.
  if (failure.row.payload.file) return t(locale, 'chartFile.notUploaded', { reason: escapeClip(reason, 100) });
  if (failure.gaveUp) return t(locale, 'jobs.alert.gaveUp');
  if (reason === 'not_in_channel') return t(locale, 'jobs.alert.notInChannel', { where });
  if (reason === 'channel_not_found') return t(locale, 'jobs.alert.channelNotFound', { where });
  if (reason === 'is_archived' || reason === 'channel_is_archived') return t(locale, 'jobs.alert.archived', { where });
  if (reason === 'user_not_found' || reason === 'user_disabled' || reason === 'cannot_dm_bot')
    return t(locale, 'jobs.alert.userNotFound', { where });
  if (
    /^(invalid_blocks|invalid_blocks_format|msg_too_long|msg_blocks_too_long|no_text|invalid_arguments|too_many_attachments)$/.test(
      reason,
    )
  ) {
    return t(locale, 'jobs.alert.malformed');
  }
  return t(locale, 'jobs.alert.other');
}

function alertPayload(locale: Locale, failure: FailedMessage): OutboxPayload {
  const where = mention(failure.channel ?? failure.row.target);
  const params = {
    id: failure.row.id,
    kind: failure.row.kind,
    where,
    reason: escapeClip(failure.reason, 300),
    replies: failure.replies,
    excerpt: escapeClip(failure.row.payload.text.replace(/\s+/g, ' '), 200),
  };
  return {
    text: t(locale, 'jobs.alert.text', params),
    blocks: [
      header(t(locale, 'jobs.alert.title')),
      section(t(locale, 'jobs.alert.detail', params)),
      section(advice(locale, failure, where)),
      context(t(locale, 'jobs.alert.retryHint', { id: failure.row.id })),
    ],
  };
}

/**
 * Queues one alert per office admin. Returns how many were queued; 0 when there are no admins
 * (the caller logs it) or when the failed message was itself an alert (no alerts about alerts:
 * they would fail the same way, forever).
 */
export function queueAdminAlerts(db: Db, failure: FailedMessage, fallback: Locale, now: Date): number {
  if (failure.row.kind === ADMIN_ALERT_KIND) return 0;
  const admins = listAdmins(db);
  const locales = recipientLocales(db, admins, fallback);
  let queued = 0;
  for (const admin of admins) {
    const key = outboxKey(ADMIN_ALERT_KIND, admin, `outbox-${failure.row.id}`, `attempt-${failure.row.attempts}`);
    const payload = alertPayload(locales.get(admin) ?? fallback, failure);
    if (enqueue(db, { idempotencyKey: key, kind: ADMIN_ALERT_KIND, target: admin, payload }, now)) queued += 1;
  }
  return queued;
}
