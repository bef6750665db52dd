// The /reform stats builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { buildStats } from '../../../src/blocks/commands/stats.ts';
import { computeStats } from '../../../src/domain/stats.ts';
import { DOMAINS, LOCALES, type Status } from '../../../src/domain/types.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { translator } from '../../../src/i18n/index.ts';
import { generateSeedLedger } from '../../fixtures/seedLedger.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

const CJK200 = '深化投融资体制改革建立健全政府投资管理制度'.repeat(10); // 200 characters

describe.each(LOCALES)('the stats builder in %s', (locale) => {
  const t = translator(locale);

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
