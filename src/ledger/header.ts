// Finds the header of a ledger sheet and maps each position to a ledger column. Offices put
// title rows above it, write headers in either language with line breaks and synonyms, and
// often make it two rows deep: a merged `任务分解` over 具体改革事项 / 责任单位 / 完成时限, with the
// single-row headers (序号, 方案名称) merged down both rows. Columns the ledger does not know
// (联系人 ...) are ignored and reported, so an office can keep its own columns in the sheet.
import { COLUMN_SPECS, COLUMNS, type Column, columnForHeader } from './columns.ts';
import type { Defect } from './defects.ts';
import type { HeaderCell } from './headerCell.ts';

export type { HeaderCell } from './headerCell.ts';

import { type Cell, cellText, type RawRow, type SheetRecord } from './rawRow.ts';

export interface HeaderMap {
  /** Line of the (last) header row: item rows start after it. */
  line: number;
  /** All the lines the header spans (two for a two-row header). */
  lines: number[];
  /** Position of each column the header names. */
  positions: Partial<Record<Column, number>>;
  /** The header text as the file writes it, for messages that point at a cell. */
  labels: Partial<Record<Column, string>>;
  /** Every non-empty header cell, mapped or not, in position order. */
  cells: HeaderCell[];
  /** Header cells naming no ledger column. */
  ignored: string[];
  /** Cells up to the last non-empty header cell, for the CSV row-width check. */
  width: number;
}

/**
 * The header is the first row naming at least HEADER_MIN_KNOWN ledger columns among the first
 * HEADER_SEARCH_ROWS non-blank rows (title rows, 填报单位 and 日期 lines may sit above it).
 */
const HEADER_MIN_KNOWN = 3;
export const HEADER_SEARCH_ROWS = 20;

/** Distinct ledger columns named by a row's cells. */
export function knownColumnCount(values: readonly Cell[]): number {
  const seen = new Set<Column>();
  for (const v of values) {
    const column = typeof v === 'string' ? columnForHeader(v) : undefined;
    if (column) seen.add(column);
  }
  return seen.size;
}

/** A row every non-empty cell of which names a column: the lower half of a two-row header. */
function allHeaders(record: SheetRecord): boolean {
  const texts = record.values.filter((v) => cellText(v) !== '');
  return texts.length > 0 && texts.every((v) => typeof v === 'string' && columnForHeader(v) !== undefined);
}

/** A row mostly of header words (a merged group label such as 任务分解 may be among them). */
function mostlyHeaders(record: SheetRecord): boolean {
  const texts = record.values.filter((v) => cellText(v) !== '');
  const known = texts.filter((v) => typeof v === 'string' && columnForHeader(v) !== undefined).length;
  return known >= 1 && known * 2 >= texts.length && texts.every((v) => typeof v === 'string');
}

/**
 * The header rows among the first rows of a sheet: one record, or two consecutive ones merged
 * position by position (the lower row's text wins where it has one). Undefined when no row
 * names enough columns.
 */
export function findHeaderRows(records: readonly SheetRecord[]): SheetRecord[] | undefined {
  const index = records.findIndex((r) => knownColumnCount(r.values) >= HEADER_MIN_KNOWN);
  if (index === -1) return undefined;
  const row = records[index] as SheetRecord;
  const next = records[index + 1];
  if (next && next.line === row.line + 1 && allHeaders(next)) return [row, next];
  const previous = records[index - 1];
  if (previous && previous.line === row.line - 1 && mostlyHeaders(previous)) return [previous, row];
  return [row];
}

function mergeRows(rows: readonly SheetRecord[]): string[] {
  const width = Math.max(...rows.map((r) => r.values.length));
  const texts: string[] = [];
  for (let p = 0; p < width; p++) {
    let text = '';
    for (const row of rows) {
      const cell = cellText(row.values[p]);
      if (cell !== '') text = cell;
    }
    texts.push(text);
  }
  return texts;
}

export function mapHeader(rows: readonly SheetRecord[]): { header: HeaderMap; defects: Defect[] } {
  const texts = mergeRows(rows);
  let width = texts.length;
  while (width > 0 && texts[width - 1] === '') width--;
  const lines = rows.map((r) => r.line);
  const line = lines[lines.length - 1] as number;
  const header: HeaderMap = { line, lines, positions: {}, labels: {}, cells: [], ignored: [], width };
  const defects: Defect[] = [];
  texts.forEach((text, position) => {
    if (text === '') return;
    const column = columnForHeader(text) ?? null;
    header.cells.push({ position, text, column });
    if (!column) {
      header.ignored.push(text);
      return;
    }
    const first = header.labels[column];
    if (first !== undefined) {
      defects.push({ line, column, code: 'duplicateColumn', firstHeader: first, header: text });
      return;
    }
    header.positions[column] = position;
    header.labels[column] = text;
  });
  for (const column of missingColumns(header))
    defects.push({ line, column, code: 'missingColumn', found: header.cells });
  return { header, defects };
}

/** Required columns the header lacks; a department column is needed, 责任单位 or 牵头单位. */
function missingColumns(header: HeaderMap): Column[] {
  const missing = COLUMNS.filter((c) => COLUMN_SPECS[c].requiredColumn && header.positions[c] === undefined);
  if (header.positions.responsible_departments === undefined && header.positions.lead_department === undefined) {
    missing.push('responsible_departments');
  }
  return missing;
}

/** Keys a record by column; the cells of columns the header does not have are absent. */
export function rowMapper(header: HeaderMap, checkWidth: boolean): (record: SheetRecord) => RawRow {
  const positions = Object.entries(header.positions) as [Column, number][];
  return (record) => {
    const cells: Partial<Record<Column, Cell>> = {};
    for (const [column, position] of positions) cells[column] = record.values[position] ?? null;
    const row: RawRow = { line: record.line, cells };
    if (checkWidth) {
      row.width = record.values.length;
      if (row.width > header.width)
        row.textBeyondHeader = record.values.slice(header.width).some((v) => cellText(v) !== '');
    }
    return row;
  };
}

/** `A`, `B` ... `AA`: the Excel column letter of a 0-based position. */
export function columnLetter(position: number): string {
  let n = position + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
