// Answers for an item reference that names nothing, and for a refused change: each says exactly
// what is wrong or who may do it.
import { eq } from 'drizzle-orm';
import { escapeClip, itemRefText } from '../../../blocks/parts/index.ts';
import { plans } from '../../../db/schema.ts';
import type { ItemRef } from '../../../domain/itemRef.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { ItemDetail } from '../../../store/items.ts';
import type { SlackDeps } from '../../deps.ts';

/** "There is no plan P9" or "Plan P1 has no item 99". */
export function unknownItemText(deps: SlackDeps, t: Translate, ref: ItemRef): string {
  const plan = escapeClip(ref.planCode, 40);
  const planExists =
    deps.db.select({ id: plans.id }).from(plans).where(eq(plans.code, ref.planCode)).get() !== undefined;
  return planExists
    ? t('cmd.error.unknownItem', { plan, item: escapeClip(ref.itemCode, 40) })
    : t('cmd.error.unknownPlan', { plan });
}

/** "You may not update P1#3: only office admins, the leaders … of G1 …, and members of … may." */
export function refusalText(t: Translate, item: ItemDetail): string {
  const who = [t('cmd.refused.admins')];
  if (item.leadGroup)
    who.push(t('cmd.refused.group', { group: escapeClip(`${item.leadGroup.code} ${item.leadGroup.name}`, 120) }));
  if (item.departments.length > 0) {
    const names = item.departments.map((d) => d.name).join(t('cmd.refused.join'));
    who.push(t('cmd.refused.departments', { departments: escapeClip(names, 600) }));
  }
  const joined =
    who.length === 1
      ? (who[0] as string)
      : `${who.slice(0, -1).join(t('cmd.refused.join'))}${t('cmd.refused.lastJoin')}${who.at(-1)}`;
  return t('cmd.refused.update', { ref: itemRefText(item.plan.code, item.code), who: joined });
}
