// The item card as one person sees it: light as of today, the last changes, and the buttons
// only when that person may update the item.

import { buildItemCard, CARD_FILES } from '../../../blocks/commands/itemCard.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { lightsAsOf } from '../../../domain/asOfToday.ts';
import { overdueWorkdays } from '../../../domain/lights.ts';
import { mayUpdateItem, type Person } from '../../../domain/permissions.ts';
import { mayReview } from '../../../domain/review.ts';
import type { Translate } from '../../../i18n/index.ts';
import { evidenceOfItem, fileCountsOfChanges } from '../../../store/evidenceFiles.ts';
import { pendingExtension } from '../../../store/extensions.ts';
import { type ItemDetail, recentHistory } from '../../../store/items.ts';
import { loadReviewer, reviewViewOf } from '../../../store/reviews.ts';
import type { SlackDeps } from '../../deps.ts';
import { officeAsOf } from './request.ts';

const CARD_HISTORY = 5;

export function itemCardFor(deps: SlackDeps, t: Translate, item: ItemDetail, person: Person): SlackMessage {
  const today = officeAsOf(deps);
  const light = lightsAsOf(today)(item);
  const history = recentHistory(deps.db, item.id, CARD_HISTORY);
  return buildItemCard(t, {
    item,
    light,
    overdueWorkdays: item.status === 'done' ? 0 : overdueWorkdays(item.dueOn, today.asOf, today.calendar),
    history,
    evidence: evidenceOfItem(deps.db, item.id, CARD_FILES),
    fileCounts: fileCountsOfChanges(
      deps.db,
      history.map((h) => h.id),
    ),
    timeZone: deps.config.REFORM_TZ,
    canUpdate: mayUpdateItem(person, item).allowed,
    ...pendingOf(deps, item.id),
    ...reviewOnCard(deps, item, person),
  });
}

function pendingOf(deps: SlackDeps, itemId: number): Pick<Parameters<typeof buildItemCard>[1], 'pendingExtension'> {
  const pending = pendingExtension(deps.db, itemId);
  return pending ? { pendingExtension: { requestedBy: pending.requestedBy, toDueOn: pending.toDueOn } } : {};
}

/** Done items show their review; Confirm / Return for those who may decide it (README "Review of claimed results"). */
function reviewOnCard(deps: SlackDeps, item: ItemDetail, person: Person) {
  const review = reviewViewOf(deps.db, item);
  if (!review) return {};
  const reviewer = loadReviewer(deps.db, person.userId);
  return {
    review,
    canReview: mayReview(reviewer, { leadGroupId: item.leadGroup?.id ?? null }, review.claimedBy).allowed,
  };
}
