// Routing by id through one Bolt listener per kind: exact ids only (the dots in `item.mark_done`
// are not wildcards), and one handler per id.
import { describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../../src/blocks/ids.ts';
import { anyOf, mergeRoutes } from '../../../src/slack/listeners/routes.ts';

const noop = async () => {};

describe('anyOf', () => {
  it('matches each id exactly, and nothing that merely resembles one', () => {
    const pattern = anyOf([ACTIONS.itemMarkDone, ACTIONS.planPage]);
    expect(pattern.test('item.mark_done')).toBe(true);
    expect(pattern.test('plan.page')).toBe(true);
    expect(pattern.test('itemXmark_done')).toBe(false);
    expect(pattern.test('item.mark_done_now')).toBe(false);
    expect(pattern.test('xplan.page')).toBe(false);
  });
});

describe('mergeRoutes', () => {
  it('puts the tables together by kind', () => {
    const merged = mergeRoutes(
      { actions: { [ACTIONS.itemMarkDone]: noop } },
      { actions: { [ACTIONS.planPage]: noop }, views: { [VIEWS.itemUpdate]: noop } },
    );
    expect(Object.keys(merged.actions ?? {})).toEqual([ACTIONS.itemMarkDone, ACTIONS.planPage]);
    expect(Object.keys(merged.views ?? {})).toEqual([VIEWS.itemUpdate]);
  });

  it('refuses two handlers for one id', () => {
    expect(() =>
      mergeRoutes({ actions: { [ACTIONS.planPage]: noop } }, { actions: { [ACTIONS.planPage]: noop } }),
    ).toThrow('two listeners for actions id plan.page');
  });

  it('lets an action and a select share an id: they are different kinds', () => {
    const merged = mergeRoutes(
      { actions: { [ACTIONS.updatePlanSelect]: noop } },
      { options: { [ACTIONS.updatePlanSelect]: noop } },
    );
    expect(merged.actions?.[ACTIONS.updatePlanSelect]).toBe(noop);
    expect(merged.options?.[ACTIONS.updatePlanSelect]).toBe(noop);
  });
});
