// The App Home tab: a person's own items by traffic light, their groups' plans with progress,
// and for office admins the overall figures and the plans ready to close. Pure: data in, view out.
//
// Slack allows 100 blocks in a Home view. The budget, whatever the data:
//   header + context                                    2
//   my items: summary + 3 light headings + 13 items + more   18
//   groups: up to MAX_GROUPS x (summary + plan sections + more + divider)   ~ 4 x 6
//   reviews: header + 5 x (line + buttons) + more      12
//   admin: header + figures + by group + closable (+ more)    6
//   footer                                               2
// Long lists are cut with a pointer to the command that shows everything.
import type { types } from '@slack/bolt';
import { percent } from '../../domain/rates.ts';
import type { Light } from '../../domain/types.ts';
import { LIGHTS } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { GroupProgress, HomeData, PlanProgress, WorkItem } from '../../store/home.ts';
import { ACTIONS, encodeItemButton } from '../ids.ts';
import { reviewButtons } from '../messages/review.ts';
import { type Block, context, divider, header, packLines, section } from '../parts/blocks.ts';
import { itemLine, itemRefText } from '../parts/itemLine.ts';
import { plain } from '../parts/plainText.ts';
import { progressBar } from '../parts/progressBar.ts';
import { lightLabel } from '../parts/status.ts';
import { escapeClip } from '../parts/text.ts';
import { actorText, formatInstant } from '../parts/who.ts';

export const HOME_BLOCKS_MAX = 100;
/** Groups shown in full; a person rarely holds roles in more than two. */
export const MAX_GROUPS = 4;
/** Plan lines per group; a group leads about ten plans, 40 at the very most. */
const MAX_PLAN_LINES = 50;
/** Group lines in the admin overview (a province has about nine groups). */
const MAX_GROUP_LINES = 30;
/** Title characters on a Home line; the card (`/reform item`) shows the whole title. */
const ITEM_TITLE_MAX = 60;
const PLAN_TITLE_MAX = 30;

const rate = (done: number, total: number) => `${percent(done, total).toFixed(1)}%`;

export function homeView(t: Translate, data: HomeData): types.HomeView {
  const blocks: Block[] = [header(t('home.header')), context(introLine(t, data))];
  if (data.reviews) blocks.push(...reviewSection(t, data.reviews), divider());
  blocks.push(...myItems(t, data), divider());
  const groups = data.groups.slice(0, MAX_GROUPS);
  for (const group of groups) blocks.push(...groupBlocks(t, group), divider());
  if (data.groups.length > groups.length)
    blocks.push(context(t('home.group.moreGroups', { count: data.groups.length - groups.length })), divider());
  if (data.admin) blocks.push(...adminBlocks(t, data.admin), divider());
  blocks.push(context(t('home.footer')));
  // The budget above keeps this from happening; if data ever outgrows it, Slack must still accept the view.
  if (blocks.length > HOME_BLOCKS_MAX) blocks.splice(HOME_BLOCKS_MAX - 1, blocks.length, context(t('home.footer')));
  return { type: 'home', blocks };
}

/** Claims waiting for this reviewer, oldest first, each with Confirm / Return. */
function reviewSection(t: Translate, reviews: NonNullable<HomeData['reviews']>): Block[] {
  const blocks: Block[] = [section(`*${t('review.home.header', { count: reviews.total })}*`)];
  for (const r of reviews.rows) {
    blocks.push(
      section(
        t('review.home.line', {
          ref: itemRefText(r.planCode, r.itemCode),
          title: escapeClip(r.title, ITEM_TITLE_MAX),
          who: actorText(r.claimedBy ?? '—'),
          when: r.claimedAt ? formatInstant(r.claimedAt, reviews.timeZone) : '—',
        }),
      ),
      reviewButtons(t, { itemId: r.itemId, claimId: r.claimId }),
    );
  }
  if (reviews.total > reviews.rows.length)
    blocks.push(context(t('review.home.more', { count: reviews.total - reviews.rows.length })));
  return blocks;
}

function introLine(t: Translate, data: HomeData): string {
  const parts = [t('home.asOf', { date: data.asOf })];
  if (data.isAdmin) parts.push(t('home.roleAdmin'));
  if (data.departments.length > 0)
    parts.push(t('home.departments', { names: escapeClip(data.departments.join('、'), 1000) }));
  return parts.join(' · ');
}

function myItems(t: Translate, data: HomeData): Block[] {
  const { mine } = data;
  const blocks: Block[] = [section(`*${t('home.mine.header')}*`)];
  if (mine.total === 0) {
    blocks.push(section(t('home.mine.none')));
    return blocks;
  }
  blocks.push(section(t('home.mine.summary', { total: mine.total, done: mine.done, ...mine.counts })));
  let shown = 0;
  for (const light of LIGHTS) {
    const top = mine.top[light];
    if (top.length === 0) continue;
    blocks.push(context(`*${t('home.mine.light', { light: lightLabel(t, light), count: mine.counts[light] })}*`));
    for (const item of top) blocks.push(itemBlock(t, item));
    shown += top.length;
  }
  const open = mine.total - mine.done;
  if (shown === 0) blocks.push(section(t('home.mine.allDone')));
  else if (shown < open) blocks.push(context(t('home.mine.more', { shown, open })));
  return blocks;
}

function itemBlock(t: Translate, item: WorkItem): Block {
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: itemLine(t, item, ITEM_TITLE_MAX) },
    accessory: {
      type: 'button',
      action_id: ACTIONS.itemOpenUpdate,
      // plain() clips to 75 characters, Slack's limit on a button's text.
      text: plain(t('home.button.update')),
      value: encodeItemButton({ itemId: item.id, version: item.version }),
    },
  };
}

function planLine(plan: PlanProgress): string {
  const lights = (['red', 'yellow'] as Light[])
    .filter((l) => plan.lights[l] > 0)
    .map((l) => `${l === 'red' ? '🔴' : '🟡'} ${plan.lights[l]}`)
    .join(' ');
  const progress = `\`${progressBar(plan.done, plan.items)}\` ${plan.done}/${plan.items}`;
  return `*${escapeClip(plan.code, 40)}* ${escapeClip(plan.title, PLAN_TITLE_MAX)}  ${progress}${lights ? `  ${lights}` : ''}`;
}

function groupBlocks(t: Translate, group: GroupProgress): Block[] {
  const sum = (f: (p: PlanProgress) => number) => group.plans.reduce((n, p) => n + f(p), 0);
  const items = sum((p) => p.items);
  const done = sum((p) => p.done);
  const roles = group.roles.map((r) => t(`role.${r}`)).join('、');
  const summary = [
    `*${escapeClip(group.code, 40)} ${escapeClip(group.name, 200)}* · ${t('home.group.roles', { roles })}`,
    t('home.group.summary', {
      plans: group.plans.length,
      items,
      done,
      rate: rate(done, items),
      red: sum((p) => p.lights.red),
      yellow: sum((p) => p.lights.yellow),
    }),
  ];
  if (group.closedPlans > 0) summary.push(t('home.group.closed', { count: group.closedPlans }));
  const blocks: Block[] = [section(summary.join('\n'))];
  if (group.plans.length === 0) {
    blocks.push(context(t('home.group.noPlans')));
    return blocks;
  }
  const shown = group.plans.slice(0, MAX_PLAN_LINES);
  blocks.push(...packLines(shown.map(planLine)));
  if (group.plans.length > shown.length) {
    blocks.push(
      context(
        t('home.group.morePlans', { count: group.plans.length - shown.length, code: escapeClip(group.code, 40) }),
      ),
    );
  }
  return blocks;
}

function adminBlocks(t: Translate, admin: NonNullable<HomeData['admin']>): Block[] {
  const { stats, closable } = admin;
  const blocks: Block[] = [
    header(t('home.admin.header')),
    section(
      [
        `\`${progressBar(stats.done, stats.items)}\``,
        t('home.admin.figures', {
          plans: stats.plans,
          items: stats.items,
          done: stats.done,
          doneRate: `${stats.doneRate.toFixed(1)}%`,
          started: stats.started,
          startedRate: `${stats.startedRate.toFixed(1)}%`,
          notStarted: stats.notStarted,
          notStartedRate: `${stats.notStartedRate.toFixed(1)}%`,
        }),
        t('home.admin.lights', { red: stats.lights.red, yellow: stats.lights.yellow, closed: stats.closedPlans }),
      ].join('\n'),
    ),
  ];
  if (stats.byGroup.length > 0) {
    const groups = stats.byGroup.slice(0, MAX_GROUP_LINES);
    const lines = groups.map(
      (g) =>
        `*${escapeClip(g.group, 40)}*  \`${progressBar(g.done, g.items)}\` ${g.done}/${g.items}${g.lights.red > 0 ? `  🔴 ${g.lights.red}` : ''}`,
    );
    if (stats.byGroup.length > groups.length)
      lines.push(t('home.admin.moreGroups', { count: stats.byGroup.length - groups.length }));
    blocks.push(section(`*${t('home.admin.byGroup')}*`), ...packLines(lines));
  }
  const closableLines = closable.map(
    (p) =>
      `• *${escapeClip(p.code, 40)}* ${escapeClip(p.title, 80)} — ${t('home.admin.closableItems', { items: p.items })}`,
  );
  blocks.push(section(`*${t('home.admin.closable', { count: stats.closablePlans })}*`));
  if (closableLines.length === 0) blocks.push(context(t('home.admin.closableNone')));
  else blocks.push(...packLines(closableLines));
  if (stats.closablePlans > closable.length)
    blocks.push(context(t('home.admin.closableMore', { count: stats.closablePlans - closable.length })));
  return blocks;
}
