// Every action_id, callback_id and block_id the app uses, in one place: builders (including
// scheduled messages built by jobs) and listeners must agree on them.
import { z } from 'zod';
import { legacyShape, versionedCodec, wireId } from './codec.ts';

export const ACTIONS = {
  /** Buttons on item cards and reminders. value = encodeItemButton(...) */
  itemMarkStarted: 'item.mark_started',
  itemMarkDone: 'item.mark_done',
  itemOpenUpdate: 'item.open_update',
  /** Plan file paging. value = JSON { planId, page } (the id: a plan code may be longer than a button value may be) */
  planPage: 'plan.page',
  /** Update modal: external select of items (type-ahead). */
  updatePlanSelect: 'update.plan',
  updateItemSelect: 'update.item',
  /**
   * Follow-up prompt: open the docking-arrangement modal. value = central plan id. The id keeps its
   * first name: prompts already posted in Slack carry it.
   */
  followupArrangement: 'followup.answer',
  /** Close-out proposal. value = JSON { planId, fingerprint } */
  closeoutConfirm: 'closeout.confirm',
  closeoutNotYet: 'closeout.not_yet',
  /** Round self-check: open the modal. value = JSON { roundId, planId } */
  roundSelfCheck: 'round.self_check',
  // --- Extension requests (README "Extension requests") ---
  /** Card and reminder line: open the extension form. value = encodeItemButton(...) */
  extensionOpen: 'extension.open',
  /** The approvers' DM and the office's escalation. value = encodeExtensionDecisionValue(...) */
  extensionApprove: 'extension.approve',
  extensionRefuse: 'extension.refuse',
  // --- Review of claimed results (README "Review of claimed results") ---
  /** Review of a claimed result (notification, item card, App Home). value = encodeReviewButton(...) */
  reviewConfirm: 'review.confirm',
  reviewReturn: 'review.return',
} as const;

export const VIEWS = {
  itemUpdate: 'view.item_update',
  /** The docking-arrangement modal; its first name kept for modals open in Slack. */
  followupArrangement: 'view.followup_answer',
  centralRegister: 'view.central_register',
  roundSelfCheck: 'view.round_self_check',
  extensionRequest: 'view.extension_request',
  reviewReturn: 'view.review_return',
} as const;

/** What an item button carries: the item and the version the person saw (stale clicks refused). */
export interface ItemButtonValue {
  itemId: number;
  version: number;
}

/** `{"v":1,"i":item,"n":version}`; buttons posted before the format version read `{"i":item,"v":version}`. */
const itemButtonCodec = versionedCodec({
  version: 1,
  wire: { i: wireId, n: wireId },
  toWire: (value: ItemButtonValue) => ({ i: value.itemId, n: value.version }),
  fromWire: (wire) => ({ itemId: wire.i, version: wire.n }),
  legacy: [legacyShape(z.object({ i: wireId, v: wireId }).strict(), (old) => ({ itemId: old.i, version: old.v }))],
});

export function encodeItemButton(value: ItemButtonValue): string {
  return itemButtonCodec.encode(value);
}

export function decodeItemButton(raw: string | undefined): ItemButtonValue | undefined {
  return itemButtonCodec.decode(raw);
}
