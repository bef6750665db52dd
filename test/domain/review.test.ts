import { describe, expect, it } from 'vitest';
import { doneForCloseout, mayReview, type Reviewer, reviewRecipients } from '../../src/domain/review.ts';

const liaisonOf = (userId: string, ...groups: number[]): Reviewer => ({
  userId,
  isAdmin: false,
  liaisonOf: new Set(groups),
});
const admin: Reviewer = { userId: 'UADM', isAdmin: true, liaisonOf: new Set() };

describe('mayReview', () => {
  it('lets the lead group’s liaison and an office admin decide', () => {
    expect(mayReview(liaisonOf('ULIA', 1), { leadGroupId: 1 }, 'UDEPT')).toEqual({ allowed: true });
    expect(mayReview(admin, { leadGroupId: 1 }, 'UDEPT')).toEqual({ allowed: true });
    expect(mayReview(admin, { leadGroupId: null }, 'UDEPT')).toEqual({ allowed: true });
  });

  it('refuses a liaison of another group, anyone without the role, and a plan with no group', () => {
    expect(mayReview(liaisonOf('ULIA', 2), { leadGroupId: 1 }, 'UDEPT')).toEqual({
      allowed: false,
      reason: 'notReviewer',
    });
    expect(mayReview(liaisonOf('UDEPT'), { leadGroupId: 1 }, 'UX')).toEqual({ allowed: false, reason: 'notReviewer' });
    expect(mayReview(liaisonOf('ULIA', 1), { leadGroupId: null }, 'UX')).toEqual({
      allowed: false,
      reason: 'notReviewer',
    });
  });

  it('refuses a liaison their own claim; an admin may decide theirs', () => {
    expect(mayReview(liaisonOf('ULIA', 1), { leadGroupId: 1 }, 'ULIA')).toEqual({ allowed: false, reason: 'ownClaim' });
    expect(mayReview(admin, { leadGroupId: 1 }, 'UADM')).toEqual({ allowed: true });
    // Imported as done: nobody claimed it, so no one is refused as the claimant.
    expect(mayReview(liaisonOf('ULIA', 1), { leadGroupId: 1 }, null)).toEqual({ allowed: true });
  });
});

describe('reviewRecipients', () => {
  it('asks the liaisons, once each', () => {
    expect(reviewRecipients({ liaisons: ['UL1', 'UL2', 'UL1'], admins: ['UA'], claimedBy: 'UD' })).toEqual([
      'UL1',
      'UL2',
    ]);
  });

  it('asks the office admins when the group has no liaison, or only the claimant', () => {
    expect(reviewRecipients({ liaisons: [], admins: ['UA1', 'UA2'], claimedBy: 'UD' })).toEqual(['UA1', 'UA2']);
    expect(reviewRecipients({ liaisons: ['UL1'], admins: ['UA1'], claimedBy: 'UL1' })).toEqual(['UA1']);
  });

  it('never asks the claimant; nobody when nobody else is left', () => {
    expect(reviewRecipients({ liaisons: [], admins: ['UA1'], claimedBy: 'UA1' })).toEqual([]);
  });
});

describe('doneForCloseout', () => {
  it('counts every reported done item unless review is required', () => {
    expect(doneForCloseout({ done: 5, confirmedDone: 2 }, false)).toBe(5);
    expect(doneForCloseout({ done: 5, confirmedDone: 2 }, true)).toBe(2);
  });
});
