// Requests unanswered for EXTENSION_ESCALATE_WORKDAYS working days, raised to the office admins
// by DM (README "Extension requests"): each with the same Approve / Refuse buttons (office admins
// may decide any request), at most EXTENSIONS_PER_MESSAGE per message.
import type { Translate } from '../../i18n/index.ts';
import { type Block, context, header, type SlackMessage, section } from '../parts/index.ts';
import { type ExtensionRequestData, extensionDecisionButtons, extensionRequestText } from './extension.ts';

/** 2 blocks per request + header + intro = 42 blocks, inside Slack's 50. */
export const EXTENSIONS_PER_MESSAGE = 20;

export function extensionEscalationMessage(
  t: Translate,
  requests: readonly ExtensionRequestData[],
  workdays: number,
  part = { index: 1, total: 1 },
): SlackMessage {
  if (requests.length > EXTENSIONS_PER_MESSAGE)
    throw new RangeError(`at most ${EXTENSIONS_PER_MESSAGE} requests per escalation message`);
  const blocks: Block[] = [
    header(
      part.total > 1
        ? t('extension.escalation.headerPart', { index: part.index, total: part.total })
        : t('extension.escalation.header'),
    ),
    context(t('extension.escalation.intro', { count: requests.length, workdays })),
  ];
  for (const r of requests) {
    // Shorter title and reason than the DM: twenty requests must fit one message's text budget.
    blocks.push(section(extensionRequestText(t, r, { title: 80, reason: 150 })));
    blocks.push(extensionDecisionButtons(t, r.requestId, r.toDueOn));
  }
  return { text: t('extension.escalation.text', { count: requests.length, workdays }), blocks };
}
