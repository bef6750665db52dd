// A plan's implementation file (落实情况档案): header, counts and rates, lights, and its items with
// status and light, a page at a time. A page holds PLAN_PAGE_SIZE item lines, each bounded
// (itemLine clips titles and codes), so a page of any plan stays within Slack's limits;
// Previous/Next buttons replace the message with the neighbouring page. A button carries the
// plan's id, never its code: a code is whatever the ledger says, possibly thousands of characters,
// and Slack refuses a button value over 2,000.
import type { types } from '@slack/bolt';
import { z } from 'zod';
import { percent } from '../../domain/rates.ts';
import type { Light } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { PlanHeader, PlanItemRow, PlanRef } from '../../store/plans.ts';
import { legacyShape, versionedCodec, wireId } from '../codec.ts';
import { ACTIONS } from '../ids.ts';
import {
  type Block,
  context,
  divider,
  escapeClip,
  header,
  itemLine,
  packLines,
  plain,
  type SlackMessage,
  section,
} from '../parts/index.ts';

export const PLAN_PAGE_SIZE = 40;

export interface PlanFileItem extends PlanItemRow {
  light: Light;
}

export interface PlanFileData {
  plan: PlanHeader;
  items: PlanFileItem[];
  /** 0-based; clamped to the pages that exist. */
  page: number;
  yellowWorkdays: number;
}

export interface PlanPageValue {
  plan: PlanRef;
  page: number;
}

/**
 * `{"v":1,"p":plan id,"n":page}`: a few dozen characters whatever the plan. Buttons posted
 * before the format version read `{"planId":..,"page":..}`, and before ids `{"planCode":..,"page":..}`;
 * both are still on people's screens. Their page is read as the old bot read it (any integer:
 * buildPlanFile clamps it to the pages that exist).
 */
const planPageCodec = versionedCodec({
  version: 1,
  wire: { p: wireId, n: wireId },
  toWire: (value: PlanPageValue) => {
    // Buttons carry the id only (see the top of this file); a code ref is only read from old buttons.
    if (!('id' in value.plan)) throw new TypeError('a plan page button carries the plan id');
    return { p: value.plan.id, n: value.page };
  },
  fromWire: (wire): PlanPageValue => ({ plan: { id: wire.p }, page: wire.n }),
  legacy: [
    legacyShape(
      z.object({ planId: wireId, page: z.number().int() }).strict(),
      (old): PlanPageValue => ({ plan: { id: old.planId }, page: old.page }),
    ),
    legacyShape(
      z.object({ planCode: z.string(), page: z.number().int() }).strict(),
      (old): PlanPageValue => ({ plan: { code: old.planCode }, page: old.page }),
    ),
  ],
});

export function encodePlanPage(planId: number, page: number): string {
  return planPageCodec.encode({ plan: { id: planId }, page });
}

export function decodePlanPage(raw: string | undefined): PlanPageValue | undefined {
  return planPageCodec.decode(raw);
}

function pageCount(items: number): number {
  return Math.max(1, Math.ceil(items / PLAN_PAGE_SIZE));
}

function pageButton(text: string, planId: number, page: number, which: 'prev' | 'next'): types.Button {
  return {
    type: 'button',
    text: plain(text),
    action_id: ACTIONS.planPage,
    // Two buttons with one action_id in a block need distinct values; the page differs.
    value: encodePlanPage(planId, page),
    ...(which === 'next' ? { style: 'primary' as const } : {}),
  };
}

export function buildPlanFile(t: Translate, data: PlanFileData): SlackMessage {
  const { plan, items } = data;
  const pages = pageCount(items.length);
  const page = Math.min(Math.max(0, data.page), pages - 1);
  const count = { done: 0, started: 0, notStarted: 0 };
  const lights = { red: 0, yellow: 0, green: 0 };
  for (const item of items) {
    if (item.status === 'done') count.done += 1;
    else if (item.status === 'started') count.started += 1;
    else count.notStarted += 1;
    lights[item.light] += 1;
  }
  const rate = (n: number) => percent(n, items.length).toFixed(1);
  const group = plan.leadGroup ? `${plan.leadGroup.code} ${plan.leadGroup.name}` : t('common.none');
  const meta = t('plan.meta', {
    domain: t(`domain.${plan.domain}`),
    group: escapeClip(group, 200),
    department: escapeClip(plan.leadDepartment ?? t('common.none'), 200),
    stage: [t(`stage.${plan.stage}`), ...(plan.issuedOn ? [t('plan.issued', { date: plan.issuedOn })] : [])].join(
      ' · ',
    ),
  });

  const blocks: Block[] = [
    header(`${t('plan.title')} · ${plan.code} ${plan.title}`),
    context(meta),
    section(
      t('plan.counts', {
        items: items.length,
        done: count.done,
        doneRate: rate(count.done),
        started: count.started,
        startedRate: rate(count.started),
        notStarted: count.notStarted,
        notStartedRate: rate(count.notStarted),
      }),
    ),
    context(t('plan.lights', { ...lights, days: data.yellowWorkdays })),
    divider(),
  ];
  if (items.length === 0) blocks.push(section(t('plan.empty')));
  else {
    const from = page * PLAN_PAGE_SIZE;
    const shown = items.slice(from, from + PLAN_PAGE_SIZE);
    blocks.push(...packLines(shown.map((item) => itemLine(t, { ...item, planCode: plan.code, itemCode: item.code }))));
    if (pages > 1) {
      blocks.push(
        context(
          t('plan.page', { from: from + 1, to: from + shown.length, total: items.length, page: page + 1, pages }),
        ),
      );
      const buttons: types.Button[] = [];
      if (page > 0) buttons.push(pageButton(t('plan.prev'), plan.id, page - 1, 'prev'));
      if (page < pages - 1) buttons.push(pageButton(t('plan.next'), plan.id, page + 1, 'next'));
      blocks.push({ type: 'actions', block_id: 'plan.pages', elements: buttons });
    }
  }
  return { text: t('plan.text', { code: escapeClip(plan.code, 40), title: escapeClip(plan.title, 200) }), blocks };
}
