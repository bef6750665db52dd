// The exported workbook's ledger sheet (台账): a title row, then the import's header row and one
// row per item in EXPORT_COLUMNS. It is the one sheet the import reads back, so its header texts
// are exactly headerFor(column, language) and its cells hold what the import reads: words of the
// header language, real date cells, and `rev` (the item's version) as the last, narrow column.
import { EXPORT_COLUMNS, headerFor } from './columns.ts';
import { ledgerValues } from './ledgerValues.ts';
import { excelDateOf } from './parseDate.ts';
import { addDropdowns } from './xlsxDropdowns.ts';
import type { XlsxExport } from './xlsxExportInput.ts';
import { wrappedRowHeight } from './xlsxRowHeight.ts';
import { addHeadingRow, addTitleRow, columnLetter, styleCells } from './xlsxSheet.ts';
import type { StreamWorkbook } from './xlsxStream.ts';
import {
  COLUMN_WIDTHS,
  columnStyle,
  DATE_STYLE,
  frozenBelow,
  PAGE_NUMBER_FOOTER,
  printSetup,
  QUIET_STYLE,
  statusTone,
  TONE_STYLES,
} from './xlsxStyle.ts';

/** Row 1 is the title, row 2 the header: the import finds a header below title rows. */
const HEADER_ROW = 2;

/** Dropdown rows beyond the last item, for the rows people add to the exported ledger. */
const ROOM_FOR_NEW_ROWS = 200;

/** Rows between two waits for the zip: about 1 MB of sheet XML. */
const PACE_ROWS = 1000;

const STATUS_CELL = EXPORT_COLUMNS.indexOf('status') + 1;
const REV_CELL = EXPORT_COLUMNS.indexOf('rev') + 1;
const LAST_LETTER = columnLetter(EXPORT_COLUMNS.length);

const CELL_STYLES = EXPORT_COLUMNS.map((c) => {
  if (c === 'issued_on' || c === 'due_on') return DATE_STYLE;
  return c === 'rev' ? QUIET_STYLE : columnStyle(c);
});
const WIDTHS = EXPORT_COLUMNS.map((c) => COLUMN_WIDTHS[c]);
const WRAPS = CELL_STYLES.map((style) => style.alignment?.wrapText === true);

/** `pace` is awaited every PACE_ROWS rows so the zip keeps up (xlsxZipPace.ts). */
export async function writeLedgerSheet(
  workbook: StreamWorkbook,
  name: string,
  data: XlsxExport,
  pace: (sheet: unknown) => Promise<void>,
): Promise<void> {
  const { t, language } = data;
  const sheet = workbook.addWorksheet(name, {
    views: frozenBelow(HEADER_ROW),
    pageSetup: printSetup(HEADER_ROW),
    headerFooter: PAGE_NUMBER_FOOTER,
    autoFilter: `A${HEADER_ROW}:${LAST_LETTER}${HEADER_ROW}`,
  });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  addTitleRow(sheet, t('export.ledger.title', { exportedAt: data.exportedAt }), EXPORT_COLUMNS.length);
  const header = addHeadingRow(
    sheet,
    EXPORT_COLUMNS.map((c) => headerFor(c, language)),
  );
  // The warning sits on the header cell itself, not in a row of its own: the header stays a
  // plain row the import reads, and the note shows wherever the column is.
  header.getCell(REV_CELL).note = t('export.ledger.revNote', { header: headerFor('rev', language) });
  header.commit();

  let items = 0;
  for (const plan of data.plans) {
    for (const item of plan.items) {
      const values = ledgerValues(plan, item, language);
      const row = sheet.addRow(
        EXPORT_COLUMNS.map((c) => {
          const value = values[c];
          // Dates as real Excel date cells, so the sheet sorts and filters by date; the version
          // as a number, so Excel does not flag it as "a number stored as text".
          if ((c === 'issued_on' || c === 'due_on') && value) return excelDateOf(value);
          return c === 'rev' ? item.version : value;
        }),
      );
      styleCells(row, CELL_STYLES);
      const height = wrappedRowHeight(
        EXPORT_COLUMNS.map((c, i) => (WRAPS[i] ? values[c] : undefined)),
        WIDTHS,
      );
      if (height) row.height = height;
      row.getCell(STATUS_CELL).style = TONE_STYLES[statusTone(item.status, data.lightOf(item))];
      row.commit();
      items += 1;
      if (items % PACE_ROWS === 0) await pace(sheet);
    }
  }
  addDropdowns(
    sheet,
    EXPORT_COLUMNS,
    { first: HEADER_ROW + 1, last: HEADER_ROW + items + ROOM_FOR_NEW_ROWS },
    language,
    t,
  );
  sheet.commit();
}
