// Close-out proposals (销账) sent to each office admin: one section and one row of buttons per plan,
// at most CLOSEOUT_PLANS_PER_MESSAGE plans per message. After a decision the plan's buttons are
// replaced by a line saying who decided what, leaving the rest of the message as it was.

import { z } from 'zod';
import type { IsoDate } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  type Block,
  context as contextLine,
  header as headerBlock,
  PLAIN_TEXT_MAX,
  plain,
  type SlackMessage,
  section,
  actorText as who,
} from '../parts/index.ts';
import { escapeClip } from '../parts/text.ts';

/** 2 blocks per plan + header + intro = 42 blocks, well inside Slack's 50. */
export const CLOSEOUT_PLANS_PER_MESSAGE = 20;

export interface CloseoutPlanData {
  planId: number;
  code: string;
  title: string;
  groupCode: string | null;
  items: number;
  fingerprint: string;
}

export interface CloseoutButtonValue {
  planId: number;
  fingerprint: string;
}

/** `{"v":1,"p":plan,"f":fingerprint}`; buttons posted before the format version read `{"planId":..,"fingerprint":..}`. */
const closeoutValueCodec = versionedCodec({
  version: 1,
  wire: { p: wireId, f: z.string() },
  toWire: (v: CloseoutButtonValue) => ({ p: v.planId, f: v.fingerprint }),
  fromWire: (wire): CloseoutButtonValue => ({ planId: wire.p, fingerprint: wire.f }),
  legacy: [
    legacyShape(z.object({ planId: wireId, fingerprint: z.string() }).strict(), (old): CloseoutButtonValue => old),
  ],
});

export function encodeCloseoutValue(v: CloseoutButtonValue): string {
  return closeoutValueCodec.encode(v);
}

export function decodeCloseoutValue(raw: string | undefined): CloseoutButtonValue | undefined {
  return closeoutValueCodec.decode(raw);
}

const sectionId = (planId: number) => `closeout-plan-${planId}`;
const actionsId = (planId: number) => `closeout-actions-${planId}`;

export function closeoutProposalMessage(
  t: Translate,
  plans: readonly CloseoutPlanData[],
  part = { index: 1, total: 1 },
): SlackMessage {
  if (plans.length > CLOSEOUT_PLANS_PER_MESSAGE)
    throw new RangeError(`at most ${CLOSEOUT_PLANS_PER_MESSAGE} plans per close-out message`);
  const blocks: Block[] = [
    headerBlock(
      part.total > 1 ? t('closeout.header.part', { index: part.index, total: part.total }) : t('closeout.header'),
    ),
    contextLine(t('closeout.intro')),
  ];
  for (const p of plans) {
    const value = encodeCloseoutValue(p);
    const group = p.groupCode ? ` · ${escapeMrkdwn(p.groupCode)}` : '';
    blocks.push({
      ...section(
        `*${escapeMrkdwn(p.code)}* ${escapeClip(p.title, 200)}${group}\n${t('closeout.allDone', { items: p.items })}`,
      ),
      block_id: sectionId(p.planId),
    });
    blocks.push({
      type: 'actions',
      block_id: actionsId(p.planId),
      elements: [
        {
          type: 'button',
          action_id: ACTIONS.closeoutConfirm,
          style: 'primary',
          value,
          text: plain(t('closeout.confirm')),
          confirm: {
            // A confirm dialog's title may be 100 characters, its buttons 30: the option and title clips stay inside.
            title: plain(t('closeout.confirmTitle')),
            text: { type: 'mrkdwn', text: t('closeout.confirmText', { code: escapeClip(p.code, 60) }) },
            confirm: plain(t('closeout.confirm'), PLAIN_TEXT_MAX.title),
            deny: plain(t('closeout.cancel'), PLAIN_TEXT_MAX.title),
          },
        },
        { type: 'button', action_id: ACTIONS.closeoutNotYet, value, text: plain(t('closeout.notYet')) },
      ],
    });
  }
  const codes = plans.map((p) => p.code).join(', ');
  return { text: t('closeout.text', { count: plans.length, codes: escapeClip(codes, 500) }), blocks };
}

export type CloseoutOutcome =
  | { kind: 'closed'; by: string; on: IsoDate }
  | { kind: 'notYet'; by: string }
  | { kind: 'changed'; items: number; done: number };

function closeoutOutcomeText(t: Translate, outcome: CloseoutOutcome): string {
  switch (outcome.kind) {
    case 'closed':
      return t('closeout.outcome.closed', { who: who(outcome.by), on: outcome.on });
    case 'notYet':
      return t('closeout.outcome.notYet', { who: who(outcome.by) });
    case 'changed':
      return t('closeout.outcome.changed', { items: outcome.items, done: outcome.done });
  }
}

/**
 * The proposal as it was (the blocks Slack sent back with the click), with this plan's buttons
 * replaced by the outcome. Other plans in the same message keep their buttons.
 */
export function withCloseoutOutcome(
  t: Translate,
  blocks: readonly unknown[],
  planId: number,
  outcome: CloseoutOutcome,
): unknown[] {
  return blocks.map((block) =>
    (block as { block_id?: string }).block_id === actionsId(planId)
      ? { ...contextLine(closeoutOutcomeText(t, outcome)), block_id: actionsId(planId) }
      : block,
  );
}
