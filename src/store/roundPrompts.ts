// Year-end rounds are filled in by the lead units: each selected plan's lead group liaisons get
// a direct message with a button that opens the self-check modal. Queued in the outbox (the
// dispatcher sends it); the idempotency key names liaison, round and plan, so queueing again
// (round notify, a retried command) sends nobody a second copy.
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import { localeFromSlack } from '../i18n/define.ts';
import { enqueue, type OutboxPayload, outboxKey } from './outbox.ts';
import { type RoundRow, roundPlanStatuses } from './rounds.ts';

const SELF_CHECK_PROMPT_KIND = 'round.selfcheck';

export interface PromptPlan {
  planId: number;
  code: string;
  title: string;
  items: number;
}

export type BuildPrompt = (round: RoundRow, plan: PromptPlan, locale: Locale) => OutboxPayload;

export interface QueuePromptsResult {
  /** Messages newly queued. */
  queued: number;
  /** Messages that were already in the outbox from an earlier run. */
  alreadyQueued: number;
  /** Distinct liaisons written to (new or earlier). */
  recipients: number;
  /** Plans skipped because their lead group has no liaison (or the plan no lead group). */
  plansWithoutLiaison: string[];
  /** Plans skipped because their three checks are already filled. */
  plansFilled: number;
}

export function selfCheckPromptKey(round: RoundRow, planId: number, liaisonUserId: string): string {
  return outboxKey(SELF_CHECK_PROMPT_KIND, liaisonUserId, `round${round.id}:plan${planId}`, String(round.id));
}

/**
 * Queues one message per liaison per plan not yet filled in, in the liaison's Slack language
 * when the bot has seen it (user_locales), else the office's. Run it inside the transaction that
 * created the round so a round never exists without its messages.
 */
export function queueSelfCheckPrompts(
  db: Db,
  round: RoundRow,
  build: BuildPrompt,
  now: Date,
  fallbackLocale: Locale,
): QueuePromptsResult {
  const liaisonsOf = db.$client.prepare(
    `select gm.user_id as userId, ul.locale
       from plans p join group_members gm on gm.group_id = p.lead_group_id and gm.role = 'liaison'
       left join user_locales ul on ul.user_id = gm.user_id
      where p.id = ? order by gm.user_id`,
  );
  const result: QueuePromptsResult = {
    queued: 0,
    alreadyQueued: 0,
    recipients: 0,
    plansWithoutLiaison: [],
    plansFilled: 0,
  };
  const recipients = new Set<string>();
  for (const plan of roundPlanStatuses(db, round.id)) {
    if (plan.filled) {
      result.plansFilled += 1;
      continue;
    }
    const liaisons = liaisonsOf.all(plan.planId) as { userId: string; locale: string | null }[];
    if (liaisons.length === 0) result.plansWithoutLiaison.push(plan.code);
    for (const liaison of liaisons) {
      recipients.add(liaison.userId);
      const locale = localeFromSlack(liaison.locale ?? undefined, fallbackLocale);
      const payload = build(
        round,
        { planId: plan.planId, code: plan.code, title: plan.title, items: plan.items },
        locale,
      );
      const queued = enqueue(
        db,
        {
          idempotencyKey: selfCheckPromptKey(round, plan.planId, liaison.userId),
          kind: SELF_CHECK_PROMPT_KIND,
          target: liaison.userId,
          payload,
        },
        now,
      );
      if (queued) result.queued += 1;
      else result.alreadyQueued += 1;
    }
  }
  result.recipients = recipients.size;
  return result;
}
