// The review builders (README "Review of claimed results") with the largest realistic data in both
// languages: Slack's limits hold, ledger and people's text is escaped, the buttons read back.
import { describe, expect, it } from 'vitest';
import { buildItemCard } from '../../../src/blocks/commands/itemCard.ts';
import { ACTIONS } from '../../../src/blocks/ids.ts';
import {
  decodeReviewButton,
  isReviewRequest,
  returnedNoticeMessage,
  reviewRequestMessage,
  withReviewOutcome,
} from '../../../src/blocks/messages/review.ts';
import { decodeReturnMetadata, reviewReturnModal } from '../../../src/blocks/modals/reviewReturn.ts';
import { NOTE_MAX } from '../../../src/domain/notes.ts';
import type { Locale } from '../../../src/domain/types.ts';
import { allKeys, translator } from '../../../src/i18n/index.ts';
import type { ItemDetail } from '../../../src/store/items.ts';
import { messageProblems, mrkdwnTexts, viewProblems } from '../../support/slackLimits.ts';

const LOCALES: Locale[] = ['zh-CN', 'en'];
const HOSTILE = '<!channel> & <@U123> *粗体* ';
const LONG = `${HOSTILE}${'深化改革推进落实'.repeat(120)}`;
const NOTE = `${HOSTILE}${'佐'.repeat(NOTE_MAX - HOSTILE.length)}`;
const MAX_ID = Number.MAX_SAFE_INTEGER;

const request = {
  itemId: MAX_ID,
  claimId: MAX_ID,
  planCode: `${'P'.repeat(60)}&<>`,
  planTitle: LONG,
  itemCode: '9'.repeat(60),
  title: LONG,
  claimedBy: 'U0123456789ABCDEF',
  claimedAt: '2016-06-30T02:00:00.000Z',
  note: NOTE,
  timeZone: 'Asia/Shanghai',
};

const buttonsOf = (blocks: unknown[]) =>
  (blocks as { type: string; elements?: { action_id: string; value: string }[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

describe.each(LOCALES)('review builders with the largest data (%s)', (locale) => {
  const t = translator(locale);

  it('the review request stays within Slack’s limits, escapes, and carries the claim', () => {
    const message = reviewRequestMessage(t, request);
    expect(messageProblems(message)).toEqual([]);
    for (const text of mrkdwnTexts(message.blocks))
      expect(text.replace(/<@U0123456789ABCDEF>/g, '')).not.toMatch(/<!|<@/);
    expect(message.text).not.toMatch(/<!/);
    const [confirm, giveBack] = buttonsOf(message.blocks);
    expect([confirm?.action_id, giveBack?.action_id]).toEqual([ACTIONS.reviewConfirm, ACTIONS.reviewReturn]);
    expect(decodeReviewButton(confirm?.value)).toEqual({ itemId: MAX_ID, claimId: MAX_ID });
    expect(isReviewRequest(message.blocks)).toBe(true);

    const decided = withReviewOutcome(t, message.blocks, request, {
      kind: 'returned',
      by: 'U0123456789ABCDEF',
      at: '2016-06-30T02:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    });
    expect(buttonsOf(decided)).toEqual([]);
    expect(decided).toHaveLength(message.blocks.length);
    expect(messageProblems({ text: message.text, blocks: decided as never })).toEqual([]);
  });

  it('the returned notice stays within Slack’s limits and escapes the reason', () => {
    const message = returnedNoticeMessage(t, {
      itemId: MAX_ID,
      version: MAX_ID,
      planCode: request.planCode,
      itemCode: request.itemCode,
      title: LONG,
      returnedBy: 'cli:<!here>',
      returnedAt: '2016-06-30T02:00:00.000Z',
      reason: NOTE,
      timeZone: 'Asia/Shanghai',
    });
    expect(messageProblems(message)).toEqual([]);
    for (const text of [message.text, ...mrkdwnTexts(message.blocks)]) expect(text).not.toMatch(/<!|<@/);
    expect(buttonsOf(message.blocks).map((b) => b.action_id)).toEqual([ACTIONS.itemOpenUpdate]);
  });

  it('the return form stays within Slack’s limits and reads its metadata back', () => {
    const meta = {
      itemId: MAX_ID,
      claimId: MAX_ID,
      message: { channel: 'D0123456789ABCDEF', ts: '1790000000.000100' },
    };
    const view = reviewReturnModal(t, { ...request, claimedBy: 'cli:<!channel>' }, meta);
    expect(viewProblems(view as never)).toEqual([]);
    expect(decodeReturnMetadata(view.private_metadata)).toEqual(meta);
    expect(decodeReturnMetadata('{"v":1,"i":1}')).toBeUndefined();
  });

  it('the item card of a done item shows its review and, for a reviewer, the buttons', () => {
    const item: ItemDetail = {
      id: MAX_ID,
      code: request.itemCode,
      title: LONG,
      dueOn: '2016-06-01',
      originalDueOn: null,
      status: 'done',
      institutionalOutcome: true,
      note: NOTE,
      version: MAX_ID,
      plan: { id: 1, code: request.planCode, title: LONG, domain: 'economic', stage: 'issued', closedOn: null },
      leadGroup: { id: 1, code: 'G1', name: LONG },
      departments: Array.from({ length: 30 }, (_, i) => ({ id: i, name: `${LONG.slice(0, 40)}${i}` })),
      cooperatingDepartments: Array.from({ length: 30 }, (_, i) => ({ id: i, name: `${LONG.slice(0, 40)}${i}` })),
    };
    const history = Array.from({ length: 5 }, (_, i) => ({
      id: i,
      itemId: MAX_ID,
      field: i % 2 ? 'review' : 'status',
      fromValue: i % 2 ? 'pending' : 'started',
      toValue: i % 2 ? 'returned' : 'done',
      note: NOTE,
      actor: 'U0123456789ABCDEF',
      source: 'slack',
      at: '2016-06-30T02:00:00.000Z',
      requestKey: null,
    }));
    const review = { claimId: MAX_ID, state: 'pending' as const, decidedBy: null, decidedAt: null, claimedBy: 'UX' };
    const base = {
      item,
      light: 'green' as const,
      overdueWorkdays: 0,
      history,
      timeZone: 'Asia/Shanghai',
      canUpdate: true,
    };
    const card = buildItemCard(t, { ...base, review, canReview: true });
    expect(messageProblems(card)).toEqual([]);
    expect(buttonsOf(card.blocks).map((b) => b.action_id)).toContain(ACTIONS.reviewConfirm);
    expect(mrkdwnTexts(card.blocks).join('\n')).toContain(
      t('review.history.returned', { when: '2016-06-30 10:00', who: '<@U0123456789ABCDEF>' }),
    );
    const readOnly = buildItemCard(t, { ...base, review, canReview: false });
    expect(buttonsOf(readOnly.blocks).map((b) => b.action_id)).not.toContain(ACTIONS.reviewConfirm);
    const confirmed = buildItemCard(t, {
      ...base,
      review: { ...review, state: 'confirmed', decidedBy: 'U0REVIEWER', decidedAt: '2016-06-30T02:00:00.000Z' },
      canReview: true,
    });
    expect(buttonsOf(confirmed.blocks).map((b) => b.action_id)).not.toContain(ACTIONS.reviewConfirm);
    expect(mrkdwnTexts(confirmed.blocks).join('\n')).toContain(
      t('review.card.confirmed', { who: '<@U0REVIEWER>', when: '2016-06-30 10:00' }),
    );
  });
});

it('every review string exists in both languages', () => {
  const en = allKeys('en').filter((k) => k.startsWith('review.'));
  expect(en.length).toBeGreaterThan(30);
  expect(
    allKeys('zh-CN')
      .filter((k) => k.startsWith('review.'))
      .sort(),
  ).toEqual(en.sort());
});
