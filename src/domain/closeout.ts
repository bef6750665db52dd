// Close-out (销账, docs/PRACTICE.md rule 7): when every item of a plan is done the bot proposes the
// plan for close-out and an office admin confirms.

import { createHash } from 'node:crypto';
import type { PlanStage, Status } from './types.ts';

export interface PlanCounts {
  readonly stage: PlanStage;
  /** Number of items in the plan's implementation file. */
  readonly items: number;
  /** Of which done. */
  readonly done: number;
}

/**
 * Closable = not already closed, has at least one item, and every item is done. A plan
 * without items is never closable: an empty implementation file means the breakdown is
 * missing, not that the work is finished.
 */
export function isClosable(plan: PlanCounts): boolean {
  return plan.stage !== 'closed' && plan.items > 0 && plan.done === plan.items;
}

export interface FingerprintItem {
  readonly id: string | number;
  readonly status: Status;
}

/**
 * A stable fingerprint of a plan's items and their statuses, e.g. "sha256:3f1c...".
 *
 * Why: a close-out proposal is sent once; the store keeps the fingerprint it was sent for
 * and proposes again only when the fingerprint differs (an item was added, removed, or
 * changed status and came back to done). Item order does not matter; ids are compared as
 * strings so 7 and "7" are the same item whichever way the database returns it.
 */
export function closeoutFingerprint(items: Iterable<FingerprintItem>): string {
  const pairs: Array<[string, Status]> = [];
  const seen = new Set<string>();
  for (const { id, status } of items) {
    const key = String(id);
    if (seen.has(key)) throw new Error(`closeoutFingerprint: duplicate item id ${JSON.stringify(key)}`);
    seen.add(key);
    pairs.push([key, status]);
  }
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // JSON keeps ids with separators or quotes unambiguous.
  return `sha256:${createHash('sha256').update(JSON.stringify(pairs)).digest('hex')}`;
}
