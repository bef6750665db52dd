// The direct message that opens the self-check modal (year-end rounds): queued in the outbox
// when the round is created, so built here as plain data. Pure.

import { z } from 'zod';
import type { Locale } from '../../domain/types.ts';
import { type Translate, translator } from '../../i18n/index.ts';
import type { OutboxPayload } from '../../store/outbox.ts';
import type { BuildPrompt, PromptPlan } from '../../store/roundPrompts.ts';
import type { RoundRow } from '../../store/rounds.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn, truncate } from '../mrkdwn.ts';
import { section } from '../parts/blocks.ts';
import { plain } from '../parts/plainText.ts';
import { escapeClip } from '../parts/text.ts';

export interface RoundButtonValue {
  roundId: number;
  planId: number;
}

/** `{"v":1,"r":round,"p":plan}`; buttons posted before the format version read `{"roundId":..,"planId":..}`. */
const roundButtonCodec = versionedCodec({
  version: 1,
  wire: { r: wireId, p: wireId },
  toWire: (value: RoundButtonValue) => ({ r: value.roundId, p: value.planId }),
  fromWire: (wire): RoundButtonValue => ({ roundId: wire.r, planId: wire.p }),
  legacy: [legacyShape(z.object({ roundId: wireId, planId: wireId }).strict(), (old): RoundButtonValue => old)],
});

export function encodeRoundButton(value: RoundButtonValue): string {
  return roundButtonCodec.encode(value);
}

export function decodeRoundButton(raw: string | undefined): RoundButtonValue | undefined {
  return roundButtonCodec.decode(raw);
}

export function roundSelfCheckPrompt(t: Translate, round: RoundRow, plan: PromptPlan): OutboxPayload {
  const ref = { id: round.id, kind: t(`round.kind.${round.kind}`), asOf: round.asOf };
  const code = truncate(plan.code, 100);
  return {
    text: t('round.prompt.text', { ...ref, code: escapeMrkdwn(code) }),
    blocks: [
      section(
        t('round.prompt.body', {
          ...ref,
          code: escapeMrkdwn(code),
          title: escapeClip(plan.title, 1000),
          items: plan.items,
        }),
      ),
      {
        type: 'actions',
        block_id: `round_self_check_${round.id}_${plan.planId}`,
        elements: [
          {
            type: 'button',
            action_id: ACTIONS.roundSelfCheck,
            style: 'primary',
            text: plain(t('round.prompt.button')),
            value: encodeRoundButton({ roundId: round.id, planId: plan.planId }),
          },
        ],
      },
    ],
  };
}

/**
 * The prompt in a given language, for queueSelfCheckPrompts: the store picks each liaison's
 * locale per recipient, so it hands over a locale, and the translator is made here.
 */
export const roundSelfCheckPromptIn: BuildPrompt = (round: RoundRow, plan: PromptPlan, locale: Locale) =>
  roundSelfCheckPrompt(translator(locale), round, plan);
