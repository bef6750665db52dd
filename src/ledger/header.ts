// Finds the header row and maps each record's positions to ledger columns. Columns may come in
// any order and in either language; columns the ledger does not know (序号, 联系人 ...) are
// ignored and reported, so an office can keep its own extra columns in the same sheet.
import { COLUMN_SPECS, COLUMNS, type Column, columnForHeader } from './columns.ts';
import type { Defect } from './defects.ts';
import { type Cell, cellText, type RawRow, type SheetRecord } from './rawRow.ts';

export interface HeaderMap {
  /** Line of the header row (1 unless title rows sit above it). */
  line: number;
  /** Position of each column the header names. */
  positions: Partial<Record<Column, number>>;
  /** The header text as the file writes it, for messages that point at a cell. */
  labels: Partial<Record<Column, string>>;
  /** Header cells naming no ledger column. */
  ignored: string[];
  /** Cells up to the last non-empty header cell, for the CSV row-width check. */
  width: number;
}

/**
 * Excel ledgers often carry a title row (2016年改革工作台账) above the header. The header is
 * the first row naming at least this many ledger columns among the first HEADER_SEARCH_ROWS.
 */
export const HEADER_MIN_KNOWN = 3;
export const HEADER_SEARCH_ROWS = 10;

export function knownColumnCount(values: readonly Cell[]): number {
  return values.filter((v) => typeof v === 'string' && columnForHeader(v) !== undefined).length;
}

export function mapHeader(record: SheetRecord): { header: HeaderMap; defects: Defect[] } {
  let width = record.values.length;
  while (width > 0 && cellText(record.values[width - 1]) === '') width--;
  const header: HeaderMap = { line: record.line, positions: {}, labels: {}, ignored: [], width };
  const defects: Defect[] = [];
  record.values.forEach((value, position) => {
    const text = cellText(value);
    if (text === '') return;
    const column = columnForHeader(text);
    if (!column) {
      header.ignored.push(text);
      return;
    }
    const first = header.labels[column];
    if (first !== undefined) {
      defects.push({ line: record.line, column, code: 'duplicateColumn', firstHeader: first, header: text });
      return;
    }
    header.positions[column] = position;
    header.labels[column] = text;
  });
  for (const column of COLUMNS) {
    if (COLUMN_SPECS[column].requiredColumn && header.positions[column] === undefined) {
      defects.push({ line: record.line, column, code: 'missingColumn' });
    }
  }
  return { header, defects };
}

/**
 * A function keying each record by column; it returns undefined for a row whose ledger cells
 * are all empty (a blank row, or one holding only ignored columns such as a 合计 line).
 */
export function rowMapper(header: HeaderMap, checkWidth: boolean): (record: SheetRecord) => RawRow | undefined {
  const positions = Object.entries(header.positions) as [Column, number][];
  return (record) => {
    const cells: Partial<Record<Column, Cell>> = {};
    let blank = true;
    for (const [column, position] of positions) {
      const value = record.values[position] ?? null;
      cells[column] = value;
      if (blank && cellText(value) !== '') blank = false;
    }
    if (blank) return undefined;
    const row: RawRow = { line: record.line, cells };
    if (checkWidth) {
      row.width = record.values.length;
      if (row.width > header.width) row.textBeyondHeader = record.values.slice(header.width).some((v) => cellText(v) !== '');
    }
    return row;
  };
}
