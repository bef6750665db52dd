// The /reform mine builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import { buildMine, MINE_SHOWN, type MineItem } from '../../../src/blocks/commands/mine.ts';
import { type Light, LOCALES, type Status } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

const CJK200 = '深化投融资体制改革建立健全政府投资管理制度'.repeat(10); // 200 characters

const LIGHTS: Light[] = ['red', 'yellow', 'green'];

describe.each(LOCALES)('the mine builder in %s', (locale) => {
  const t = translator(locale);

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
});
