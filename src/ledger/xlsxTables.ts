// The exported workbook's tables as plain rows, pure, so their content is tested without Excel:
// the statistics table (统计表) and one supervision table (督察评估事项表) per plan.
import type { Stats, StatusTally } from '../domain/stats.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExportPlan } from '../store/ledgerExport.ts';
import { percent } from '../domain/rates.ts';

export type TableCell = string | number | null;

/** A table row, and whether it is a heading (bold) or carries rates (one-decimal format). */
export interface TableRow {
  cells: TableCell[];
  kind: 'title' | 'heading' | 'data' | 'text';
}

/** Columns whose numbers are percentages, in the statistics table. */
export const RATE_COLUMNS = [4, 6, 8] as const;

function tallyCells(name: string, s: StatusTally): TableCell[] {
  return [name, s.plans, s.items, s.done, s.doneRate, s.started, s.startedRate, s.notStarted, s.notStartedRate];
}

/** `groupNames` maps a group code to its name, for "G1 经济体制改革专项小组". */
export function summaryTable(stats: Stats, groupNames: ReadonlyMap<string, string | null>, t: Translate): TableRow[] {
  const heading: TableRow = {
    kind: 'heading',
    cells: [
      t('export.col.category'),
      t('export.col.plans'),
      t('export.col.items'),
      t('status.done'),
      t('export.col.rate'),
      t('status.started'),
      t('export.col.rate'),
      t('status.not_started'),
      t('export.col.rate'),
    ],
  };
  const groupLabel = (code: string) => {
    const name = groupNames.get(code);
    return name && name !== code ? `${code} ${name}` : code;
  };
  const blank: TableRow = { kind: 'text', cells: [] };
  return [
    { kind: 'title', cells: [t('export.summary.title', { asOf: stats.asOf })] },
    blank,
    { kind: 'text', cells: [t('export.summary.byDomain')] },
    heading,
    ...stats.byDomain.map((d): TableRow => ({ kind: 'data', cells: tallyCells(t(`domain.${d.domain}`), d) })),
    { kind: 'data', cells: tallyCells(t('common.overall'), stats) },
    blank,
    { kind: 'text', cells: [t('export.summary.byGroup')] },
    heading,
    ...stats.byGroup.map((g): TableRow => ({ kind: 'data', cells: tallyCells(groupLabel(g.group), g) })),
    { kind: 'data', cells: tallyCells(t('common.overall'), stats) },
    blank,
    { kind: 'text', cells: [t('export.summary.closable', { count: stats.closablePlans })] },
    { kind: 'text', cells: [t('export.summary.lights', { ...stats.lights, yellowWorkdays: stats.yellowWorkdays })] },
  ];
}

export function planTable(plan: ExportPlan, t: Translate): TableRow[] {
  const counts = { done: 0, started: 0, not_started: 0 };
  for (const item of plan.items) counts[item.status] += 1;
  const total = plan.items.length;
  const rate = (n: number) => percent(n, total).toFixed(1);
  // A group created by an import is named by its code: say it once.
  const group = [plan.leadGroup, plan.leadGroupName === plan.leadGroup ? null : plan.leadGroupName].filter(Boolean).join(' ');
  return [
    { kind: 'title', cells: [t('export.plan.title', { code: plan.code, title: plan.title })] },
    {
      kind: 'text',
      cells: [
        t('export.plan.info', {
          group,
          department: plan.leadDepartment ?? '',
          issuedOn: plan.issuedOn ?? '',
          stage: t(`stage.${plan.stage}`),
        }),
      ],
    },
    {
      kind: 'heading',
      cells: [
        t('export.plan.colCode'),
        t('export.plan.colTitle'),
        t('export.plan.colDepartments'),
        t('export.plan.colDue'),
        t('export.plan.colStatus'),
        t('export.plan.colNote'),
      ],
    },
    ...plan.items.map(
      (item): TableRow => ({
        kind: 'data',
        cells: [item.code, item.title, item.departments.join('、'), item.dueOn, t(`status.${item.status}`), item.note],
      }),
    ),
    {
      kind: 'text',
      cells: [
        t('export.plan.total', {
          done: counts.done,
          doneRate: rate(counts.done),
          started: counts.started,
          startedRate: rate(counts.started),
          notStarted: counts.not_started,
          notStartedRate: rate(counts.not_started),
        }),
      ],
    },
  ];
}
