// The messages an extension request sends (README "Extension requests"), queued through the
// outbox in the transaction that saves the request or the decision, so a saved request is never
// left untold and a retried one tells nobody twice (the outbox keys name the request):
//   - a new request → a DM with Approve / Refuse to each approver;
//   - a decision → a DM to the requester.
// The dispatcher sends them within its poll interval (src/outbox/dispatcher.ts).
import { type ExtensionRequestData, extensionRequestMessage } from '../blocks/messages/extension.ts';
import { extensionDecisionMessage } from '../blocks/messages/extensionNotices.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { originalDueOf } from '../domain/onTime.ts';
import { translator } from '../i18n/index.ts';
import { type AskResult, type DecideResult, EXTENSION_KINDS, type ExtensionRequestRow } from '../store/extensions.ts';
import type { ItemDetail } from '../store/items.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { recipientLocales } from '../store/recipientLocale.ts';

type ExtensionConfig = Pick<Config, 'REFORM_LOCALE' | 'REFORM_TZ'>;

const extensionSubject = (requestId: number) => `request-${requestId}`;

function extensionRequestData(request: ExtensionRequestRow, item: ItemDetail, timeZone: string): ExtensionRequestData {
  return {
    requestId: request.id,
    planCode: item.plan.code,
    planTitle: item.plan.title,
    itemCode: item.code,
    title: item.title,
    groupCode: item.leadGroup?.code ?? null,
    requestedBy: request.requestedBy,
    requestedAt: request.requestedAt,
    fromDueOn: request.fromDueOn,
    toDueOn: request.toDueOn,
    originalDueOn: item.originalDueOn,
    reason: request.reason,
    timeZone,
  };
}

/** One DM per approver. Returns how many were queued. */
export function queueExtensionRequests(
  db: Db,
  config: ExtensionConfig,
  saved: Extract<AskResult, { kind: 'requested' }>,
  now: Date,
): number {
  const data = extensionRequestData(saved.request, saved.item, config.REFORM_TZ);
  const locales = recipientLocales(db, saved.approvers, config.REFORM_LOCALE);
  let queued = 0;
  for (const approver of saved.approvers) {
    const payload = extensionRequestMessage(translator(locales.get(approver) ?? config.REFORM_LOCALE), data);
    const key = outboxKey(EXTENSION_KINDS.request, approver, extensionSubject(saved.request.id), 'asked');
    if (enqueue(db, { idempotencyKey: key, kind: EXTENSION_KINDS.request, target: approver, payload }, now))
      queued += 1;
  }
  return queued;
}

/** The requester's DM with the decision (not sent when they decided it themselves, as an admin). */
export function queueExtensionDecision(
  db: Db,
  config: ExtensionConfig,
  decided: Extract<DecideResult, { kind: 'decided' }>,
  now: Date,
): boolean {
  const { request, item } = decided;
  if (request.decidedBy === request.requestedBy || request.decision === null) return false;
  const t = translator(
    recipientLocales(db, [request.requestedBy], config.REFORM_LOCALE).get(request.requestedBy) ?? config.REFORM_LOCALE,
  );
  const payload = extensionDecisionMessage(t, {
    planCode: item.plan.code,
    itemCode: item.code,
    title: item.title,
    decision: request.decision,
    by: request.decidedBy ?? '—',
    fromDueOn: request.fromDueOn,
    toDueOn: request.toDueOn,
    originalDueOn: originalDueOf(item) ?? request.fromDueOn,
  });
  const key = outboxKey(EXTENSION_KINDS.decided, request.requestedBy, extensionSubject(request.id), 'decided');
  return enqueue(db, { idempotencyKey: key, kind: EXTENSION_KINDS.decided, target: request.requestedBy, payload }, now);
}
