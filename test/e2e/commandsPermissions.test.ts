// Who may do what (docs/PRACTICE.md "Who may do what"), as a table of roles × actions, end to end. Office admins:
// everything; the leaders, deputies and liaisons of the plan's lead group and the members of
// the item's departments: update it; everyone: read cards, plan files and statistics. A refused
// action says why and changes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, encodeItemButton } from '../../src/blocks/ids.ts';
import { itemHistory, items, plans } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { DEPARTMENTS, PEOPLE, type SeedPlan } from '../support/office.ts';
import { BASE_PLANS } from '../support/officePlans.ts';

type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];
const MAY_UPDATE: Record<Role, boolean> = {
  admin: true,
  g1Leader: true,
  g1Deputy: true,
  g1Liaison: true,
  ndrcMember: true,
  financeMember: true,
  g2Leader: false,
  educationMember: false,
  stranger: false,
};
// Mark done opens the update form (done needs evidence): its permission is the form's, on submission.
const WRITES = ['update one-line', 'done one-line', 'mark started'] as const;
const READS = ['item card', 'plan file', 'stats', 'mine'] as const;

// One fresh item per (role, write action), all owned alike: group G1, departments NDRC and finance.
const TABLE: SeedPlan = {
  code: 'P7',
  title: '权限测试方案',
  domain: 'economic',
  group: 'G1',
  leadDepartment: DEPARTMENTS.ndrc,
  items: ROLES.flatMap((role) =>
    WRITES.map((action) => ({
      code: `${role}-${action.replace(/ /g, '_')}`,
      title: `${role} ${action}`,
      dueOn: '2016-12-31',
      status: 'not_started' as const,
      departments: [DEPARTMENTS.ndrc, DEPARTMENTS.finance],
    })),
  ),
};

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ plans: [...BASE_PLANS, TABLE] });
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
});
afterAll(async () => {
  await h.close();
});

function itemOf(code: string) {
  const plan = h.db.select().from(plans).where(eq(plans.code, 'P7')).get()!;
  return h.db
    .select()
    .from(items)
    .all()
    .find((i) => i.planId === plan.id && i.code === code)!;
}

describe.each(ROLES)('%s', (role) => {
  const user = PEOPLE[role];
  const allowed = MAY_UPDATE[role];

  it.each(WRITES)(`${allowed ? 'may' : 'may not'} %s`, async (action) => {
    const code = `${role}-${action.replace(/ /g, '_')}`;
    const item = itemOf(code);
    const value = encodeItemButton({ itemId: item.id, version: item.version });
    const answer =
      action === 'mark started'
        ? await h.click(user, ACTIONS.itemMarkStarted, value)
        : await h.slash(
            user,
            action === 'update one-line' ? `update P7#${code} started` : `update P7#${code} done evidence filed`,
          );
    const history = h.db.select().from(itemHistory).where(eq(itemHistory.itemId, item.id)).all();
    const after = itemOf(code);
    if (allowed) {
      expect(answer.shown).toContain(`Updated P7#${code}`);
      expect(history).toHaveLength(1);
      expect(history[0]?.actor).toBe(user);
      expect(after.version).toBe(item.version + 1);
    } else {
      expect(answer.shown).toContain(
        `You may not update P7#${code}: only office admins, the leaders, deputies and liaisons of G1 经济体制改革专项小组 and members of 省发改委, 省财政厅 may. Nothing was changed.`,
      );
      expect(answer.ephemeral).toBe(true);
      expect(history).toHaveLength(0);
      expect(after).toEqual(item);
    }
  });

  it.each(READS)('may read: %s', async (action) => {
    const text = { 'item card': 'item P1#1', 'plan file': 'plan P1', stats: 'stats', mine: 'mine' }[action];
    const answer = await h.slash(user, text);
    expect(answer.shown).not.toContain('You may not');
    expect(answer.shown).not.toContain('Something went wrong');
    if (action === 'item card') {
      const hasButtons = answer.blocks.some((b) => b.type === 'actions');
      expect(hasButtons).toBe(allowed);
      if (!allowed) expect(answer.shown).toContain('You can read this item.');
    }
  });
});
