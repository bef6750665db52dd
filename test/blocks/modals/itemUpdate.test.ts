// The status-update modal and its confirmation, built with the largest realistic data in both
// languages: Slack's limits hold and ledger text is escaped wherever it is mrkdwn.
import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { VIEWS } from '../../../src/blocks/ids.ts';
import { itemUpdateConfirmation } from '../../../src/blocks/messages/itemUpdateConfirm.ts';
import {
  decodeMetadata,
  encodeMetadata,
  itemBlockId,
  itemOption,
  itemUpdateModal,
  NOTE_MAX,
  type PrefilledItem,
  planOption,
  UPDATE_BLOCKS,
} from '../../../src/blocks/modals/itemUpdate.ts';
import { EVIDENCE_FILES_MAX } from '../../../src/domain/evidenceFiles.ts';
import type { Locale } from '../../../src/domain/types.ts';
import { allKeys, translator } from '../../../src/i18n/index.ts';
import { LARGEST_FILES } from '../../support/evidenceFiles.ts';
import { messageProblems, mrkdwnTexts, viewProblems } from '../../support/slackLimits.ts';

const LOCALES: Locale[] = ['zh-CN', 'en'];
const LONG = `<!channel> & ${'推进'.repeat(100)}`; // over 200 characters, markup included
const plan = { id: 2_147_483_647, code: 'P-2016-经济-0082', title: LONG, closed: true };
const item: PrefilledItem = {
  id: 2_147_483_647,
  planCode: plan.code,
  code: '12.3.4',
  title: LONG,
  status: 'started',
  version: 999_999,
  dueOn: '2016-06-30',
  light: 'yellow',
  institutionalOutcome: true,
  departments: Array.from({ length: 12 }, (_, i) => `${'省直部门&单位'.repeat(4)}${i}`),
  note: '&'.repeat(NOTE_MAX), // escapes to five times its length
};

describe('itemUpdateModal', () => {
  for (const locale of LOCALES) {
    it(`prefilled with the largest item stays within limits (${locale})`, () => {
      const view = itemUpdateModal(translator(locale), { plan, item, notice: 'notResponsible' });
      expect(view.callback_id).toBe(VIEWS.itemUpdate);
      expect(viewProblems(view)).toEqual([]);
      for (const text of mrkdwnTexts(view.blocks)) expect(text).not.toContain('<!channel>');
      expect(mrkdwnTexts(view.blocks).join('\n')).toContain('&lt;!channel&gt; &amp;');
      expect(decodeMetadata(view.private_metadata)).toEqual({
        planId: plan.id,
        itemId: item.id,
        version: item.version,
      });
    });

    it(`blank stays within limits and asks for the plan first (${locale})`, () => {
      const view = itemUpdateModal(translator(locale), {});
      expect(viewProblems(view)).toEqual([]);
      const ids = view.blocks.map((b) => b.block_id);
      expect(ids).toEqual([
        UPDATE_BLOCKS.plan,
        itemBlockId(undefined),
        UPDATE_BLOCKS.status,
        UPDATE_BLOCKS.note,
        UPDATE_BLOCKS.files,
        UPDATE_BLOCKS.outcome,
      ]);
      expect(decodeMetadata(view.private_metadata)).toEqual({});
    });

    it(`options never exceed 75 characters (${locale})`, () => {
      const t = translator(locale);
      for (const o of [planOption(t, plan), itemOption(item, true), itemOption(item, false)]) {
        expect(Array.from(o.text.text).length).toBeLessThanOrEqual(75);
      }
      expect(planOption(t, plan).text.text).toContain(t('modal.update.closedPlan'));
    });

    it(`the confirmation of the largest update fits one message (${locale})`, () => {
      const t = translator(locale);
      const message = itemUpdateConfirmation(t, {
        planCode: plan.code,
        itemCode: item.code,
        title: LONG,
        fromStatus: 'started',
        toStatus: 'done',
        outcome: true,
        note: '<!here> '.repeat(375),
        files: LARGEST_FILES,
      });
      expect(messageProblems(message)).toEqual([]);
      for (const text of mrkdwnTexts(message.blocks)) expect(text).not.toMatch(/<!(?!-)/);
      expect(message.text.length).toBeGreaterThan(0);
      const shown = mrkdwnTexts(message.blocks).join('\n');
      // Every file is there, linked or counted in "…and n more", its name escaped.
      const linked = (shown.match(/<https:\/\/[^|>]+\|/g) ?? []).length;
      expect(linked).toBeGreaterThan(0);
      if (linked < LARGEST_FILES.length)
        expect(shown).toContain(t('evidence.more', { count: LARGEST_FILES.length - linked }));
      expect(shown).toContain('&lt;!channel&gt;');
    });

    it(`the evidence files input: optional, Slack's maximum of files, documents and images (${locale})`, () => {
      const view = itemUpdateModal(translator(locale), { plan, item });
      const input = view.blocks.find((b) => b.block_id === UPDATE_BLOCKS.files) as types.InputBlock;
      expect(input.optional).toBe(true);
      expect(input.element).toMatchObject({ type: 'file_input', max_files: EVIDENCE_FILES_MAX });
      expect((input.element as types.FileInput).filetypes).toEqual(
        expect.arrayContaining(['pdf', 'ofd', 'jpg', 'tif']),
      );
      expect(input.hint?.text).toContain(String(EVIDENCE_FILES_MAX));
    });
  }

  it('the item block id changes with the plan, so Slack clears an item of another plan', () => {
    expect(itemBlockId(1)).not.toBe(itemBlockId(2));
    expect(itemBlockId(undefined)).not.toBe(itemBlockId(1));
  });

  it('metadata that was not ours is unreadable (the form is out of date), not read as empty', () => {
    expect(decodeMetadata('')).toBeUndefined();
    expect(decodeMetadata('not json')).toBeUndefined();
    expect(decodeMetadata(JSON.stringify({ p: 'x', i: 1.5, v: 3 }))).toBeUndefined();
    expect(decodeMetadata(encodeMetadata({ planId: 4 }))).toEqual({ planId: 4 });
  });

  it('every modal string exists in both languages', () => {
    const en = allKeys('en').filter((k) => k.startsWith('modal.'));
    expect(en.length).toBeGreaterThan(30);
    expect(
      allKeys('zh-CN')
        .filter((k) => k.startsWith('modal.'))
        .sort(),
    ).toEqual(en.sort());
  });
});
