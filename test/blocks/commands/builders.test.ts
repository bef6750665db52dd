// Every /reform builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { buildHelp } from '../../../src/blocks/commands/help.ts';
import { buildItemCard } from '../../../src/blocks/commands/itemCard.ts';
import { buildMine, MINE_SHOWN, type MineItem } from '../../../src/blocks/commands/mine.ts';
import {
  buildPlanFile,
  decodePlanPage,
  PLAN_PAGE_SIZE,
  type PlanFileItem,
} from '../../../src/blocks/commands/planFile.ts';
import { buildStats } from '../../../src/blocks/commands/stats.ts';
import { ACTIONS, decodeItemButton } from '../../../src/blocks/ids.ts';
import { computeStats } from '../../../src/domain/stats.ts';
import { DOMAINS, type Light, LOCALES, type Status } from '../../../src/domain/types.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { translator } from '../../../src/i18n/index.ts';
import type { ItemDetail } from '../../../src/store/items.ts';
import { generateSeedLedger } from '../../fixtures/seedLedger.ts';
import { LARGEST_FILES } from '../../support/evidenceFiles.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

const CJK200 = '深化投融资体制改革建立健全政府投资管理制度'.repeat(10); // 200 characters
const STATUSES: Status[] = ['done', 'started', 'not_started'];
const LIGHTS: Light[] = ['red', 'yellow', 'green'];
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

describe.each(LOCALES)('builders in %s', (locale) => {
  const t = translator(locale);

  it('help lists every subcommand, and names an unknown one escaped', () => {
    const help = buildHelp(t);
    expect(messageProblems(help)).toEqual([]);
    for (const sub of locale === 'en'
      ? ['help', 'item', 'update', 'plan', 'mine', 'stats']
      : ['帮助', '事项', '更新', '方案', '我的', '统计']) {
      expect(shownText(help)).toContain(`/reform ${sub}`);
    }
    const unknown = buildHelp(t, '<!here>');
    expect(shownText(unknown)).toContain('&lt;!here&gt;');
    expect(shownText(unknown)).not.toContain('<!here>');
  });

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

  it('a plan of 400 items with 200-character titles pages within limits, every item once', () => {
    const items: PlanFileItem[] = Array.from({ length: 400 }, (_, i) => ({
      id: i + 1,
      code: `P10-${String(i + 1).padStart(3, '0')}`,
      title: i % 7 === 0 ? '&<>'.repeat(70) : CJK200,
      dueOn: i % 11 === 0 ? null : '2016-07-01',
      status: STATUSES[i % 3] as Status,
      version: 1,
      light: LIGHTS[i % 3] as Light,
    }));
    const plan = {
      id: 3,
      code: 'P10',
      title: CJK200,
      domain: 'economic' as const,
      stage: 'issued' as const,
      issuedOn: '2015-05-01',
      closedOn: null,
      leadGroup: { id: 1, code: 'G1', name: '经济体制改革专项小组' },
      leadDepartment: '省发展和改革委员会',
    };
    const pages = Math.ceil(400 / PLAN_PAGE_SIZE);
    const seen: string[] = [];
    for (let page = 0; page < pages; page++) {
      const file = buildPlanFile(t, { plan, items, page, yellowWorkdays: 3 });
      expect(messageProblems(file), `page ${page}`).toEqual([]);
      const shown = shownText(file);
      expect(shown).not.toMatch(/<>/);
      seen.push(...[...shown.matchAll(/\*P10#(P10-\d{3})\*/g)].map((m) => m[1] as string));
      const buttons = (
        file.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string }[] }
      ).elements;
      const targets = buttons.map((b) => decodePlanPage(b.value)?.page);
      expect(targets).toEqual([...(page > 0 ? [page - 1] : []), ...(page < pages - 1 ? [page + 1] : [])]);
      expect(buttons.every((b) => b.action_id === ACTIONS.planPage)).toBe(true);
    }
    expect(seen).toEqual(items.map((i) => i.code));
    // Counts are over the whole plan, on every page.
    const first = shownText(buildPlanFile(t, { plan, items, page: 0, yellowWorkdays: 3 }));
    expect(first).toContain(locale === 'en' ? 'done 134 (33.5%)' : '已完成 134（33.5%）');
    // A page past the end shows the last page.
    expect(shownText(buildPlanFile(t, { plan, items, page: 99, yellowWorkdays: 3 }))).toContain('P10#P10-400');
  });

  it('300 items for `mine`: red first, then yellow, then green, summarised within limits', () => {
    const items: MineItem[] = Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      planCode: `P${(i % 30) + 1}`,
      code: String(i + 1),
      title: CJK200,
      dueOn: `2016-0${(i % 9) + 1}-1${i % 10}`,
      status: (i % 5 === 0 ? 'done' : 'started') as Status,
      version: 1,
      light: (i % 5 === 0 ? 'green' : LIGHTS[i % 3]) as Light,
    }));
    const mine = buildMine(t, items);
    expect(messageProblems(mine)).toEqual([]);
    const lines = shownText(mine)
      .split('\n')
      .filter((l) => /^[🔴🟡🟢]/u.test(l));
    expect(lines).toHaveLength(MINE_SHOWN);
    const rank = (l: string) => ['🔴', '🟡', '🟢'].findIndex((e) => l.startsWith(e));
    expect(lines.map(rank)).toEqual([...lines.map(rank)].sort());
    expect(shownText(mine)).toContain(locale === 'en' ? `most urgent of 300` : '共 300 项');
  });

  it('mine with nothing assigned says so', () => {
    const mine = buildMine(t, []);
    expect(messageProblems(mine)).toEqual([]);
    expect(shownText(mine)).toContain(t('mine.none'));
  });

  it('stats of the seed ledger by domain and by group, and 60 groups summarised', () => {
    const rows = generateSeedLedger();
    const plans = [
      ...new Map(
        rows.map((r) => [
          r.plan_code,
          {
            code: r.plan_code,
            domain: r.domain as (typeof DOMAINS)[number],
            groupCode: r.lead_group,
            stage: 'issued' as const,
          },
        ]),
      ).values(),
    ];
    const stats = computeStats(
      {
        plans,
        items: rows.map((r) => ({ planCode: r.plan_code, status: r.status as Status, dueOn: r.due_on || null })),
      },
      '2016-06-30',
      WEEKENDS_ONLY,
      3,
    );
    const names = new Map([['G1', '经济体制改革专项小组<script>']]);
    const byDomain = buildStats(t, stats, 'domain', names);
    expect(messageProblems(byDomain)).toEqual([]);
    for (const d of DOMAINS) expect(shownText(byDomain)).toContain(t(`domain.${d}`));
    const byGroup = buildStats(t, stats, 'group', names);
    expect(messageProblems(byGroup)).toEqual([]);
    expect(shownText(byGroup)).toContain('G1 经济体制改革专项小组&lt;script&gt;');

    const many = computeStats(
      {
        plans: Array.from({ length: 60 }, (_, i) => ({
          code: `P${i}`,
          domain: 'economic' as const,
          groupCode: `G${i}`,
          stage: 'issued' as const,
        })),
        items: Array.from({ length: 60 }, (_, i) => ({ planCode: `P${i}`, status: 'done' as const, dueOn: null })),
      },
      '2016-06-30',
      WEEKENDS_ONLY,
      3,
    );
    const summarised = buildStats(t, many, 'group', new Map(Array.from({ length: 60 }, (_, i) => [`G${i}`, CJK200])));
    expect(messageProblems(summarised)).toEqual([]);
    expect(shownText(summarised)).toContain('20');
  });
});

describe('catalogue text', () => {
  it('has no raw < or > in any /reform string (Slack would read them as markup)', async () => {
    const { slackCommandsCatalog } = await import('../../../src/i18n/catalog/slackCommands.ts');
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(slackCommandsCatalog[locale])) {
        const text =
          typeof message === 'function'
            ? (message as (p: unknown) => string)(new Proxy({}, { get: () => 'x' }))
            : message;
        expect(text, key).not.toMatch(/[<>]/);
      }
    }
  });
});
