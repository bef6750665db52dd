// The dispatcher's side of the outbox (src/store/outbox.ts queues): find what is due, claim a row
// before calling Slack, and record the outcome. States:
//
//   pending --claim--> sending --ok--> sent
//      ^                  |
//      +---- retry -------+--permanent / gave up--> failed (admins told; `outbox --retry` requeues)
//
// A row is claimed with a conditional UPDATE, so two dispatchers (the bot and a `reform-bot run`)
// never post the same row. `sending_since` marks a call in flight; a row left `sending` by a
// crash is put back to pending once it is stale (see recoverStale).
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { outbox } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import type { OutboxPayload } from './outbox.ts';

const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export type OutboxRow = typeof outbox.$inferSelect;

export interface DueRow {
  id: number;
  kind: string;
  target: string;
  payload: OutboxPayload;
  attempts: number;
  createdAt: string;
  idempotencyKey: string;
  /** For thread replies: where the parent was posted. */
  parent?: { channel: string; ts: string };
}

/**
 * Pending rows due at `now`, oldest first. A thread reply is due only once its parent is sent
 * (it needs the parent's ts); until then it simply waits.
 */
export function dueRows(db: Db, now: Date, limit: number): DueRow[] {
  const rows = db.$client
    .prepare(
      `select o.id, o.kind, o.target, o.payload, o.attempts, o.created_at as createdAt, o.idempotency_key as idempotencyKey,
              p.sent_channel as parentChannel, p.sent_ts as parentTs
         from outbox o left join outbox p on p.id = o.parent_id
        where o.state = 'pending' and o.next_attempt_at <= ?
          and (o.parent_id is null or p.state = 'sent')
        order by o.id
        limit ?`,
    )
    .all(now.toISOString(), limit) as (Omit<DueRow, 'payload' | 'parent'> & {
    payload: string;
    parentChannel: string | null;
    parentTs: string | null;
  })[];
  return rows.map(({ payload, parentChannel, parentTs, ...row }) => ({
    ...row,
    payload: JSON.parse(payload) as OutboxPayload,
    ...(parentChannel && parentTs ? { parent: { channel: parentChannel, ts: parentTs } } : {}),
  }));
}

/**
 * The earliest instant some pending row becomes due. Replies waiting for their parent are left
 * out: the parent's own row stands for them (counting them would make a drain spin).
 */
export function nextDueAt(db: Db): Date | undefined {
  const row = db.$client
    .prepare(
      `select min(o.next_attempt_at) as at
         from outbox o left join outbox p on p.id = o.parent_id
        where o.state = 'pending' and (o.parent_id is null or p.state = 'sent')`,
    )
    .get() as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}

/** Marks the row `sending` if it is still pending. False: someone else claimed it. */
export function claimRow(db: Db, id: number, now: Date): boolean {
  const result = db
    .update(outbox)
    .set({ state: 'sending', sendingSince: now.toISOString(), attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, id), eq(outbox.state, 'pending')))
    .run();
  return result.changes > 0;
}

export function markSent(db: Db, id: number, sent: { channel: string; ts: string }, now: Date): void {
  db.update(outbox)
    .set({ state: 'sent', sentAt: now.toISOString(), sentChannel: sent.channel, sentTs: sent.ts, sendingSince: null })
    .where(eq(outbox.id, id))
    .run();
}

/** Back to pending, to be tried again at `nextAttemptAt`. */
export function markRetry(db: Db, id: number, nextAttemptAt: Date, error: string): void {
  db.update(outbox)
    .set({ state: 'pending', nextAttemptAt: nextAttemptAt.toISOString(), lastError: error, sendingSince: null })
    .where(eq(outbox.id, id))
    .run();
}

/**
 * Marks a row failed, and with it every pending thread reply below it (they can never be posted
 * without their parent). Returns the ids of those replies. Call inside the transaction that
 * also queues the admins' alert.
 */
export function markFailed(db: Db, id: number, error: string): number[] {
  db.update(outbox).set({ state: 'failed', lastError: error, sendingSince: null }).where(eq(outbox.id, id)).run();
  const replies = db.$client
    .prepare(
      `with recursive below(id) as (
         select id from outbox where parent_id = ?
         union all select o.id from outbox o join below b on o.parent_id = b.id)
       select o.id from outbox o join below b on b.id = o.id where o.state = 'pending' order by o.id`,
    )
    .all(id) as { id: number }[];
  const ids = replies.map((r) => r.id);
  if (ids.length > 0) {
    db.update(outbox)
      .set({ state: 'failed', lastError: `parent_failed: #${id} ${error}`.slice(0, 500) })
      .where(inArray(outbox.id, ids))
      .run();
  }
  return ids;
}

/**
 * Rows left `sending` for longer than a call can take: the process died between claiming and
 * recording the outcome. Slack may or may not have posted the message, and we cannot look
 * (no channels:history scope), so the row goes back to pending and WILL be sent again: a
 * possible duplicate is better than a silently lost reminder. `last_error` says so, and the
 * count is returned so the dispatcher logs it.
 */
export function recoverStale(db: Db, sendingBefore: Date, exceptIds: readonly number[] = []): number {
  // exceptIds: rows Slack accepted whose `sent` this process could not write yet (sentRecorder.ts).
  const result = db
    .update(outbox)
    .set({
      state: 'pending',
      sendingSince: null,
      lastError: sql`'interrupted while sending at ' || ${outbox.sendingSince} || ' (re-sent; may be a duplicate)'`,
    })
    .where(
      and(
        eq(outbox.state, 'sending'),
        sql`${outbox.sendingSince} < ${sendingBefore.toISOString()}`,
        exceptIds.length > 0 ? notInArray(outbox.id, [...exceptIds]) : undefined,
      ),
    )
    .run();
  return result.changes;
}

/** Pending replies whose parent failed before they were queued: failed too, never silently kept. */
export function failOrphans(db: Db): number {
  const result = db.$client
    .prepare(
      `update outbox set state = 'failed', last_error = 'parent_failed: #' || parent_id
        where state = 'pending' and parent_id in (select id from outbox where state = 'failed')`,
    )
    .run();
  return result.changes;
}

export function countByState(db: Db): Record<OutboxState, number> {
  const counts: Record<OutboxState, number> = { pending: 0, sending: 0, sent: 0, failed: 0 };
  const rows = db.$client.prepare('select state, count(*) as n from outbox group by state').all() as {
    state: OutboxState;
    n: number;
  }[];
  for (const row of rows) counts[row.state] = row.n;
  return counts;
}

export interface OutboxListQuery {
  states: readonly OutboxState[];
  limit: number;
}

export function listOutbox(db: Db, query: OutboxListQuery): OutboxRow[] {
  return db
    .select()
    .from(outbox)
    .where(inArray(outbox.state, [...query.states]))
    .orderBy(asc(outbox.id))
    .limit(query.limit)
    .all();
}

export function rowsCreatedAfter(db: Db, afterId: number): OutboxRow[] {
  return db.select().from(outbox).where(sql`${outbox.id} > ${afterId}`).orderBy(asc(outbox.id)).all();
}

export function maxOutboxId(db: Db): number {
  const row = db.$client.prepare('select coalesce(max(id), 0) as id from outbox').get() as { id: number };
  return row.id;
}

/** Requeues failed rows (after the cause was fixed, e.g. the bot was invited). Returns how many. */
export function requeueFailed(db: Db, ids: readonly number[] | 'all', now: Date): number {
  const condition =
    ids === 'all' ? eq(outbox.state, 'failed') : and(eq(outbox.state, 'failed'), inArray(outbox.id, [...ids]));
  return writeTransaction(db, () => {
    let changes = db
      .update(outbox)
      .set({ state: 'pending', nextAttemptAt: now.toISOString() })
      .where(condition)
      .run().changes;
    if (ids === 'all' || changes === 0) return changes;
    // Thread replies failed only because their parent did come back with it.
    const replies = db.$client.prepare(
      `with recursive below(id) as (
         select id from outbox where parent_id in (select value from json_each(?))
         union all select o.id from outbox o join below b on o.parent_id = b.id)
       update outbox set state = 'pending', next_attempt_at = ?
        where id in (select id from below) and state = 'failed' and last_error like 'parent_failed:%'`,
    );
    changes += replies.run(JSON.stringify(ids), now.toISOString()).changes;
    return changes;
  });
}

export function getOutboxRow(db: Db, id: number): OutboxRow | undefined {
  return db.select().from(outbox).where(eq(outbox.id, id)).get();
}
