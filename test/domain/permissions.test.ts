// The whole permission table, with fixed people and items: who may update an item, administer,
// answer a follow-up, fill a round's self-check.
import { describe, expect, it } from 'vitest';
import {
  mayAdminister,
  mayFillRound,
  mayRecordArrangement,
  mayUpdateItem,
  type OwnedItem,
  type Person,
} from '../../src/domain/permissions.ts';

const person = (p: Partial<Person>): Person => ({
  userId: 'U1',
  isAdmin: false,
  groupIds: new Set(),
  departmentIds: new Set(),
  ...p,
});

const admin = person({ isAdmin: true });
const leaderOf7 = person({ groupIds: new Set([7]) });
const leaderOf8 = person({ groupIds: new Set([8]) });
const memberOfDept3 = person({ departmentIds: new Set([3]) });
const nobody = person({});

const item: OwnedItem = { leadGroup: { id: 7 }, departments: [{ id: 3 }, { id: 4 }] };
const orphan: OwnedItem = { leadGroup: null, departments: [] };

describe('mayUpdateItem', () => {
  it.each([
    ['an office admin', admin, item, true],
    ['an admin, on an item nobody owns', admin, orphan, true],
    ['the lead group', leaderOf7, item, true],
    ['another group', leaderOf8, item, false],
    ['a responsible department', memberOfDept3, item, true],
    ['someone with no role', nobody, item, false],
    ['a group member, on an item without a lead group', leaderOf7, orphan, false],
  ])('%s', (_who, who, what, allowed) => {
    const decision = mayUpdateItem(who, what);
    expect(decision.allowed).toBe(allowed);
    if (!decision.allowed) expect(decision.reason).toBe('notResponsible');
  });
});

describe('mayAdminister', () => {
  it('is the office alone: a group leader or a department member is refused as notAdmin', () => {
    expect(mayAdminister(admin)).toEqual({ allowed: true });
    for (const who of [leaderOf7, memberOfDept3, nobody])
      expect(mayAdminister(who)).toEqual({ allowed: false, reason: 'notAdmin' });
  });
});

describe('mayRecordArrangement', () => {
  it.each([
    ['an office admin, for any group', admin, 7, true],
    ['the group', leaderOf7, 7, true],
    ['another group', leaderOf8, 7, false],
    ['a department member', memberOfDept3, 7, false],
  ])('%s', (_who, who, groupId, allowed) => {
    expect(mayRecordArrangement(who, groupId).allowed).toBe(allowed);
  });
});

describe('mayFillRound', () => {
  it.each([
    ['year-end, the lead group', leaderOf7, 'year-end', 7, { allowed: true }],
    ['year-end, the office', admin, 'year-end', 7, { allowed: true }],
    ['year-end, another group', leaderOf8, 'year-end', 7, { allowed: false, reason: 'notLeadGroup' }],
    ['year-end, a plan without a lead group', leaderOf7, 'year-end', null, { allowed: false, reason: 'notLeadGroup' }],
    ['mid-year, the lead group', leaderOf7, 'mid-year', 7, { allowed: false, reason: 'notAdmin' }],
    ['mid-year, the office', admin, 'mid-year', 7, { allowed: true }],
    ['special, the lead group', leaderOf7, 'special', 7, { allowed: false, reason: 'notAdmin' }],
  ] as const)('%s', (_case, who, kind, leadGroupId, expected) => {
    expect(mayFillRound(who, kind, leadGroupId)).toEqual(expected);
  });
});
