// Extension requests (延期申请, README "Extension requests"): asking, deciding once, and what the
// escalation job and the figures read. Each write is one IMMEDIATE transaction; the caller's
// `inSameTransaction` queues the messages that report it (src/slack/extensionOutbox.ts), so a
// saved request or decision is never left untold and a retried one tells nobody twice.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { admins, type ExtensionDecision, extensionRequests, groupMembers, itemHistory, items } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import {
  type ApproverPool,
  approvalMovesDue,
  type ExtensionProblem,
  extendedDates,
  extensionApprovers,
  extensionProblems,
} from '../domain/extensions.ts';
import type { IsoDate } from '../domain/types.ts';
import { getItem, type ItemDetail } from './items.ts';

export type ExtensionRequestRow = typeof extensionRequests.$inferSelect;

/** The outbox kinds of the DMs about requests: to the approvers, to the requester, to the office. */
export const EXTENSION_KINDS = {
  request: 'extension.request',
  decided: 'extension.decided',
  escalation: 'extension.escalation',
} as const;

/** The history row of an approval carries this key, so the item's history names the request. */
const extensionHistoryKey = (requestId: number) => `extension:${requestId}`;

/** The lead group's leaders and deputies, and the office admins. */
export function approverPool(db: Db, item: Pick<ItemDetail, 'leadGroup'>): ApproverPool {
  const groupDeciders = item.leadGroup
    ? db
        .select({ userId: groupMembers.userId, role: groupMembers.role })
        .from(groupMembers)
        .where(eq(groupMembers.groupId, item.leadGroup.id))
        .all()
        .filter((m) => m.role === 'leader' || m.role === 'deputy')
        .map((m) => m.userId)
    : [];
  return {
    groupDeciders,
    admins: db
      .select()
      .from(admins)
      .all()
      .map((a) => a.userId),
  };
}

export function getExtensionRequest(db: Db, requestId: number): ExtensionRequestRow | undefined {
  return db.select().from(extensionRequests).where(eq(extensionRequests.id, requestId)).get();
}

/** The item's request still waiting for an answer, if any (one at a time per item). */
export function pendingExtension(db: Db, itemId: number): ExtensionRequestRow | undefined {
  return db
    .select()
    .from(extensionRequests)
    .where(and(eq(extensionRequests.itemId, itemId), isNull(extensionRequests.decision)))
    .orderBy(desc(extensionRequests.id))
    .get();
}

export interface ExtensionAsk {
  itemId: number;
  by: string;
  toDueOn: string;
  reason: string;
  /** `cmd:<trigger_id>`, `view:<view id>`: a redelivered request saves once. */
  requestKey: string;
  at: Date;
}

export type AskResult =
  | { kind: 'requested'; request: ExtensionRequestRow; item: ItemDetail; approvers: string[] }
  | { kind: 'duplicate'; request: ExtensionRequestRow; item: ItemDetail }
  | { kind: 'pending'; request: ExtensionRequestRow; item: ItemDetail }
  | { kind: 'invalid'; problems: ExtensionProblem[]; item: ItemDetail }
  | { kind: 'notFound' };

/**
 * Records a request once. Permission is the caller's (it phrases the refusal); the rules on the
 * item, the date and the reason are checked here, inside the transaction, on the item as it is.
 */
export function requestExtension(
  db: Db,
  ask: ExtensionAsk,
  inSameTransaction?: (saved: Extract<AskResult, { kind: 'requested' }>) => void,
): AskResult {
  return writeTransaction(db, () => {
    const item = getItem(db, ask.itemId);
    if (!item) return { kind: 'notFound' } as const;
    const seen = db.select().from(extensionRequests).where(eq(extensionRequests.requestKey, ask.requestKey)).get();
    if (seen) return { kind: 'duplicate', request: seen, item } as const;
    const problems = extensionProblems(
      { status: item.status, dueOn: item.dueOn, planStage: item.plan.stage },
      ask.toDueOn,
      ask.reason,
    );
    if (problems.length > 0) return { kind: 'invalid', problems, item } as const;
    const open = pendingExtension(db, item.id);
    if (open) return { kind: 'pending', request: open, item } as const;
    const request = db
      .insert(extensionRequests)
      .values({
        itemId: item.id,
        requestedBy: ask.by,
        requestedAt: ask.at.toISOString(),
        fromDueOn: item.dueOn as IsoDate,
        toDueOn: ask.toDueOn,
        reason: ask.reason.trim(),
        requestKey: ask.requestKey,
      })
      .returning()
      .get();
    const saved = {
      kind: 'requested' as const,
      request,
      item,
      approvers: extensionApprovers(approverPool(db, item), ask.by),
    };
    inSameTransaction?.(saved);
    return saved;
  });
}

export interface ExtensionAnswer {
  requestId: number;
  by: string;
  decision: ExtensionDecision;
  at: Date;
}

export type DecideResult =
  | { kind: 'decided'; request: ExtensionRequestRow; item: ItemDetail }
  | { kind: 'alreadyDecided'; request: ExtensionRequestRow; item: ItemDetail }
  | { kind: 'notFound' };

/**
 * The first answer decides: the decision is written only while none is, in an IMMEDIATE
 * transaction, so two approvers clicking at once, a double click or Slack's redelivery apply
 * once and the later ones are told who decided. An approval moves the due date, keeps the first
 * original, bumps the item's version and appends the change with its reason to the history.
 */
export function decideExtension(
  db: Db,
  answer: ExtensionAnswer,
  inSameTransaction?: (decided: Extract<DecideResult, { kind: 'decided' }>) => void,
): DecideResult {
  return writeTransaction(db, () => {
    const current = getExtensionRequest(db, answer.requestId);
    const item = current ? getItem(db, current.itemId) : undefined;
    if (!current || !item) return { kind: 'notFound' } as const;
    if (current.decision !== null) return { kind: 'alreadyDecided', request: current, item } as const;
    const at = answer.at.toISOString();
    const request = db
      .update(extensionRequests)
      .set({ decision: answer.decision, decidedBy: answer.by, decidedAt: at })
      .where(and(eq(extensionRequests.id, current.id), isNull(extensionRequests.decision)))
      .returning()
      .get() as ExtensionRequestRow;
    const row = db.select().from(items).where(eq(items.id, item.id)).get() as typeof items.$inferSelect;
    if (answer.decision === 'approved' && approvalMovesDue(row.dueOn, current.toDueOn)) {
      const dates = extendedDates(row, current.toDueOn);
      db.update(items)
        .set({ ...dates, version: row.version + 1 })
        .where(eq(items.id, row.id))
        .run();
      db.insert(itemHistory)
        .values({
          itemId: row.id,
          field: 'due_on',
          fromValue: row.dueOn,
          toValue: current.toDueOn,
          note: current.reason,
          actor: answer.by,
          source: 'slack',
          at,
          requestKey: extensionHistoryKey(current.id),
        })
        .run();
    }
    const decided = { kind: 'decided' as const, request, item: getItem(db, item.id) as ItemDetail };
    inSameTransaction?.(decided);
    return decided;
  });
}

export interface OpenRequestLine {
  id: number;
  itemId: number;
  planCode: string;
  itemCode: string;
  title: string;
  groupCode: string | null;
  requestedBy: string;
  requestedAt: string;
  fromDueOn: IsoDate;
  toDueOn: IsoDate;
  reason: string;
}

const OPEN_LINES = `select r.id, r.item_id as itemId, p.code as planCode, i.code as itemCode, i.title,
        (select code from groups g where g.id = p.lead_group_id) as groupCode,
        r.requested_by as requestedBy, r.requested_at as requestedAt, r.from_due_on as fromDueOn,
        r.to_due_on as toDueOn, r.reason
   from extension_requests r join items i on i.id = r.item_id join plans p on p.id = i.plan_id`;

/** Unanswered requests not yet raised to the office, oldest first (the job picks the due ones). */
export function unescalatedOpenRequests(db: Db): OpenRequestLine[] {
  return db.$client
    .prepare(`${OPEN_LINES} where r.decision is null and r.escalated_at is null order by r.id`)
    .all() as OpenRequestLine[];
}

export function markEscalated(db: Db, requestIds: readonly number[], at: Date): void {
  const mark = db.$client.prepare(
    'update extension_requests set escalated_at = ? where id = ? and escalated_at is null',
  );
  for (const id of requestIds) mark.run(at.toISOString(), id);
}

/** Unanswered requests, oldest first, at most `limit` (the digest's list). */
export function openRequests(db: Db, limit: number): OpenRequestLine[] {
  return db.$client
    .prepare(`${OPEN_LINES} where r.decision is null order by r.id limit ?`)
    .all(limit) as OpenRequestLine[];
}

export interface SentCopy {
  /** The person the DM went to (their language). */
  target: string;
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
}

/**
 * Every DM already posted that carries this request's buttons (its approvers' copies, the
 * office's escalations), so a decision can be shown on each. The buttons' block id names the
 * request (blocks/messages/extension.ts extensionActionsId).
 */
export function sentExtensionCopies(db: Db, requestId: number, kinds: readonly string[]): SentCopy[] {
  const rows = db.$client
    .prepare(
      `select target, sent_channel as channel, sent_ts as ts, payload from outbox
        where state = 'sent' and sent_ts is not null and kind in (${kinds.map(() => '?').join(', ')})
          and instr(payload, ?) > 0`,
    )
    .all(...kinds, `"extension.${requestId}"`) as { target: string; channel: string; ts: string; payload: string }[];
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as { text?: string; blocks?: unknown[] };
    return { target: r.target, channel: r.channel, ts: r.ts, text: payload.text ?? '', blocks: payload.blocks ?? [] };
  });
}

/** The decisions of several requests (for redrawing a message that lists them). */
export function extensionDecisions(db: Db, requestIds: readonly number[]): Map<number, ExtensionRequestRow> {
  const out = new Map<number, ExtensionRequestRow>();
  const get = db.$client.prepare('select id from extension_requests where id = ? and decision is not null').pluck();
  for (const id of requestIds)
    if (get.get(id) !== undefined) out.set(id, getExtensionRequest(db, id) as ExtensionRequestRow);
  return out;
}
