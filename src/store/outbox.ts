// Queueing scheduled messages. Jobs call `enqueue` inside their own transaction; the dispatcher
// (src/outbox/) is the only reader and the only code that talks to Slack for scheduled work.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';

export interface OutboxPayload {
  /** Notification/fallback text; always set (screen readers, notifications). A file's comment. */
  text: string;
  blocks?: unknown[];
  /** A file to upload instead of a message (the digest's chart): drawn by the job, sent as is. */
  file?: OutboxFile;
}

interface OutboxFile {
  filename: string;
  title: string;
  altText: string;
  /** The file's bytes, base64. */
  base64: string;
}

export interface OutboxMessage {
  /** kind:target:subject:period, e.g. `reminder:U0L1:items:2026-11-27`. */
  idempotencyKey: string;
  kind: string;
  /** A channel id, or a user id for a direct message. */
  target: string;
  payload: OutboxPayload;
  /** Post as a thread reply under the message queued with this key. */
  parentKey?: string;
}

export function outboxKey(kind: string, target: string, subject: string, period: string): string {
  return `${kind}:${target}:${subject}:${period}`;
}

/** Queues a message once; a second call with the same key is a no-op. Returns true when queued. */
export function enqueue(db: Db, message: OutboxMessage, now: Date): boolean {
  let parentId: number | null = null;
  if (message.parentKey) {
    const parent = db.select({ id: outbox.id }).from(outbox).where(eq(outbox.idempotencyKey, message.parentKey)).get();
    if (!parent) throw new Error(`outbox parent not queued: ${message.parentKey}`);
    parentId = parent.id;
  }
  const result = db
    .insert(outbox)
    .values({
      idempotencyKey: message.idempotencyKey,
      kind: message.kind,
      target: message.target,
      payload: JSON.stringify(message.payload),
      parentId,
      state: 'pending',
      nextAttemptAt: now.toISOString(),
      createdAt: now.toISOString(),
    })
    .onConflictDoNothing({ target: outbox.idempotencyKey })
    .run();
  return result.changes > 0;
}
