// The extension request as its approvers get it by DM (README "Extension requests"): the item,
// its due date now (and the original one if it was extended before), the date asked for, who
// asks and why, and Approve / Refuse. After a decision the buttons are replaced by who decided
// what, on the clicked copy and on the other approvers' copies.
import type { IsoDate } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { encodeExtensionDecisionValue } from '../extensionCodecs.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  actorText,
  type Block,
  context,
  escapeClip,
  formatInstant,
  header,
  itemRefText,
  PLAIN_TEXT_MAX,
  plain,
  type SlackMessage,
  section,
} from '../parts/index.ts';

export interface ExtensionRequestData {
  requestId: number;
  planCode: string;
  planTitle: string;
  itemCode: string;
  title: string;
  groupCode: string | null;
  requestedBy: string;
  /** ISO instant. */
  requestedAt: string;
  fromDueOn: IsoDate;
  toDueOn: IsoDate;
  /** Set when an earlier extension already moved the due date. */
  originalDueOn: IsoDate | null;
  reason: string;
  timeZone: string;
}

export type ExtensionOutcome =
  | { kind: 'approved'; by: string; toDueOn: IsoDate }
  | { kind: 'refused'; by: string }
  | { kind: 'gone' };

const TITLE_MAX = 300;
const REASON_SHOWN_MAX = 1000;

const extensionActionsId = (requestId: number) => `extension.${requestId}`;

/** The request's own lines (item, dates, who, why), shared by the DM and the office's escalation. */
export function extensionRequestText(
  t: Translate,
  data: ExtensionRequestData,
  max = { title: TITLE_MAX, reason: REASON_SHOWN_MAX },
): string {
  const group = data.groupCode ? ` · ${escapeClip(data.groupCode, 20)}` : '';
  const original = data.originalDueOn ? t('extension.originally', { date: data.originalDueOn }) : '';
  return [
    `*${itemRefText(data.planCode, data.itemCode)}*${group} ${escapeClip(data.title, max.title)}`,
    t('extension.dates', { from: data.fromDueOn, to: data.toDueOn, original }),
    t('extension.askedBy', { who: actorText(data.requestedBy), when: formatInstant(data.requestedAt, data.timeZone) }),
    `${t('extension.reason')} ${escapeClip(data.reason, max.reason)}`,
  ].join('\n');
}

export function extensionDecisionButtons(t: Translate, requestId: number, toDueOn: IsoDate): Block {
  const value = encodeExtensionDecisionValue({ requestId });
  return {
    type: 'actions',
    block_id: extensionActionsId(requestId),
    elements: [
      {
        type: 'button',
        action_id: ACTIONS.extensionApprove,
        style: 'primary',
        value,
        text: plain(t('extension.approve')),
        confirm: {
          title: plain(t('extension.confirmTitle'), PLAIN_TEXT_MAX.title),
          text: { type: 'mrkdwn', text: t('extension.confirmText', { to: toDueOn }) },
          confirm: plain(t('extension.approve'), PLAIN_TEXT_MAX.title),
          deny: plain(t('extension.cancel'), PLAIN_TEXT_MAX.title),
        },
      },
      {
        type: 'button',
        action_id: ACTIONS.extensionRefuse,
        style: 'danger',
        value,
        text: plain(t('extension.refuse')),
      },
    ],
  };
}

export function extensionRequestMessage(t: Translate, data: ExtensionRequestData): SlackMessage {
  const ref = `${data.planCode}#${data.itemCode}`;
  return {
    text: t('extension.request.text', { ref: escapeMrkdwn(ref), to: data.toDueOn }),
    blocks: [
      header(t('extension.request.header', { ref })),
      section(extensionRequestText(t, data)),
      extensionDecisionButtons(t, data.requestId, data.toDueOn),
      context(t('extension.request.footer')),
    ],
  };
}

function extensionOutcomeText(t: Translate, outcome: ExtensionOutcome): string {
  switch (outcome.kind) {
    case 'approved':
      return t('extension.outcome.approved', { who: actorText(outcome.by), to: outcome.toDueOn });
    case 'refused':
      return t('extension.outcome.refused', { who: actorText(outcome.by) });
    case 'gone':
      return t('extension.outcome.gone');
  }
}

/** The message as Slack sent it back, with this request's buttons replaced by the outcome. */
export function withExtensionOutcome(
  t: Translate,
  blocks: readonly unknown[],
  requestId: number,
  outcome: ExtensionOutcome,
): unknown[] {
  return blocks.map((block) =>
    (block as { block_id?: string }).block_id === extensionActionsId(requestId)
      ? { ...context(extensionOutcomeText(t, outcome)), block_id: extensionActionsId(requestId) }
      : block,
  );
}
