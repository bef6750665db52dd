// What the file readers hand over: cells as the file holds them, before any rule is applied.
import type { Column } from './columns.ts';

/** A cell as read: text (CSV, XLSX text), a number or a Date (XLSX), or nothing. */
export type Cell = string | Date | number | null;

/** One record of the file, positional: `values[0]` is the first column (A). */
export interface SheetRecord {
  /** Line (CSV) or row number (XLSX) where the record starts; the header is normally line 1. */
  line: number;
  values: Cell[];
}

/** A record keyed by ledger column, once the header says which position is which column. */
export interface RawRow {
  line: number;
  cells: Partial<Record<Column, Cell>>;
  /** CSV only: how many cells the record had, so a short or long row can be reported. */
  width?: number;
  /** CSV only: a cell beyond the header's width held text, which would otherwise be lost. */
  textBeyondHeader?: boolean;
}

/** The text of a cell for messages and text columns: trimmed; numbers as written. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return String(cell);
  return cell.trim();
}
