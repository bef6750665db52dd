// Writing rows with our look, to either exceljs writer: the streaming one of the export (its
// typings describe only the in-memory API) and the in-memory one of the template. Both hand out
// rows and cells of the same classes, so one structural type serves both.
import type { Style } from 'exceljs';
import { wrappedRowHeight } from './xlsxRowHeight.ts';
import {
  BODY_STYLE,
  HEADING_STYLE,
  RATE_STYLE,
  TITLE_ROW_HEIGHT,
  TITLE_STYLE,
  TONE_STYLES,
  WARNING_STYLE,
  WRAPPED_STYLE,
} from './xlsxStyle.ts';
import type { TableRow } from './xlsxTables.ts';

interface SheetCell {
  value: unknown;
  style: Partial<Style>;
  note?: string | object;
}

export interface SheetRow {
  number: number;
  height: number;
  getCell(column: number): SheetCell;
  /** Streaming: writes the row out and frees it. In memory: does nothing. */
  commit(): void;
}

export interface SheetWriter {
  addRow(values: unknown[]): SheetRow;
  mergeCells(top: number, left: number, bottom: number, right: number): void;
}

/** Gives cells 1..styles.length their styles; an undefined style leaves the cell plain. */
export function styleCells(row: SheetRow, styles: readonly (Readonly<Partial<Style>> | undefined)[]): void {
  styles.forEach((style, i) => {
    if (style) row.getCell(i + 1).style = style;
  });
}

/** The sheet's title, large and centred across `width` columns. */
export function addTitleRow(sheet: SheetWriter, title: string, width: number): void {
  const row = sheet.addRow([title]);
  row.height = TITLE_ROW_HEIGHT;
  row.getCell(1).style = TITLE_STYLE;
  // The streaming writer can only merge cells of a row it has not yet written out.
  if (width > 1) sheet.mergeCells(row.number, 1, row.number, width);
  row.commit();
}

/** Column names: bold, shaded, bordered, wrapped. Returns the row (uncommitted) for notes. */
export function addHeadingRow(sheet: SheetWriter, names: readonly string[]): SheetRow {
  const row = sheet.addRow([...names]);
  styleCells(
    row,
    names.map(() => HEADING_STYLE),
  );
  return row;
}

/** A..Z, the letter of a 1-based column: our sheets have at most 15 columns. */
export function columnLetter(position: number): string {
  if (position < 1 || position > 26) throw new RangeError(`column ${position} is beyond Z`);
  return String.fromCharCode(64 + position);
}

/** A table's columns: widths, and which (0-based) hold rates or long text that wraps. */
export interface TableLayout {
  widths: readonly number[];
  rateColumns?: readonly number[];
  wrappedColumns?: readonly number[];
}

function dataStyles(row: TableRow, layout: TableLayout) {
  return layout.widths.map((_, c) => {
    const tone = row.tones?.[c];
    if (tone) return TONE_STYLES[tone];
    if (layout.rateColumns?.includes(c)) return RATE_STYLE;
    return layout.wrappedColumns?.includes(c) ? WRAPPED_STYLE : BODY_STYLE;
  });
}

/** Writes the rows of a table (xlsxTables.ts) with borders on its heading and data cells. */
export function addTable(sheet: SheetWriter, rows: readonly TableRow[], layout: TableLayout): void {
  const width = layout.widths.length;
  for (const row of rows) {
    if (row.kind === 'title') {
      addTitleRow(sheet, String(row.cells[0] ?? ''), width);
      continue;
    }
    const added = sheet.addRow(row.cells);
    if (row.kind === 'heading')
      styleCells(
        added,
        layout.widths.map(() => HEADING_STYLE),
      );
    if (row.kind === 'data') {
      styleCells(added, dataStyles(row, layout));
      const wrapped = row.cells.map((cell, c) =>
        layout.wrappedColumns?.includes(c) && typeof cell === 'string' ? cell : undefined,
      );
      const height = wrappedRowHeight(wrapped, layout.widths);
      if (height) added.height = height;
    }
    if (row.kind === 'warning') styleCells(added, [WARNING_STYLE]);
    added.commit();
  }
}
