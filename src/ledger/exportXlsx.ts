// The supervision workbook, ready to hand to a leader: a statistics sheet (统计表), one supervision
// table (督察评估事项表) per plan, and last a ledger sheet (台账) with the import's columns, which
// is what makes an exported workbook import back unchanged (the import reads the sheet named 台账
// or Ledger). Every sheet has a title row, bordered tables, a frozen header and print setup.
//
// Streamed (exceljs's WorkbookWriter): each row is written out and freed as it is committed, and
// the writer waits for the zip to keep up (xlsxZipPace.ts), so 250,000 items export in bounded memory.
import { writeFileAtomically } from '../files/privateFile.ts';
import { NO_GROUP } from '../store/stats.ts';
import { writeLedgerSheet } from './exportLedgerSheet.ts';
import type { XlsxExport } from './xlsxExportInput.ts';

export type { XlsxExport } from './xlsxExportInput.ts';

import { uniqueSheetNames } from './sheetNames.ts';
import { addTable, type TableLayout } from './xlsxSheet.ts';
import type { StreamSheet, StreamWorkbook } from './xlsxStream.ts';
import { frozenBelow, PAGE_NUMBER_FOOTER, printSetup } from './xlsxStyle.ts';
import { PLAN_WRAPPED_COLUMNS, planTable, RATE_COLUMNS, summaryTable, type TableRow } from './xlsxTables.ts';
import { zipPacer } from './xlsxZipPace.ts';

/** Adds a sheet holding one table, frozen below and printing again its (first) heading row. */
function addTableSheet(
  workbook: StreamWorkbook,
  name: string,
  rows: readonly TableRow[],
  layout: TableLayout,
): StreamSheet {
  const headingRow = rows.findIndex((r) => r.kind === 'heading') + 1;
  const sheet = workbook.addWorksheet(name, {
    views: frozenBelow(headingRow),
    pageSetup: printSetup(headingRow),
    headerFooter: PAGE_NUMBER_FOOTER,
  });
  sheet.columns = layout.widths.map((width) => ({ width }));
  addTable(sheet, rows, layout);
  sheet.commit();
  return sheet;
}

export async function writeLedgerXlsx(path: string, data: XlsxExport): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const { t } = data;
  // A private temporary file renamed onto the target (privateFile.ts): a failed export never
  // leaves half a file, and a planted link is replaced, not written through.
  await writeFileAtomically(path, async (stream) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: true,
      useSharedStrings: true,
    }) as unknown as StreamWorkbook;
    const pacer = zipPacer(workbook.zip);
    const summaryName = t('export.sheet.summary');
    const ledgerName = t('export.sheet.ledger');
    const planNames = uniqueSheetNames(
      // exceljs writes a sheet name into the print-titles formula without doubling an apostrophe,
      // which Excel then refuses as a corrupt file: a typographic one reads the same.
      data.plans.map((p) => `${p.code} ${p.title}`.replace(/'/g, '’')),
      [summaryName, ledgerName],
    );
    const groupNames = new Map(data.plans.map((p) => [p.leadGroup ?? NO_GROUP, p.leadGroupName]));
    const summary = addTableSheet(workbook, summaryName, summaryTable(data.stats, groupNames, t), {
      widths: [30, 8, 8, 10, 8, 12, 8, 10, 8],
      rateColumns: RATE_COLUMNS,
    });
    pacer.finished(summary);
    for (const [i, plan] of data.plans.entries()) {
      const sheet = addTableSheet(workbook, planNames[i] as string, planTable(plan, t, data.lightOf), {
        widths: [15, 44, 26, 12, 14, 10, 28],
        wrappedColumns: PLAN_WRAPPED_COLUMNS,
      });
      pacer.finished(sheet);
      await pacer.pace();
    }
    await writeLedgerSheet(workbook, ledgerName, data, (sheet) => pacer.pace(sheet));
    await workbook.commit();
  });
}
