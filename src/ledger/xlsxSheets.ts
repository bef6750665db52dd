// Interim: the sheet list and one sheet's rows through exceljs's in-memory reader, with the
// API of the streaming reader that replaces it (src/ledger/xlsx/).
import { LedgerFileError } from './defects.ts';
import type { SheetRecord } from './rawRow.ts';
import { cellFromExcel } from './xlsxCell.ts';

export interface XlsxSheetInfo {
  name: string;
  index: number;
  hidden: boolean;
}

async function load(path: string) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new LedgerFileError({ reason: 'xlsx', detail: (error as Error).message }, 1);
  }
  return workbook;
}

export async function listXlsxSheets(path: string): Promise<XlsxSheetInfo[]> {
  const workbook = await load(path);
  return workbook.worksheets.map((s, index) => ({ name: s.name, index, hidden: s.state !== 'visible' }));
}

export async function* readXlsxSheet(path: string, sheetName: string, options: { onBytes?: (bytes: number) => void } = {}): AsyncGenerator<SheetRecord[]> {
  const workbook = await load(path);
  const sheet = workbook.worksheets.find((s) => s.name === sheetName);
  if (!sheet) throw new LedgerFileError({ reason: 'xlsx', detail: `no sheet ${sheetName}` }, 1);
  options.onBytes?.(0);
  const width = sheet.columnCount;
  let batch: SheetRecord[] = [];
  for (let number = 1; number <= sheet.rowCount; number++) {
    const row = sheet.findRow(number);
    if (!row || !row.hasValues) continue;
    const values = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      // Only a merge's top-left cell holds the value, as in the file.
      values.push(cell.isMerged && cell.master !== cell ? null : cellFromExcel(cell.value));
    }
    while (values.length > 0 && values[values.length - 1] === null) values.pop();
    batch.push({ line: number, values });
    if (batch.length >= 1000) {
      yield batch;
      batch = [];
    }
  }
  yield batch;
}
