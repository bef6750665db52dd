// A round's supervision tables as an XLSX workbook: a summary sheet (per domain, per group,
// overall, and each plan's counts and three checks) and one 督察评估事项表 per plan.
//
// Written with exceljs's streaming writer, one plan at a time, to a temporary file renamed into
// place at the end: a large round never sits in memory, and a failure never leaves half a file
// where the office expects the tables.
import ExcelJS from 'exceljs';
import { percent } from '../domain/rates.ts';
import type { Stats, StatusTally } from '../domain/stats.ts';
import { writeFileAtomically } from '../files/privateFile.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExportItem, ExportPlan, PlanTally } from '../store/roundExportRows.ts';
import type { RoundRow } from '../store/rounds.ts';
import { formatInstant, uniqueSheetName } from './roundWorkbookFormat.ts';
import { statusColumns, statusTableHeader } from './statusTableHeader.ts';

export interface RoundWorkbookInput {
  round: RoundRow;
  stats: Stats;
  plans: ExportPlan[];
  tallies: Map<number, PlanTally>;
  itemsOf: (planId: number) => ExportItem[];
  t: Translate;
  timeZone: string;
}

const PERCENT = '0.0';

export async function writeRoundWorkbook(file: string, input: RoundWorkbookInput): Promise<{ planSheets: number }> {
  // Private temporary file, renamed onto the target (privateFile.ts).
  await writeFileAtomically(file, async (stream) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
    const used = new Set<string>();
    writeSummary(workbook.addWorksheet(uniqueSheetName(input.t('round.export.summarySheet'), used)), input);
    for (const plan of input.plans) {
      writePlan(workbook.addWorksheet(uniqueSheetName(plan.code, used)), plan, input.itemsOf(plan.planId), input);
    }
    await workbook.commit();
  });
  return { planSheets: input.plans.length };
}

type Sheet = ExcelJS.Worksheet;

function addRow(
  sheet: Sheet,
  values: (string | number | null)[],
  options: { bold?: boolean; percentCols?: number[] } = {},
): void {
  const row = sheet.addRow(values);
  if (options.bold) row.font = { bold: true };
  for (const col of options.percentCols ?? []) row.getCell(col).numFmt = PERCENT;
  row.commit();
}

function answer(t: Translate, value: boolean | null): string {
  return value === null ? t('round.answer.none') : value ? t('round.answer.yes') : t('round.answer.no');
}

function writeSummary(sheet: Sheet, { round, stats, plans, tallies, t, timeZone }: RoundWorkbookInput): void {
  sheet.columns = [{ width: 24 }, { width: 36 }, ...Array.from({ length: 13 }, () => ({ width: 12 }))];
  const kind = t(`round.kind.${round.kind}`);
  addRow(sheet, [t('round.export.title', { id: round.id, kind, asOf: round.asOf })], { bold: true });
  const header = statusTableHeader(t);
  const counts = (s: StatusTally) => [
    s.plans,
    s.items,
    s.done,
    s.doneRate,
    s.started,
    s.startedRate,
    s.notStarted,
    s.notStartedRate,
  ];
  const table = (title: string, rows: [string, StatusTally][]) => {
    addRow(sheet, []);
    addRow(sheet, [title], { bold: true });
    addRow(sheet, header, { bold: true });
    for (const [name, s] of rows) addRow(sheet, [name, ...counts(s)], { percentCols: [5, 7, 9] });
    addRow(sheet, [t('common.overall'), ...counts(stats)], { bold: true, percentCols: [5, 7, 9] });
  };
  table(
    t('cli.stats.byDomain'),
    stats.byDomain.map((d) => [t(`domain.${d.domain}`), d]),
  );
  table(
    t('cli.stats.byGroup'),
    stats.byGroup.map((g) => [g.group, g]),
  );

  addRow(sheet, []);
  addRow(sheet, [t('round.export.plans')], { bold: true });
  addRow(
    sheet,
    [
      t('round.cli.colPlan'),
      t('round.export.colTitle'),
      t('round.cli.colGroup'),
      t('cli.stats.colItems'),
      ...statusColumns(t),
      t('round.check.coordinatedShort'),
      t('round.check.onScheduleShort'),
      t('round.check.breakthroughsShort'),
      t('round.export.filledBy'),
      t('round.export.filledAt'),
    ],
    { bold: true },
  );
  for (const plan of plans) {
    const c = tallies.get(plan.planId) ?? { done: 0, started: 0, notStarted: 0 };
    const items = c.done + c.started + c.notStarted;
    addRow(
      sheet,
      [
        plan.code,
        plan.title,
        plan.groupCode ?? '',
        items,
        c.done,
        percent(c.done, items),
        c.started,
        percent(c.started, items),
        c.notStarted,
        percent(c.notStarted, items),
        answer(t, plan.coordinated),
        answer(t, plan.onSchedule),
        answer(t, plan.breakthroughs),
        plan.filledBy ?? '',
        formatInstant(plan.filledAt, timeZone),
      ],
      { percentCols: [6, 8, 10] },
    );
  }
  sheet.commit();
}

function writePlan(
  sheet: Sheet,
  plan: ExportPlan,
  items: ExportItem[],
  { round, t, timeZone }: RoundWorkbookInput,
): void {
  sheet.columns = [
    { width: 20 },
    { width: 48 },
    { width: 32 },
    { width: 12 },
    { width: 18 },
    { width: 16 },
    { width: 18 },
  ];
  addRow(sheet, [t('round.export.planTitle', { code: plan.code, title: plan.title })], { bold: true });
  addRow(sheet, [t('round.export.domain'), t(`domain.${plan.domain}`)]);
  addRow(sheet, [t('round.export.leadGroup'), [plan.groupCode, plan.groupName].filter(Boolean).join(' ')]);
  addRow(sheet, [t('round.export.leadDepartment'), plan.leadDepartment ?? '']);
  addRow(sheet, [t('round.check.coordinated'), answer(t, plan.coordinated)]);
  addRow(sheet, [t('round.check.onSchedule'), answer(t, plan.onSchedule)]);
  addRow(sheet, [t('round.check.breakthroughs'), answer(t, plan.breakthroughs)]);
  addRow(sheet, [t('round.export.note'), plan.note ?? '']);
  addRow(sheet, [t('round.export.filledBy'), plan.filledBy ?? '']);
  addRow(sheet, [t('round.export.filledAt'), formatInstant(plan.filledAt, timeZone)]);
  addRow(sheet, []);
  addRow(
    sheet,
    [
      t('round.export.colItemCode'),
      t('round.export.colItemTitle'),
      t('round.export.colDepartments'),
      t('round.export.colDue'),
      t('round.export.colStatus', { asOf: round.asOf }),
      t('round.export.colConfirmedBy'),
      t('round.export.colConfirmedAt'),
    ],
    { bold: true },
  );
  for (const item of items) {
    addRow(sheet, [
      item.code,
      item.title,
      item.departments.join('、'),
      item.dueOn ?? '',
      t(`status.${item.status}`),
      item.confirmedBy ?? '',
      formatInstant(item.confirmedAt, timeZone),
    ]);
  }
  sheet.commit();
}
