// The digest's ranking replies: lines, movement marks, the rule as a footnote, and Slack's limits
// with the largest realistic data (2,000 departments with long hostile names) in both languages.
import { describe, expect, it } from 'vitest';
import { rankingReplies } from '../../../src/blocks/messages/digestRanking.ts';
import type { RankingRow, Rankings } from '../../../src/domain/ranking.ts';
import type { Locale } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { messageProblems, textsOf } from '../../support/slackLimits.ts';

const row = (unit: string, rank: number, movement: RankingRow['movement'], over: Partial<RankingRow> = {}) => ({
  unit,
  rank,
  rate: 50,
  onTime: 1,
  dueSoFar: 2,
  overdue: 3,
  movement,
  ...over,
});

const SMALL: Rankings = {
  asOf: '2026-11-30',
  previousAsOf: '2026-11-23',
  departments: [
    row('发展改革委', 1, { kind: 'up', places: 2 }, { rate: 100, onTime: 2, overdue: 0 }),
    row('财政厅', 2, { kind: 'down', places: 1 }),
    row('教育厅', 2, { kind: 'same' }),
    row('审计厅', 4, { kind: 'new' }, { rate: 0, onTime: 0 }),
  ],
  groups: [],
};

const label = (code: string) => `${code} 专项小组`;
const shown = (locale: Locale, data: Rankings) =>
  rankingReplies(translator(locale), data, '2026-W49', label).map((m) => textsOf(m.blocks).join('\n'));

describe('ranking replies', () => {
  it('lists rank, name, rate, counts, overdue and movement; the rule closes each list (zh-CN)', () => {
    const [departments, groups] = shown('zh-CN', SMALL);
    expect(departments).toContain('*动态排名 · 按责任单位（按期完成率）*');
    expect(departments).toContain('1. *发展改革委* 100.0%（到期 2 项，按期完成 2 项）· 逾期 0 项 · ↑2');
    expect(departments).toContain('2. *财政厅* 50.0%（到期 2 项，按期完成 1 项）· 逾期 3 项 · ↓1');
    expect(departments).toContain('2. *教育厅* 50.0%（到期 2 项，按期完成 1 项）· 逾期 3 项 · —');
    expect(departments).toContain('4. *审计厅* 0.0%（到期 2 项，按期完成 0 项）· 逾期 3 项 · 新');
    expect(departments).toContain('完成率相同者名次并列（1、2、2、4）');
    expect(departments).toContain('与按事项历史重算的 2026-11-23 排名相比');
    expect(groups).toContain('暂无到期事项，不排名。');
    expect(groups).toContain('排名规则');
  });

  it('says the same in English', () => {
    const [departments, groups] = shown('en', SMALL);
    expect(departments).toContain('1. *发展改革委* 100.0% (2 of 2 due done on time) · 0 overdue · ↑2');
    expect(departments).toContain('4. *审计厅* 0.0% (0 of 2 due done on time) · 3 overdue · new');
    expect(departments).toContain('Equal rates share a rank (1, 2, 2, 4)');
    expect(departments).toContain('against the ranking as of 2026-11-23');
    expect(groups).toContain('No item is due yet: nothing to rank.');
  });

  it.each(['zh-CN', 'en'] as Locale[])(
    'stays within Slack limits for 2,000 departments and 600 groups (%s)',
    (locale) => {
      const hostile = `<!channel> *粗体* & ${'很长的责任单位名称'.repeat(30)}`;
      const big: Rankings = {
        ...SMALL,
        departments: Array.from({ length: 2000 }, (_, i) =>
          row(
            `${hostile}${i}`,
            i + 1,
            { kind: 'down', places: 1999 },
            { dueSoFar: 250_000, onTime: 249_999, overdue: 250_000 },
          ),
        ),
        groups: Array.from({ length: 600 }, (_, i) => row(`G${i}`, i + 1, { kind: 'up', places: 599 })),
      };
      const messages = rankingReplies(translator(locale), big, '2026-W49', label);
      expect(messages.length).toBeGreaterThan(2);
      for (const m of messages) expect(messageProblems(m)).toEqual([]);
      const all = messages.map((m) => textsOf(m.blocks).join('\n')).join('\n');
      expect(all).not.toContain('<!channel>');
      expect(all).toContain('&lt;!channel&gt;');
      // every department and group has its line, however the lists were split
      expect(all.match(/^\d+\. \*/gm)).toHaveLength(2600);
      for (let g = 0; g < 600; g += 97) expect(all).toContain(`*G${g} 专项小组*`);
    },
  );
});
