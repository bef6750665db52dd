// The /reform planFile builder with the largest realistic data, in both languages: within Slack's
// limits, ledger text escaped, nothing left untranslated.
import { describe, expect, it } from 'vitest';
import {
  buildPlanFile,
  decodePlanPage,
  PLAN_PAGE_SIZE,
  type PlanFileItem,
} from '../../../src/blocks/commands/planFile.ts';
import { ACTIONS } from '../../../src/blocks/ids.ts';
import { type Light, LOCALES, type Status } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { messageProblems, shownText } from '../../support/slackLimits.ts';

const CJK200 = '深化投融资体制改革建立健全政府投资管理制度'.repeat(10); // 200 characters

const STATUSES: Status[] = ['done', 'started', 'not_started'];

const LIGHTS: Light[] = ['red', 'yellow', 'green'];

describe.each(LOCALES)('the planFile builder in %s', (locale) => {
  const t = translator(locale);

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
});
