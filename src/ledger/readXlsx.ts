// Reads the ledger sheet of an XLSX workbook into positional records numbered by the sheet's
// own row numbers, so "line 12" is row 12 in Excel.
//
// Which sheet (decision): the sheet named 台账 or ledger (any case, spaces ignored) when the
// workbook has one, otherwise the first sheet in tab order. Our own export writes such a sheet
// next to the statistics and per-plan tables, so an exported workbook imports back as is.
//
// Why the whole workbook is loaded (exceljs's in-memory reader) and not streamed: exceljs's
// streaming reader (4.4, over unzipper 0.10) can silently drop the last zip entries of a small
// workbook, because unzipper signals 'end' when its input is consumed while entries still wait
// in its buffer. Every workbook exceljs writes puts xl/workbook.xml (the sheet list) last, so
// our own exports failed to import about one time in ten. Loading whole is reliable, and it
// expands merged cells (the plan columns of many office ledgers are merged down the items).
// The price is memory, about 100 MB per MB of XLSX, hence MAX_XLSX_BYTES; larger ledgers go
// through CSV, which streams.
import { stat } from 'node:fs/promises';
import { normalizeWord } from './columns.ts';
import { LedgerFileError } from './defects.ts';
import type { SheetRecord } from './rawRow.ts';
import type { ReadOptions } from './readCsv.ts';
import { cellFromExcel } from './xlsxCell.ts';

const XLSX_BATCH = 1000;

export const LEDGER_SHEET_NAMES = ['台账', 'ledger'] as const;

export function isLedgerSheetName(name: string): boolean {
  return (LEDGER_SHEET_NAMES as readonly string[]).includes(normalizeWord(name).replace(/_/g, ''));
}

/** The sheet to read, from the workbook's tab list. */
export function pickLedgerSheet(names: readonly string[]): string | undefined {
  return names.find(isLedgerSheetName) ?? names[0];
}

/** Records in batches of up to XLSX_BATCH rows, like readCsvRecords. */
export async function* readXlsxRecords(path: string, options: ReadOptions = {}): AsyncGenerator<SheetRecord[]> {
  // Loaded on demand: exceljs takes a third of a second to load, which CSV imports need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new LedgerFileError({ reason: 'xlsx', detail: (error as Error).message }, 1);
  }
  const name = pickLedgerSheet(workbook.worksheets.map((s) => s.name));
  const sheet = workbook.worksheets.find((s) => s.name === name);
  if (!sheet) throw new LedgerFileError({ reason: 'xlsx', detail: 'no worksheet' }, 1);
  options.onBytes?.((await stat(path)).size); // loaded whole: the file is read

  const width = sheet.columnCount;
  let batch: SheetRecord[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.findRow(number);
    if (!row || !row.hasValues) continue;
    const values = [];
    // getCell resolves a merged cell to the value of its range's top-left cell.
    for (let c = 1; c <= width; c++) values.push(cellFromExcel(row.getCell(c).value));
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    batch.push({ line: number, values });
    if (batch.length >= XLSX_BATCH) {
      yield batch;
      batch = [];
    }
  }
  yield batch;
}
