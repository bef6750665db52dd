// The exported workbook's tables as plain rows, pure, so their content is tested without Excel:
// the statistics table (统计表) and one supervision table (督察评估事项表) per plan.
import type { LightInput } from '../domain/lights.ts';
import { percent } from '../domain/rates.ts';
import type { Stats, StatusTally } from '../domain/stats.ts';
import type { Light } from '../domain/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExportPlan } from '../store/ledgerExport.ts';
import { statusTone, type Tone } from './xlsxStyle.ts';

type TableCell = string | number | null;

/**
 * A table row and what it is: the sheet's title, a heading (column names), data (bordered; rates
 * one-decimal), a caption or a warning line people must not miss. `tones` colour data cells.
 */
export interface TableRow {
  cells: TableCell[];
  kind: 'title' | 'heading' | 'data' | 'text' | 'warning';
  tones?: (Tone | undefined)[];
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

/** Columns of the plan table whose long text wraps: the item, its departments and the note. */
export const PLAN_WRAPPED_COLUMNS = [1, 2, 6] as const;

/** `lightOf` decides each item's light at the export's as-of date (domain/lights.ts). */
export function planTable(plan: ExportPlan, t: Translate, lightOf: (item: LightInput) => Light): TableRow[] {
  const counts = { done: 0, started: 0, not_started: 0 };
  for (const item of plan.items) counts[item.status] += 1;
  const total = plan.items.length;
  const rate = (n: number) => percent(n, total).toFixed(1);
  // A group created by an import is named by its code: say it once.
  const group = [plan.leadGroup, plan.leadGroupName === plan.leadGroup ? null : plan.leadGroupName]
    .filter(Boolean)
    .join(' ');
  return [
    { kind: 'title', cells: [t('export.plan.title', { code: plan.code, title: plan.title })] },
    // People edit what they see: this sheet is a summary, and the import never reads it.
    { kind: 'warning', cells: [t('export.plan.readOnly', { sheet: t('export.sheet.ledger') })] },
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
        t('export.plan.colLight'),
        t('export.plan.colNote'),
      ],
    },
    ...plan.items.map((item): TableRow => {
      const light = lightOf(item);
      return {
        kind: 'data',
        cells: [
          item.code,
          item.title,
          item.departments.join('、'),
          item.dueOn,
          t(`status.${item.status}`),
          t(`light.${light}`),
          item.note,
        ],
        tones: [undefined, undefined, undefined, undefined, statusTone(item.status, light), light],
      };
    }),
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
