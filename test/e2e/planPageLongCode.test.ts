// A plan code of thousands of characters pages end to end (issue 10, point 6): the paging buttons
// carry the plan's id, so their values stay within Slack's 2,000-character limit whatever the
// ledger calls a plan, and a click shows the asked page of that plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_PAGE_SIZE } from '../../src/blocks/commands/planFile.ts';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { type Answer, type Harness, startHarness } from '../support/appHarness.ts';
import { DEPARTMENTS, PEOPLE, type SeedPlan } from '../support/office.ts';
import { messageProblems } from '../support/slackLimits.ts';

const LONG_CODE = `P-${'长'.repeat(1500)}${'x'.repeat(1498)}`; // 3,000 characters

const LONG: SeedPlan = {
  code: LONG_CODE,
  title: '编号极长的方案',
  domain: 'political',
  group: 'G1',
  leadDepartment: DEPARTMENTS.ndrc,
  items: Array.from({ length: 95 }, (_, i) => ({
    code: String(i + 1),
    title: `事项${i + 1}`,
    dueOn: '2016-12-31',
    status: 'not_started' as const,
    departments: [DEPARTMENTS.ndrc],
  })),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ plans: [LONG] });
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
});
afterAll(async () => {
  await h.close();
});

function pageButtons(answer: Answer): { text: { text: string }; value: string }[] {
  const actions = answer.blocks.find((b) => b.type === 'actions') as
    | { elements: { action_id: string; text: { text: string }; value: string }[] }
    | undefined;
  if (!actions) throw new Error(`no paging buttons in: ${answer.shown.slice(0, 200)}`);
  expect(actions.elements.every((e) => e.action_id === ACTIONS.planPage)).toBe(true);
  return actions.elements;
}

describe('paging a plan whose code is 3,000 characters', () => {
  it('keeps every button value within 2,000 characters and pages forward and back', async () => {
    expect(LONG_CODE).toHaveLength(3000);
    const first = await h.slash(PEOPLE.stranger, `plan ${LONG_CODE}`);
    expect(first.shown).toContain(`Items 1–${PLAN_PAGE_SIZE} of 95 (page 1 of 3)`);
    expect(messageProblems(first)).toEqual([]);
    const next = pageButtons(first)[0]!;
    expect(next.value.length).toBeLessThanOrEqual(2000);

    const second = await h.click(PEOPLE.stranger, ACTIONS.planPage, next.value);
    expect(second.replaceOriginal).toBe(true);
    expect(second.shown).toContain(`Items ${PLAN_PAGE_SIZE + 1}–${2 * PLAN_PAGE_SIZE} of 95 (page 2 of 3)`);
    expect(messageProblems(second)).toEqual([]);
    const [previous, last] = pageButtons(second);
    expect([previous!.text.text, last!.text.text]).toEqual(['◀ Previous', 'Next ▶']);

    const third = await h.click(PEOPLE.stranger, ACTIONS.planPage, last!.value);
    expect(third.shown).toContain('Items 81–95 of 95 (page 3 of 3)');
    const back = await h.click(PEOPLE.stranger, ACTIONS.planPage, previous!.value);
    expect(back.shown).toContain('Items 1–40 of 95 (page 1 of 3)');
  });

  it("still reads a button posted before ids (it named the plan by code), and says a vanished plan's button is out of date", async () => {
    const old = await h.click(PEOPLE.stranger, ACTIONS.planPage, JSON.stringify({ planCode: LONG_CODE, page: 1 }));
    expect(old.shown).toContain('(page 2 of 3)');
    const gone = await h.click(PEOPLE.stranger, ACTIONS.planPage, JSON.stringify({ planId: 999_999, page: 1 }));
    expect(gone.shown).toContain('This button is out of date');
  });
});
