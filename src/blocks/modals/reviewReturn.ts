// The return form (退回, README "Review of claimed results"): the item, who claimed it done, and
// the reason, required. Opened by a Return button on the review request, the item card or App
// Home; the metadata carries the claim and, when opened from a message, that message, so the
// submission can replace its buttons with the outcome.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { NOTE_MAX } from '../../domain/notes.ts';
import type { Translate } from '../../i18n/index.ts';
import { versionedCodec, wireId } from '../codec.ts';
import { VIEWS } from '../ids.ts';
import type { ReviewButtonValue } from '../messages/review.ts';
import { actorText, escapeClip, itemRefText, section } from '../parts/index.ts';
import { PLAIN_TEXT_MAX, plain } from '../parts/plainText.ts';

export const RETURN_BLOCKS = { reason: 'reason' } as const;
export const RETURN_INPUT = 'value';

interface ReturnMetadata extends ReviewButtonValue {
  /** The message whose Return was clicked (a review request or a card in a channel), if any. */
  message?: { channel: string; ts: string };
}

const returnMetadataCodec = versionedCodec({
  version: 1,
  wire: { i: wireId, c: wireId, ch: z.string().nullable(), ts: z.string().nullable() },
  toWire: (m: ReturnMetadata) => ({
    i: m.itemId,
    c: m.claimId,
    ch: m.message?.channel ?? null,
    ts: m.message?.ts ?? null,
  }),
  fromWire: (w): ReturnMetadata => ({
    itemId: w.i,
    claimId: w.c,
    ...(w.ch && w.ts ? { message: { channel: w.ch, ts: w.ts } } : {}),
  }),
});

const encodeReturnMetadata = (m: ReturnMetadata): string => returnMetadataCodec.encode(m);
export const decodeReturnMetadata = (raw: string | undefined): ReturnMetadata | undefined =>
  returnMetadataCodec.decode(raw);

interface ReturnModalData {
  planCode: string;
  itemCode: string;
  title: string;
  claimedBy: string | null;
}

export function reviewReturnModal(t: Translate, d: ReturnModalData, meta: ReturnMetadata): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEWS.reviewReturn,
    private_metadata: encodeReturnMetadata(meta),
    title: plain(t('review.modal.title'), PLAIN_TEXT_MAX.title),
    submit: plain(t('review.modal.submit'), PLAIN_TEXT_MAX.title),
    close: plain(t('review.modal.cancel'), PLAIN_TEXT_MAX.title),
    blocks: [
      section(
        t('review.modal.intro', {
          ref: itemRefText(d.planCode, d.itemCode),
          title: escapeClip(d.title, 300),
          who: d.claimedBy ? actorText(d.claimedBy) : '—',
        }),
      ),
      {
        type: 'input',
        block_id: RETURN_BLOCKS.reason,
        label: plain(t('review.modal.reason'), PLAIN_TEXT_MAX.label),
        hint: plain(t('review.modal.reasonHint'), PLAIN_TEXT_MAX.label),
        element: { type: 'plain_text_input', action_id: RETURN_INPUT, multiline: true, max_length: NOTE_MAX },
      },
    ],
  };
}
