// Who may do what, the actions not already in test/e2e/commandsPermissions.test.ts (which covers
// the one-line update, the card buttons and the read-only commands for every role): the
// status-update modal, the docking arrangement, `/reform central` and its modal, and close-out.
// Every role × action, end to end; a refused action answers why and changes nothing.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { encodeCloseoutValue } from '../../src/blocks/messages/closeout.ts';
import { ARRANGEMENT_BLOCKS, encodeArrangementMetadata } from '../../src/blocks/modals/arrangement.ts';
import { CENTRAL_BLOCKS, groupOptionValue } from '../../src/blocks/modals/centralRegister.ts';
import { centralPlans, plans } from '../../src/db/schema.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { planFingerprint } from '../../src/store/closeout.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { allTables, snapshot } from '../support/db.ts';
import { historyOf, itemOf, updateSubmission } from '../support/items.ts';
import { DEPARTMENTS, NOW, PEOPLE, type SeedPlan } from '../support/office.ts';
import { BASE_PLANS } from '../support/officePlans.ts';
import { blockActions, type Json, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction, type SlackHttpResult } from '../support/signedRequest.ts';
import { textsOf } from '../support/slackLimits.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

type Role = keyof typeof PEOPLE;
const ROLES = Object.keys(PEOPLE) as Role[];
const G1_PEOPLE: Role[] = ['admin', 'g1Leader', 'g1Deputy', 'g1Liaison'];
const MAY = {
  'update by the modal': (r: Role) => [...G1_PEOPLE, 'ndrcMember', 'financeMember'].includes(r),
  'answer a follow-up of G1': (r: Role) => G1_PEOPLE.includes(r),
  'open /reform central': (r: Role) => r === 'admin',
  'register a central plan': (r: Role) => r === 'admin',
  'confirm a close-out': (r: Role) => r === 'admin',
} as const;
type Action = keyof typeof MAY;

/** Per role: an open item (G1; NDRC and finance responsible) and a plan ready to close. */
const PER_ROLE: SeedPlan[] = [
  {
    code: 'M',
    title: '权限矩阵方案',
    domain: 'economic',
    group: 'G1',
    leadDepartment: DEPARTMENTS.ndrc,
    items: ROLES.map((r) => ({
      code: r,
      title: `${r} 的事项`,
      dueOn: '2016-12-31',
      status: 'not_started',
      departments: [DEPARTMENTS.ndrc, DEPARTMENTS.finance],
    })),
  },
  ...ROLES.map(
    (r): SeedPlan => ({
      code: `C-${r}`,
      title: `${r} 可销账方案`,
      domain: 'social',
      group: 'G1',
      leadDepartment: DEPARTMENTS.ndrc,
      items: [{ code: '1', title: '已完成', dueOn: '2016-01-01', status: 'done', departments: [DEPARTMENTS.ndrc] }],
    }),
  ),
];

let h: Harness;
const centralIdOf = new Map<Role, number>();
beforeAll(async () => {
  h = await startHarness({ plans: [...BASE_PLANS, ...PER_ROLE] });
  for (const user of Object.values(PEOPLE)) await h.setLocale(user, 'en-US');
  for (const role of ROLES) {
    const r = registerCentralPlan(
      h.db,
      { title: `中央方案 ${role}`, passedOn: '2016-06-29', groupCode: 'G1', createdBy: PEOPLE.admin },
      { now: NOW, timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    if (r.kind === 'invalid') throw new Error('fixture');
    centralIdOf.set(role, r.id);
  }
  // Warm the locale cache, so a refused action has nothing at all to write.
  for (const user of Object.values(PEOPLE)) await h.slash(user, 'help');
});
afterAll(async () => {
  await h.close();
});

const post = (payload: Json) => postInteraction(h.baseUrl, SIGNING_SECRET, payload);
const errorsOf = (res: SlackHttpResult) => JSON.stringify((res.json as { errors?: unknown } | undefined)?.errors ?? {});
const planRow = (code: string) => h.db.select().from(plans).where(eq(plans.code, code)).get()!;
const centralRow = (id: number) => h.db.select().from(centralPlans).where(eq(centralPlans.id, id)).get()!;

/** Does the action as `role`; returns whether it took effect, and what the person was told. */
const ACT: Record<Action, (role: Role) => Promise<{ applied: boolean; told: string }>> = {
  async 'update by the modal'(role) {
    const ref = `M#${role}`;
    const res = await post(updateSubmission(h.db, { user: PEOPLE[role], ref, status: 'started', note: `by ${role}` }));
    return {
      applied: historyOf(h.db, itemOf(h.db, ref).id).some((r) => r.actor === PEOPLE[role]),
      told: errorsOf(res),
    };
  },
  async 'answer a follow-up of G1'(role) {
    const id = centralIdOf.get(role)!;
    const values = {
      [ARRANGEMENT_BLOCKS.lead]: { value: stateValue.text('省发改委') },
      [ARRANGEMENT_BLOCKS.drafts]: { value: stateValue.radio('no') },
      [ARRANGEMENT_BLOCKS.target]: { value: stateValue.date(null) },
      [ARRANGEMENT_BLOCKS.note]: { value: stateValue.text(null) },
    };
    const res = await post(
      viewSubmission({
        user_id: PEOPLE[role],
        callback_id: VIEWS.followupArrangement,
        private_metadata: encodeArrangementMetadata({ centralPlanId: id, channel: 'C0G1' }),
        values,
      }),
    );
    return { applied: centralRow(id).arrangedBy === PEOPLE[role], told: errorsOf(res) };
  },
  async 'open /reform central'(role) {
    h.standIn.reset();
    const res = await h.slashRaw(PEOPLE[role], 'central', { responseUrlId: `central-${role}` });
    expect(res.status).toBe(200);
    if (MAY['open /reform central'](role)) {
      const open = await h.standIn.waitFor(
        'views.open',
        (c) => (c.args.view as { callback_id?: string }).callback_id === VIEWS.centralRegister,
      );
      return { applied: open !== undefined, told: '' };
    }
    const told = await h.waitAnswer(`central-${role}`);
    return { applied: h.standIn.callsTo('views.open').length > 0, told: told.shown };
  },
  async 'register a central plan'(role) {
    const title = `由 ${role} 登记的中央方案`;
    const values = {
      [CENTRAL_BLOCKS.title]: { value: stateValue.text(title) },
      [CENTRAL_BLOCKS.passedOn]: { value: stateValue.date('2016-06-29') },
      [CENTRAL_BLOCKS.group]: { value: stateValue.staticSelect(groupOptionValue(1)) },
      [CENTRAL_BLOCKS.meeting]: { value: stateValue.text(null) },
      [CENTRAL_BLOCKS.url]: { value: stateValue.text(null) },
    };
    const res = await post(viewSubmission({ user_id: PEOPLE[role], callback_id: VIEWS.centralRegister, values }));
    return {
      applied: h.db.select().from(centralPlans).where(eq(centralPlans.title, title)).get() !== undefined,
      told: errorsOf(res),
    };
  },
  async 'confirm a close-out'(role) {
    const plan = planRow(`C-${role}`);
    const value = encodeCloseoutValue({ planId: plan.id, fingerprint: planFingerprint(h.db, plan.id).fingerprint });
    const id = `closeout-${role}`;
    await post(
      blockActions({
        user_id: PEOPLE[role],
        action_id: ACTIONS.closeoutConfirm,
        value,
        response_url: h.standIn.responseUrl(id),
        source: { kind: 'message', channel_id: 'C0ADMIN', blocks: [] },
      }),
    );
    if (MAY['confirm a close-out'](role)) {
      await expect.poll(() => planRow(`C-${role}`).stage).toBe('closed');
      return { applied: true, told: '' };
    }
    const told = await h.waitAnswer(id);
    return {
      applied: planRow(`C-${role}`).stage === 'closed',
      told: String(told.call.args.text ?? '') + textsOf(told.blocks).join('\n'),
    };
  },
};

const REFUSAL: Record<Action, string> = {
  'update by the modal':
    'You may not update this item. Only office admins, the leaders, deputies and liaisons of 经济体制改革专项小组, and members of 省发改委、省财政厅 may.',
  'answer a follow-up of G1':
    'Only the leaders, deputies and liaisons of special group G1, or office admins, can send this docking arrangement.',
  'open /reform central': 'Only office admins (改革办) can register central plans',
  'register a central plan': 'Only office admins (改革办) can register central plans',
  'confirm a close-out':
    'Only office admins (改革办) can close out plans: you are not listed under admins in the org file. Nothing was changed.',
};

describe.each(Object.keys(MAY) as Action[])('%s', (action) => {
  it.each(ROLES)('%s', async (role) => {
    const allowed = MAY[action](role);
    const before = snapshot(h.db, allTables(h.db));
    const outcome = await ACT[action](role);
    expect(outcome.applied).toBe(allowed);
    if (!allowed) {
      expect(outcome.told).toContain(REFUSAL[action]);
      expect(snapshot(h.db, allTables(h.db))).toEqual(before);
    }
  });
});
