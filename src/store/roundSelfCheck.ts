// One plan's self-check in a round: what the modal shows, and recording what was submitted.
// Recording is one transaction and idempotent: the same submission twice records once.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { items, plans, roundItems, roundPlans } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import { liveChangeFor } from '../domain/roundSelfCheck.ts';
import type { IsoDate, Status } from '../domain/types.ts';
import { evidenceOfItems, type KeptEvidenceFile } from './evidenceFiles.ts';
import { changeItem } from './items.ts';
import { keepReceipt, receiptFor } from './roundSelfCheckReceipts.ts';
import { getRound, type RoundRow } from './rounds.ts';

export interface ThreeChecks {
  /** 牵头部门是否就落实工作专门进行了协调 */
  coordinated: boolean;
  /** 具体改革事项是否按时间进度推进 */
  onSchedule: boolean;
  /** 是否形成制度性成果 */
  breakthroughs: boolean;
}

export interface SelfCheckItem {
  itemId: number;
  code: string;
  title: string;
  dueOn: IsoDate | null;
  /** The round's status: the snapshot, or what was confirmed since. */
  status: Status;
  confirmedBy: string | null;
  confirmedAt: string | null;
  /** The live item's status today. */
  liveStatus: Status;
}

export interface SelfCheckData {
  round: RoundRow;
  plan: { id: number; code: string; title: string; leadGroupId: number | null };
  checks: { [K in keyof ThreeChecks]: boolean | null } & {
    note: string | null;
    filledBy: string | null;
    filledAt: string | null;
  };
  /** Natural order of item codes. */
  items: SelfCheckItem[];
  /** Evidence files of the items (README "Evidence files"), newest first per item id. */
  evidence?: ReadonlyMap<number, readonly KeptEvidenceFile[]>;
}

/** Undefined when the round does not exist or the plan is not part of it. */
export function loadSelfCheck(db: Db, roundId: number, planId: number): SelfCheckData | undefined {
  const round = getRound(db, roundId);
  if (!round) return undefined;
  const row = db
    .select({ rp: roundPlans, plan: plans })
    .from(roundPlans)
    .innerJoin(plans, eq(plans.id, roundPlans.planId))
    .where(and(eq(roundPlans.roundId, roundId), eq(roundPlans.planId, planId)))
    .get();
  if (!row) return undefined;
  const list = db
    .select({
      itemId: items.id,
      code: items.code,
      title: items.title,
      dueOn: roundItems.dueOn,
      status: roundItems.status,
      confirmedBy: roundItems.confirmedBy,
      confirmedAt: roundItems.confirmedAt,
      liveStatus: items.status,
    })
    .from(roundItems)
    .innerJoin(items, eq(items.id, roundItems.itemId))
    .where(and(eq(roundItems.roundId, roundId), eq(items.planId, planId)))
    .all() as SelfCheckItem[];
  list.sort((a, b) => compareNatural(a.code, b.code));
  const { rp, plan } = row;
  return {
    round,
    plan: { id: plan.id, code: plan.code, title: plan.title, leadGroupId: plan.leadGroupId },
    checks: {
      coordinated: rp.coordinated,
      onSchedule: rp.onSchedule,
      breakthroughs: rp.breakthroughs,
      note: rp.note,
      filledBy: rp.filledBy,
      filledAt: rp.filledAt,
    },
    items: list,
    evidence: evidenceOfItems(
      db,
      list.map((i) => i.itemId),
    ),
  };
}

export interface SelfCheckSubmission {
  roundId: number;
  planId: number;
  userId: string;
  now: Date;
  checks: ThreeChecks;
  note: string | null;
  /** The status confirmed for each item; items not named keep the round's status (confirmed as is). */
  confirmed: ReadonlyMap<number, Status>;
  /** Unique per submission (the view id): makes the live item changes apply once. */
  requestKey: string;
  /** History note on live item changes, in the words of the person's language. */
  liveNote: string;
}

export type SelfCheckResult =
  | {
      kind: 'recorded' | 'unchanged';
      /** Items whose round status was corrected by this submission. */
      corrected: string[];
      /** Corrections also applied to the live item. */
      applied: string[];
      /** Corrections not applied because the live item changed after the snapshot. */
      keptNewer: string[];
      /** True when this request key was recorded before (a redelivery): the first outcome, nothing changed. */
      repeated: boolean;
    }
  | { kind: 'notFound' };

/**
 * Records the three checks and the confirmed statuses (round_plans, round_items: who and when).
 * A correction reaches the live item only as liveChangeFor decides, and then through changeItem
 * (source 'slack', request key `round:<view>:<item>`), so the ledger history shows it. Rows whose
 * values and confirmer are unchanged are not touched: a repeated submission changes nothing,
 * not even the times. Each submission keeps a receipt under its request key: the same submission
 * again (Slack's redelivery) returns the first outcome and changes nothing.
 */
export function recordSelfCheck(db: Db, s: SelfCheckSubmission): SelfCheckResult {
  return writeTransaction(db, (tx) => {
    const txDb = tx as unknown as Db;
    const data = loadSelfCheck(txDb, s.roundId, s.planId);
    if (!data) return { kind: 'notFound' } as const;
    // A redelivery of a recorded submission: the outcome it was first given, and nothing more.
    const first = receiptFor(txDb, s.requestKey);
    if (first) return { ...first, repeated: true };
    const at = s.now.toISOString();
    let changed = false;
    const corrected: string[] = [];
    const applied: string[] = [];
    const keptNewer: string[] = [];

    for (const item of data.items) {
      const confirmed = s.confirmed.get(item.itemId) ?? item.status;
      if (confirmed !== item.status) {
        corrected.push(item.code);
        const live = liveChangeFor(item.status, confirmed, item.liveStatus);
        if (live === 'keepNewer') keptNewer.push(item.code);
        if (live === 'apply') {
          const result = changeItem(txDb, {
            itemId: item.itemId,
            status: confirmed,
            note: s.liveNote,
            actor: s.userId,
            source: 'slack',
            at: s.now,
            requestKey: `round:${s.requestKey}:${item.itemId}`,
          });
          if (result.kind === 'applied') applied.push(item.code);
        }
      }
      if (confirmed === item.status && item.confirmedBy === s.userId) continue;
      changed = true;
      tx.update(roundItems)
        .set({ status: confirmed, confirmedBy: s.userId, confirmedAt: at })
        .where(and(eq(roundItems.roundId, s.roundId), eq(roundItems.itemId, item.itemId)))
        .run();
    }

    const c = data.checks;
    const note = s.note?.trim() ? s.note.trim() : null;
    const same =
      c.coordinated === s.checks.coordinated &&
      c.onSchedule === s.checks.onSchedule &&
      c.breakthroughs === s.checks.breakthroughs &&
      c.note === note &&
      c.filledBy === s.userId;
    if (!same) {
      changed = true;
      tx.update(roundPlans)
        .set({ ...s.checks, note, filledBy: s.userId, filledAt: at })
        .where(and(eq(roundPlans.roundId, s.roundId), eq(roundPlans.planId, s.planId)))
        .run();
    }
    const outcome = { kind: changed ? 'recorded' : 'unchanged', corrected, applied, keptNewer } as const;
    keepReceipt(txDb, { requestKey: s.requestKey, roundId: s.roundId, planId: s.planId, outcome, at: s.now });
    return { ...outcome, repeated: false };
  });
}
