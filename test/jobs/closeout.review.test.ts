// Close-out with REVIEW_REQUIRED_FOR_CLOSEOUT (README "Review of claimed results"): off (the
// default), every reported done item counts, as the seed's figures do; on, only done items whose
// current claim a reviewer confirmed.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import type { Reviewer } from '../../src/domain/review.ts';
import { runCloseout } from '../../src/jobs/closeout.ts';
import { closePlan, findNewCloseoutCandidates } from '../../src/store/closeout.ts';
import { changeItem } from '../../src/store/items.ts';
import { currentClaim, decideReview } from '../../src/store/reviews.ts';
import { jobContext, memoryDb, testConfig } from '../support/jobs.ts';
import { ADMINS, addNumberedPlan, allDone, seedOrg } from '../support/office.ts';

const MONDAY = '2026-11-30T09:00:00+08:00';
const at = new Date(MONDAY);
const office: Reviewer = { userId: ADMINS[0], isAdmin: true, liaisonOf: new Set() };
const ON = { reviewRequired: true };
const OFF = { reviewRequired: false };

let db: Db;
let plan: { planId: number; itemIds: number[] };
beforeEach(() => {
  db = memoryDb();
  plan = addNumberedPlan(db, {
    code: 'P1',
    groupId: seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true }).g1,
    items: allDone(2),
  });
});

function confirm(itemId: number, key: string) {
  const claimId = currentClaim(db, itemId).claimId;
  return decideReview(db, {
    itemId,
    claimId,
    decision: 'confirmed',
    reviewer: office,
    at,
    today: '2026-11-30',
    requestKey: key,
  });
}
const codes = (rule: { reviewRequired: boolean }) => findNewCloseoutCandidates(db, rule).map((c) => c.code);

describe('close-out candidates', () => {
  it('off: a plan whose items are all reported done is ready', () => {
    expect(codes(OFF)).toEqual(['P1']);
  });

  it('on: ready only once every item is confirmed', () => {
    expect(codes(ON)).toEqual([]);
    expect(confirm(plan.itemIds[0] as number, 'a').kind).toBe('decided');
    expect(codes(ON)).toEqual([]);
    expect(confirm(plan.itemIds[1] as number, 'b').kind).toBe('decided');
    expect(codes(ON)).toEqual(['P1']);
  });

  it('on: a confirmation counts only for the claim it was given; a new claim must be confirmed again', () => {
    for (const [i, id] of plan.itemIds.entries()) confirm(id, `c${i}`);
    const first = plan.itemIds[0] as number;
    changeItem(db, { itemId: first, status: 'started', actor: 'U0X', source: 'slack', at });
    changeItem(db, { itemId: first, status: 'done', note: '重新完成', actor: 'U0X', source: 'slack', at });
    expect(codes(ON)).toEqual([]);
    expect(codes(OFF)).toEqual(['P1']);
    confirm(first, 'again');
    expect(codes(ON)).toEqual(['P1']);
  });
});

describe('closing a plan', () => {
  it('on: refuses a plan with unconfirmed items (counting the confirmed ones), unless forced', () => {
    confirm(plan.itemIds[0] as number, 'a');
    const req = { planId: plan.planId, by: ADMINS[0], today: '2026-11-30', at };
    expect(closePlan(db, { ...req, rule: ON })).toEqual({ kind: 'notClosable', code: 'P1', items: 2, done: 1 });
    expect(closePlan(db, { ...req, rule: ON, force: true }).kind).toBe('closed');
  });

  it('off: closes it on reported status', () => {
    const req = { planId: plan.planId, by: ADMINS[0], today: '2026-11-30', at };
    expect(closePlan(db, { ...req, rule: OFF }).kind).toBe('closed');
  });
});

describe('the close-out job reads the setting', () => {
  it('proposes nothing with REVIEW_REQUIRED_FOR_CLOSEOUT=true until confirmed, and proposes by default', () => {
    const on = testConfig({ REVIEW_REQUIRED_FOR_CLOSEOUT: 'true' });
    expect(on.REVIEW_REQUIRED_FOR_CLOSEOUT).toBe(true);
    expect(testConfig().REVIEW_REQUIRED_FOR_CLOSEOUT).toBe(false);
    expect(runCloseout(jobContext(db, MONDAY, on)).queued).toBe(0);
    for (const [i, id] of plan.itemIds.entries()) confirm(id, `k${i}`);
    expect(runCloseout(jobContext(db, MONDAY, on)).queued).toBe(ADMINS.length);
  });

  it('an unreadable value stops with the variable named', () => {
    expect(() => testConfig({ REVIEW_REQUIRED_FOR_CLOSEOUT: 'maybe' })).toThrow(
      /REVIEW_REQUIRED_FOR_CLOSEOUT: "maybe" is not true or false/,
    );
    expect(testConfig({ REVIEW_REQUIRED_FOR_CLOSEOUT: 'OFF' }).REVIEW_REQUIRED_FOR_CLOSEOUT).toBe(false);
  });
});
