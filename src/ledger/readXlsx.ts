// Streams the ledger sheet of an XLSX workbook into positional records numbered by the
// sheet's own row numbers, so "line 12" is row 12 in Excel.
//
// Which sheet (decision): the sheet named 台账 or ledger (any case, spaces ignored) when the
// workbook has one, otherwise the first sheet in tab order. Our own export writes such a sheet
// next to the statistics and per-plan tables, so an exported workbook imports back as is.
//
// Why the streaming reader: a 250,000-row workbook loaded whole by exceljs takes ~1.5 GB;
// streamed it stays under 200 MB. The price: merged cells are not expanded (only the top-left
// cell of a merged range holds the value), so a ledger with merged plan cells reports empty
// plan codes; unmerge and fill in Excel first.
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
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

// The parts of exceljs's streaming reader its type declarations leave out.
interface SheetEntry {
  name: string;
}
interface StreamedWorkbook {
  model?: { sheets?: SheetEntry[] };
  [Symbol.asyncIterator](): AsyncIterator<StreamedSheet>;
}
interface StreamedSheet {
  name?: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: unknown[] }>;
}

/** The sheet to read, from the workbook's tab list. */
export function pickLedgerSheet(names: readonly string[]): string | undefined {
  return names.find(isLedgerSheetName) ?? names[0];
}

/** Records in batches of up to XLSX_BATCH rows, like readCsvRecords. */
export async function* readXlsxRecords(path: string, options: ReadOptions = {}): AsyncGenerator<SheetRecord[]> {
  // Loaded on demand: exceljs takes a third of a second to load, which CSV imports need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  // Counted in a pass-through rather than with a 'data' listener: a listener would switch the
  // file stream to flowing mode and lose bytes until the unzipper is attached.
  let bytes = 0;
  const counted = source.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        bytes += chunk.length;
        options.onBytes?.(bytes);
        callback(null, chunk);
      },
    }),
  );
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(counted, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Styles tell a date cell from a number cell.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamedWorkbook;
  let found = false;
  try {
    for await (const sheet of workbook) {
      const names = workbook.model?.sheets?.map((s) => s.name);
      // The tab list lives in xl/workbook.xml; exceljs has read it by the time it emits a sheet
      // for every workbook Excel or exceljs writes. Without it we cannot tell which sheet to take.
      if (!names || sheet.name === undefined) throw new LedgerFileError({ reason: 'xlsxLayout' }, 1);
      if (sheet.name !== pickLedgerSheet(names)) continue;
      found = true;
      let batch: SheetRecord[] = [];
      for await (const row of sheet) {
        // row.values is 1-based (index 0 unused) and sparse; records are 0-based and dense.
        batch.push({ line: row.number, values: Array.from(row.values.slice(1), cellFromExcel) });
        if (batch.length >= XLSX_BATCH) {
          yield batch;
          batch = [];
        }
      }
      yield batch;
      break;
    }
  } catch (error) {
    if (error instanceof LedgerFileError) throw error;
    throw new LedgerFileError({ reason: 'xlsx', detail: (error as Error).message }, 1);
  } finally {
    source.destroy();
    counted.destroy();
  }
  if (!found) throw new LedgerFileError({ reason: 'xlsx', detail: 'no worksheet' }, 1);
}
