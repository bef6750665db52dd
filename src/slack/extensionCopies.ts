// After a decision on an extension request, every copy of it in Slack shows the outcome in place
// of its buttons: the other approvers' DMs and the office's escalations (README "Extension
// requests"), so nobody is left with buttons that would only say "already decided". Best effort
// after the decision is saved: a copy that cannot be updated keeps its buttons, and a click on
// them is told who decided.
import type { webApi } from '@slack/bolt';
import { type ExtensionOutcome, withExtensionOutcome } from '../blocks/messages/extension.ts';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { translator } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import {
  EXTENSION_KINDS,
  type ExtensionRequestRow,
  extensionDecisions,
  sentExtensionCopies,
} from '../store/extensions.ts';
import { recipientLocales } from '../store/recipientLocale.ts';

function outcomeOf(request: ExtensionRequestRow): ExtensionOutcome | undefined {
  if (request.decision === 'approved')
    return { kind: 'approved', by: request.decidedBy ?? '—', toDueOn: request.toDueOn };
  if (request.decision === 'refused') return { kind: 'refused', by: request.decidedBy ?? '—' };
  return undefined;
}

/** The request ids whose buttons a message holds. */
function requestIdsIn(blocks: readonly unknown[]): number[] {
  const ids: number[] = [];
  for (const block of blocks) {
    const id = (block as { block_id?: string }).block_id;
    const m = id ? /^extension\.(\d+)$/.exec(id) : null;
    if (m) ids.push(Number(m[1]));
  }
  return ids;
}

/** The message with the outcome of every decided request it lists. */
export function withDecidedOutcomes(
  db: Db,
  t: Parameters<typeof withExtensionOutcome>[0],
  blocks: readonly unknown[],
): unknown[] {
  let out = [...blocks];
  for (const [id, request] of extensionDecisions(db, requestIdsIn(blocks))) {
    const outcome = outcomeOf(request);
    if (outcome) out = withExtensionOutcome(t, out, id, outcome);
  }
  return out;
}

export async function showDecisionOnCopies(
  deps: { db: Db; config: Pick<Config, 'REFORM_LOCALE'>; log: Logger },
  client: webApi.WebClient,
  requestId: number,
  except: { channel?: string; ts?: string },
): Promise<void> {
  const copies = sentExtensionCopies(deps.db, requestId, [EXTENSION_KINDS.request, EXTENSION_KINDS.escalation]);
  for (const copy of copies) {
    if (copy.channel === except.channel && copy.ts === except.ts) continue;
    const t = translator(
      recipientLocales(deps.db, [copy.target], deps.config.REFORM_LOCALE).get(copy.target) ?? deps.config.REFORM_LOCALE,
    );
    try {
      await client.chat.update({
        channel: copy.channel,
        ts: copy.ts,
        text: copy.text,
        blocks: withDecidedOutcomes(deps.db, t, copy.blocks) as never,
      });
    } catch (error) {
      deps.log.warn(
        { err: (error as Error).message, requestId, channel: copy.channel },
        'extension decision: could not update a copy',
      );
    }
  }
}
