// The /reform itemCard builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { buildItemCard } from '../../../src/blocks/commands/itemCard.ts';
import { ACTIONS, decodeItemButton } from '../../../src/blocks/ids.ts';
import { LOCALES, type Status } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import type { ItemDetail } from '../../../src/store/items.ts';
import { LARGEST_FILES } from '../../support/evidenceFiles.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

const CJK200 = '深化投融资体制改革建立健全政府投资管理制度'.repeat(10); // 200 characters

const HOSTILE = '<!channel> <@U123> <https://evil.example|click> & *bold*';

function bigItem(overrides: Partial<ItemDetail> = {}): ItemDetail {
  return {
    id: 7,
    code: 'P10-123',
    title: CJK200,
    dueOn: '2016-06-20',
    originalDueOn: null,
    status: 'started',
    institutionalOutcome: true,
    note: `${HOSTILE}${'佐证材料'.repeat(400)}`,
    version: 12,
    plan: { id: 3, code: 'P10', title: CJK200, domain: 'economic', stage: 'issued', closedOn: null },
    leadGroup: { id: 1, code: 'G1', name: '经济体制改革专项小组' },
    departments: Array.from({ length: 12 }, (_, i) => ({
      id: i + 1,
      name: `省发展和改革委员会第${i + 1}处${'综合'.repeat(10)}`,
    })),
    cooperatingDepartments: Array.from({ length: 12 }, (_, i) => ({
      id: i + 20,
      name: `省财政厅第${i + 1}处${'配合'.repeat(10)}`,
    })),
    ...overrides,
  };
}

const history = Array.from({ length: 5 }, (_, i) => ({
  id: i + 1,
  itemId: 7,
  field: ['status', 'note', 'institutional_outcome', 'due_on', 'status'][i] as string,
  fromValue: ['not_started', null, 'false', '2016-05-01', 'started'][i] as string | null,
  toValue: ['started', 'x', 'true', '2016-06-20', 'done'][i] as string | null,
  note: `${HOSTILE}${'说明'.repeat(1000)}`,
  actor: i % 2 === 0 ? 'U0ALICE' : 'import <script>',
  source: 'slack',
  at: '2016-06-29T08:05:00.000Z',
  requestKey: null,
}));

describe.each(LOCALES)('the itemCard builder in %s', (locale) => {
  const t = translator(locale);

  it('item card with the longest title, note, departments and history stays within limits and escapes everything', () => {
    for (const canUpdate of [true, false]) {
      const card = buildItemCard(t, {
        item: bigItem(),
        light: 'red',
        overdueWorkdays: 8,
        history,
        timeZone: 'Asia/Shanghai',
        canUpdate,
      });
      expect(messageProblems(card)).toEqual([]);
      const shown = shownText(card);
      expect(shown).not.toMatch(/<!channel>|<@U123>|<https:/);
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).toContain('<@U0ALICE>'); // Slack user ids in the history become mentions
      expect(shown).toContain('import &lt;script&gt;');
      expect(shown).toContain('2016-06-29 16:05'); // REFORM_TZ
      expect(shown).toContain(locale === 'en' ? '8 working days overdue' : '已逾期 8 个工作日');
      expect(shown).toContain(locale === 'en' ? '*Cooperating*\n省财政厅第1处' : '*配合单位*\n省财政厅第1处');
      const actions = card.blocks.find((b) => b.type === 'actions') as
        | { elements: { action_id: string; value: string }[] }
        | undefined;
      if (canUpdate) {
        expect(actions?.elements.map((e) => e.action_id)).toEqual([
          ACTIONS.itemMarkDone,
          ACTIONS.itemOpenUpdate,
          ACTIONS.extensionOpen,
        ]);
        expect(decodeItemButton(actions?.elements[0]?.value ?? '')).toEqual({ itemId: 7, version: 12 });
      } else expect(actions).toBeUndefined();
    }
  });

  it('item card with 25 evidence files of the longest names and links: within limits, linked, escaped, "and n more"', () => {
    const files = LARGEST_FILES.map((f, i) => ({
      ...f,
      historyId: 5,
      addedBy: i % 2 ? 'U0ALICE' : 'import <x>',
      addedAt: '2016-06-29T08:05:00.000Z',
    }));
    const card = buildItemCard(t, {
      item: bigItem(),
      light: 'red',
      overdueWorkdays: 8,
      history,
      timeZone: 'Asia/Shanghai',
      canUpdate: true,
      evidence: { files, total: 25 },
      fileCounts: new Map([[5, 25]]),
    });
    expect(messageProblems(card)).toEqual([]);
    const shown = shownText(card);
    expect(shown).not.toMatch(/<!channel>/);
    const linked =
      shown.match(/<https:\/\/reform-office\.slack\.com\/files\/[^|>]+\|&lt;!channel&gt; &amp; 佐证材料/g) ?? [];
    expect(linked.length).toBeGreaterThan(0);
    expect(shown).toContain(t('evidence.more', { count: 25 - linked.length }));
    expect(shown).toContain(t('evidence.titleCount', { count: 25 }));
    expect(shown).toContain(t('evidence.changeFiles', { count: 25 }));
  });

  it('item card buttons follow the status', () => {
    const ids = (status: Status) =>
      (
        buildItemCard(t, {
          item: bigItem({ status }),
          light: 'green',
          overdueWorkdays: 0,
          history: [],
          timeZone: 'Asia/Shanghai',
          canUpdate: true,
        }).blocks.find((b) => b.type === 'actions') as {
          elements: { action_id: string }[];
        }
      ).elements.map((e) => e.action_id);
    expect(ids('not_started')).toEqual([
      ACTIONS.itemMarkStarted,
      ACTIONS.itemMarkDone,
      ACTIONS.itemOpenUpdate,
      ACTIONS.extensionOpen,
    ]);
    expect(ids('done')).toEqual([ACTIONS.itemOpenUpdate]);
  });
});
