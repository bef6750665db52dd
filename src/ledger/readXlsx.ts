// Reads the ledger sheet of an XLSX workbook into positional records numbered by the sheet's
// own row numbers, so "line 12" is row 12 in Excel.
//
// Which sheet (decision): the one the caller names, else the sheet named 台账 or ledger (any
// case, spaces ignored) when the workbook has one, otherwise the first sheet in tab order. Our
// own export writes such a sheet next to the statistics and per-plan tables, so an exported
// workbook imports back as is.
//
// How (see xlsx/): the workbook is streamed, not loaded whole. The zip is read through its
// central directory (yauzl) and the sheet's XML parsed as it inflates (saxes), so memory stays
// bounded whatever the sheet's size and XLSX files take the same size limit as CSV. exceljs is
// not used for reading: its in-memory reader needs about 100 MB per MB of file, and its
// streaming reader (4.4, over unzipper 0.10) can silently drop the last zip entries, where
// exceljs puts xl/workbook.xml. Merged cells are spread over their range, as Excel shows them
// (the plan columns of many office ledgers are merged down the items).
import { normalizeWord } from './columns.ts';
import { LedgerFileError } from './defects.ts';
import type { SheetRecord } from './rawRow.ts';
import type { ReadOptions } from './readCsv.ts';
import { listXlsxSheets, readXlsxSheet } from './xlsx/index.ts';

export const LEDGER_SHEET_NAMES = ['台账', 'ledger'] as const;

export function isLedgerSheetName(name: string): boolean {
  return (LEDGER_SHEET_NAMES as readonly string[]).includes(normalizeWord(name).replace(/_/g, ''));
}

/** The sheet to read, from the workbook's tab list. */
export function pickLedgerSheet(names: readonly string[]): string | undefined {
  return names.find(isLedgerSheetName) ?? names[0];
}

export interface XlsxRecordOptions extends ReadOptions {
  /** The sheet to read; by default the one pickLedgerSheet chooses. */
  sheet?: string;
}

/** Records in batches of about 1000 rows, like readCsvRecords. */
export async function* readXlsxRecords(path: string, options: XlsxRecordOptions = {}): AsyncGenerator<SheetRecord[]> {
  const sheet = options.sheet ?? pickLedgerSheet((await listXlsxSheets(path)).map((s) => s.name));
  if (sheet === undefined) throw new LedgerFileError({ reason: 'xlsx', detail: 'no worksheet' }, 1);
  yield* readXlsxSheet(path, sheet, { onBytes: options.onBytes, fillMerged: true });
}
