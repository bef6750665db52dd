// The supervision workbook: a statistics sheet (统计表), one supervision table (督察评估事项表)
// per plan, and last a ledger sheet (台账) with the import's columns, which is what makes an
// exported workbook import back unchanged (the import reads the sheet named 台账 or Ledger).
import { rename } from 'node:fs/promises';
import type { Stats } from '../domain/stats.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExportPlan } from '../store/ledgerExport.ts';
import { NO_GROUP } from '../store/stats.ts';
import { EXPORT_COLUMNS, type HeaderLanguage, headerFor } from './columns.ts';
import { ledgerValues } from './exportRows.ts';
import { excelDateOf } from './parseDate.ts';
import { uniqueSheetNames } from './sheetNames.ts';
import { planTable, RATE_COLUMNS, summaryTable, type TableRow } from './xlsxTables.ts';

export interface XlsxExport {
  plans: readonly ExportPlan[];
  stats: Stats;
  /** Ledger sheet headers and words. */
  language: HeaderLanguage;
  t: Translate;
}

// The parts of exceljs's streaming writer used here (its typings describe the in-memory API).
interface StreamRow {
  font?: object;
  getCell(column: number): { numFmt?: string };
  commit(): void;
}
interface StreamSheet {
  columns: { width: number }[];
  addRow(values: unknown[]): StreamRow;
  commit(): void;
}

/** 1-based positions of the date columns in the ledger sheet. */
const DATE_EXPORT_COLUMNS = [EXPORT_COLUMNS.indexOf('issued_on') + 1, EXPORT_COLUMNS.indexOf('due_on') + 1];

function addTable(sheet: StreamSheet, rows: readonly TableRow[], rateColumns: readonly number[] = []): void {
  for (const row of rows) {
    const added = sheet.addRow(row.cells);
    if (row.kind === 'title' || row.kind === 'heading') added.font = { bold: true, size: row.kind === 'title' ? 14 : 11 };
    // Rates are numbers shown with one decimal: 64.3, and 50.0 rather than 50.
    if (row.kind === 'data') for (const c of rateColumns) added.getCell(c + 1).numFmt = '0.0';
    added.commit();
  }
  sheet.commit();
}

export async function writeLedgerXlsx(path: string, data: XlsxExport): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const { t, language } = data;
  const partial = `${path}.partial`;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useStyles: true, useSharedStrings: true });
  const summaryName = t('export.sheet.summary');
  const ledgerName = t('export.sheet.ledger');
  const planNames = uniqueSheetNames(
    data.plans.map((p) => `${p.code} ${p.title}`),
    [summaryName, ledgerName],
  );
  const addSheet = (name: string, widths: number[]) => {
    const sheet = workbook.addWorksheet(name) as unknown as StreamSheet;
    sheet.columns = widths.map((width) => ({ width }));
    return sheet;
  };

  const groupNames = new Map(data.plans.map((p) => [p.leadGroup ?? NO_GROUP, p.leadGroupName]));
  addTable(addSheet(summaryName, [30, 8, 8, 10, 8, 12, 8, 10, 8]), summaryTable(data.stats, groupNames, t), RATE_COLUMNS);
  data.plans.forEach((plan, i) => addTable(addSheet(planNames[i] as string, [10, 50, 30, 12, 14, 30]), planTable(plan, t)));

  const ledger = addSheet(
    ledgerName,
    EXPORT_COLUMNS.map((c) => (c.endsWith('title') ? 40 : 14)),
  );
  ledger.addRow(EXPORT_COLUMNS.map((c) => headerFor(c, language))).commit();
  for (const plan of data.plans) {
    for (const item of plan.items) {
      const values = ledgerValues(plan, item, language);
      // Dates as real Excel date cells, so the sheet sorts and filters by date.
      const row = ledger.addRow(
        EXPORT_COLUMNS.map((c) => {
          const value = values[c];
          return (c === 'issued_on' || c === 'due_on') && value ? excelDateOf(value) : value;
        }),
      );
      for (const c of DATE_EXPORT_COLUMNS) row.getCell(c).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
  }
  ledger.commit();
  await workbook.commit();
  await rename(partial, path);
}
