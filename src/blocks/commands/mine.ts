// `/reform mine`: the items a person answers for, most urgent first (red, then yellow, then
// green; within a light the earliest due date first; done items last). Long lists are
// summarised: the counts, then the MINE_SHOWN most urgent lines.
import { compareNatural } from '../../domain/naturalOrder.ts';
import type { Light } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { MyItem } from '../../store/mine.ts';
import {
  type Block,
  context,
  divider,
  header,
  itemLine,
  packLines,
  type SlackMessage,
  section,
} from '../parts/index.ts';

export const MINE_SHOWN = 40;

export interface MineItem extends MyItem {
  light: Light;
}

const LIGHT_RANK: Record<Light, number> = { red: 0, yellow: 1, green: 2 };

/** Red before yellow before green; open before done; earlier due first (undated last); then by code. */
function byUrgency(a: MineItem, b: MineItem): number {
  return (
    LIGHT_RANK[a.light] - LIGHT_RANK[b.light] ||
    Number(a.status === 'done') - Number(b.status === 'done') ||
    (a.dueOn ?? '9999-99-99').localeCompare(b.dueOn ?? '9999-99-99') ||
    compareNatural(a.planCode, b.planCode) ||
    compareNatural(a.code, b.code)
  );
}

export function buildMine(t: Translate, items: readonly MineItem[]): SlackMessage {
  const blocks: Block[] = [header(t('mine.title'))];
  if (items.length === 0) {
    blocks.push(section(t('mine.none')));
    return { text: t('mine.none'), blocks };
  }
  const sorted = [...items].sort(byUrgency);
  const lights = { red: 0, yellow: 0, green: 0 };
  let done = 0;
  for (const item of sorted) {
    lights[item.light] += 1;
    if (item.status === 'done') done += 1;
  }
  blocks.push(section(t('mine.summary', { total: items.length, done, ...lights })), divider());
  const shown = sorted.slice(0, MINE_SHOWN);
  blocks.push(...packLines(shown.map((item) => itemLine(t, { ...item, itemCode: item.code }))));
  if (sorted.length > shown.length) blocks.push(context(t('mine.more', { shown: shown.length, total: sorted.length })));
  return { text: t('mine.text', { total: items.length, red: lights.red }), blocks };
}
