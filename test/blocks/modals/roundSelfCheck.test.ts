import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../../src/blocks/ids.ts';
import { roundSelfCheckPrompt } from '../../../src/blocks/messages/roundSelfCheckPrompt.ts';
import {
  decodeSelfCheckMetadata,
  LIST_TEXT_BUDGET,
  roundSelfCheckModal,
  SELECT_LAYOUT_MAX_ITEMS,
} from '../../../src/blocks/modals/roundSelfCheck.ts';
import {
  roundSelfCheckDoneView,
  roundSelfCheckNotFoundView,
  roundSelfCheckRefusedView,
} from '../../../src/blocks/modals/roundSelfCheckResult.ts';
import { readSelfCheckSubmission } from '../../../src/blocks/modals/roundSelfCheckSubmission.ts';
import { LOCALES, type Locale, STATUSES } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import type { SelfCheckData } from '../../../src/store/roundSelfCheck.ts';
import { LARGEST_FILES } from '../../support/evidenceFiles.ts';
import { viewProblems } from '../../support/slackLimits.ts';

const CJK = '深化国有企业改革推进混合所有制经济发展完善现代企业制度健全法人治理结构';
const longTitle = (n: number) => `${n}：${CJK.repeat(6)}`.slice(0, 200);

function data(count: number, over: Partial<SelfCheckData> = {}): SelfCheckData {
  return {
    round: {
      id: 12,
      kind: 'year-end',
      asOf: '2016-12-31',
      minAgeMonths: 6,
      createdBy: 'cli',
      createdAt: '2016-12-31T01:00:00.000Z',
    },
    plan: { id: 7, code: 'SC-FA-2016-NO-0123', title: `<!channel> ${longTitle(0)}`.repeat(3), leadGroupId: 1 },
    checks: {
      coordinated: true,
      onSchedule: false,
      breakthroughs: null,
      note: '说'.repeat(3000),
      filledBy: 'U0LIAISON',
      filledAt: '2016-12-20T03:04:05.000Z',
    },
    items: Array.from({ length: count }, (_, i) => ({
      itemId: 1000 + i,
      code: `SC-FA-2016-NO-0123-${String(i + 1).padStart(3, '0')}`,
      title: longTitle(i + 1),
      dueOn: i % 7 === 0 ? null : '2016-09-30',
      status: STATUSES[i % 3] as (typeof STATUSES)[number],
      confirmedBy: null,
      confirmedAt: null,
      liveStatus: STATUSES[i % 3] as (typeof STATUSES)[number],
    })),
    ...over,
  };
}

const sectionTexts = (view: { blocks: unknown[] }) =>
  (view.blocks as { type: string; text?: { text: string } }[])
    .filter((b) => b.type === 'section')
    .map((b) => b.text?.text ?? '');

describe.each(LOCALES)('roundSelfCheckModal (%s)', (locale: Locale) => {
  it('fits Slack limits for 150 items with 200-character Chinese titles, listing every item', () => {
    const view = roundSelfCheckModal(translator(locale), data(150), locale);
    expect(viewProblems(view as never)).toEqual([]);
    expect(view.callback_id).toBe(VIEWS.roundSelfCheck);
    expect(decodeSelfCheckMetadata(view.private_metadata ?? '')).toEqual({
      roundId: 12,
      planId: 7,
      locale,
      layout: 'lines',
    });
    const text = sectionTexts(view).join('\n');
    for (let i = 1; i <= 150; i++) expect(text).toContain(`SC-FA-2016-NO-0123-${String(i).padStart(3, '0')}`);
    expect(text).not.toContain('<!channel>');
    expect(text).toContain('&lt;!channel&gt;');
    const blockIds = view.blocks.map((b) => b.block_id);
    expect(blockIds).toEqual(
      expect.arrayContaining(['corrections', 'coordinated', 'on_schedule', 'breakthroughs', 'note']),
    );
  });

  it('uses one status select per item up to the threshold, preselecting the round status', () => {
    const input = data(SELECT_LAYOUT_MAX_ITEMS);
    const view = roundSelfCheckModal(translator(locale), input, locale);
    expect(viewProblems(view as never)).toEqual([]);
    const selects = view.blocks.filter((b) => b.type === 'input' && b.block_id?.startsWith('item_'));
    expect(selects).toHaveLength(SELECT_LAYOUT_MAX_ITEMS);
    const first = selects[0] as { element: { initial_option: { value: string } } };
    expect(first.element.initial_option.value).toBe(input.items[0]?.status);
    expect(view.blocks.some((b) => b.block_id === 'corrections')).toBe(false);
  });

  it('caps the list of a huge plan and says how many are not shown', () => {
    const view = roundSelfCheckModal(translator(locale), data(2000), locale);
    expect(viewProblems(view as never)).toEqual([]);
    const texts = sectionTexts(view);
    expect(texts.join('\n').length).toBeLessThan(LIST_TEXT_BUDGET + 6000);
    expect(texts.some((t) => /(more items|另有 \d+ 项)/.test(t))).toBe(true);
  });

  it('lists the items’ evidence files, linked and escaped, within limits in both layouts, then "and n more"', () => {
    for (const count of [SELECT_LAYOUT_MAX_ITEMS, 2000]) {
      const input = data(count);
      // Ten of the largest files on every item: far more than the modal shows.
      const kept = LARGEST_FILES.map((f) => ({ ...f, historyId: 1, addedBy: 'U0M1', addedAt: '2016-12-01T01:00:00Z' }));
      const evidence = new Map(input.items.map((item) => [item.itemId, kept]));
      const view = roundSelfCheckModal(translator(locale), { ...input, evidence }, locale);
      expect(viewProblems(view as never)).toEqual([]);
      const text = sectionTexts(view).join('\n');
      expect(text).toContain(translator(locale)('round.modal.evidence'));
      const linked =
        text.match(/📎 <https:\/\/reform-office\.slack\.com\/files\/[^|>]+\|&lt;!channel&gt; &amp; /g) ?? [];
      expect(linked.length).toBeGreaterThan(0);
      expect(text).toContain(translator(locale)('evidence.more', { count: count * 10 - linked.length }));
      expect(text).toContain(`\`${input.items[0]?.code}\` 📎`);
      expect(text).not.toContain('<!channel>');
    }
  });

  it('shows no evidence section when no item has files', () => {
    const view = roundSelfCheckModal(translator(locale), data(3), locale);
    expect(sectionTexts(view).join('\n')).not.toContain(translator(locale)('round.modal.evidence'));
  });

  it('prefills the answers given before', () => {
    const view = roundSelfCheckModal(translator(locale), data(3), locale);
    const radio = (id: string) =>
      (view.blocks.find((b) => b.block_id === id) as { element: { initial_option?: { value: string } } }).element
        .initial_option?.value;
    expect([radio('coordinated'), radio('on_schedule'), radio('breakthroughs')]).toEqual(['yes', 'no', undefined]);
  });

  it('result, refusal and notice views fit too', () => {
    const codes = Array.from({ length: 400 }, (_, i) => `SC-FA-2016-NO-0123-${i}`);
    for (const view of [
      roundSelfCheckDoneView(translator(locale), 'SC-FA-001', {
        kind: 'recorded',
        corrected: codes,
        applied: codes,
        keptNewer: codes,
      }),
      roundSelfCheckDoneView(translator(locale), 'SC-FA-001', {
        kind: 'unchanged',
        corrected: [],
        applied: [],
        keptNewer: [],
      }),
      roundSelfCheckRefusedView(
        translator(locale),
        { allowed: false, reason: 'notAdmin' },
        { kind: 'mid-year' },
        'SC-FA-001',
      ),
      roundSelfCheckRefusedView(
        translator(locale),
        { allowed: false, reason: 'notLeadGroup' },
        { kind: 'year-end' },
        '<!here>',
      ),
      roundSelfCheckNotFoundView(translator(locale)),
    ]) {
      expect(viewProblems(view as never)).toEqual([]);
      expect(JSON.stringify(view)).not.toContain('<!here>');
    }
  });

  it('the DM prompt fits a message and escapes the title', () => {
    const round = data(0).round;
    const payload = roundSelfCheckPrompt(translator(locale), round, {
      planId: 7,
      code: 'SC-FA-001',
      title: `<!channel>${longTitle(1).repeat(10)}`,
      items: 150,
    });
    expect(payload.blocks).toHaveLength(2);
    expect(JSON.stringify(payload)).not.toContain('<!channel>');
    const section = payload.blocks?.[0] as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('readSelfCheckSubmission', () => {
  const t = translator('en');
  const answers = {
    coordinated: { answer: { selected_option: { value: 'yes' } } },
    on_schedule: { answer: { selected_option: { value: 'no' } } },
    breakthroughs: { answer: { selected_option: { value: 'yes' } } },
  };

  it('reads the select layout', () => {
    const d = data(2);
    const values = {
      ...answers,
      note: { text: { value: ' ok ' } },
      item_1000: { status: { selected_option: { value: 'done' } } },
      item_1001: { status: { selected_option: { value: 'started' } } },
    };
    expect(readSelfCheckSubmission(values, d, 'select', t)).toEqual({
      ok: true,
      checks: { coordinated: true, onSchedule: false, breakthroughs: true },
      note: 'ok',
      confirmed: new Map([
        [1000, 'done'],
        [1001, 'started'],
      ]),
    });
  });

  it('reads corrections in the lines layout', () => {
    const d = data(60);
    const values = { ...answers, corrections: { text: { value: 'SC-FA-2016-NO-0123-002=已完成' } } };
    const result = readSelfCheckSubmission(values, d, 'lines', t);
    expect(result).toMatchObject({ ok: true, note: null, confirmed: new Map([[1001, 'done']]) });
  });

  it('answers every missing or bad input inline, by block', () => {
    const d = data(60);
    const values = {
      coordinated: { answer: { selected_option: null } },
      corrections: { text: { value: 'x=done\nSC-FA-2016-NO-0123-002=maybe\na\nb\nc' } },
    };
    const result = readSelfCheckSubmission(values, d, 'lines', t);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual(['breakthroughs', 'coordinated', 'corrections', 'on_schedule']);
    expect(result.errors.corrections).toBe(
      'line 1: no item x in this plan; line 2: status must be done, started or not started; line 3: write item code=status; and 2 more',
    );
    const sel = readSelfCheckSubmission(
      { ...answers, item_1000: { status: { selected_option: { value: 'bogus' } } } },
      data(2),
      'select',
      t,
    );
    expect(sel).toEqual({
      ok: false,
      errors: { item_1000: 'Please choose a status.', item_1001: 'Please choose a status.' },
    });
  });
});
