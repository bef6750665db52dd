// A1 references: column letters A … XFD (Excel's 16,384 columns), then the row number
// (1 … 1,048,576). A reference past either edge is refused rather than believed, since it
// would make every row of the sheet that wide or that far down. Parsed by hand, character by
// character: a sheet has millions of them.
import { xlsxError } from './xlsxError.ts';

export const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Digits from `start` to the end; -1 when there are none, or anything else. */
function digitsFrom(text: string, start: number): number {
  if (start >= text.length || text.length - start > 9) return -1;
  let value = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** A row number from an r attribute; refused when not a number or past Excel's last row. */
export function parseRowNumber(text: string, line: number | null = null): number {
  const row = digitsFrom(text, 0);
  if (row < 0) throw xlsxError(`"${text}" is not a row number`, line);
  if (row > MAX_ROWS) throw xlsxError(`row ${text} is beyond row ${MAX_ROWS}, Excel's last`, line);
  return row;
}

/** Where the letters of a reference end; throws past XFD or when there are none. */
function lettersEnd(ref: string, line: number | null): { end: number; column: number } {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~0x20; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
    if (column > MAX_COLUMNS) throw xlsxError(`cell ${ref} is beyond column XFD, Excel's last`, line);
  }
  if (i === 0) throw xlsxError(`"${ref}" is not a cell reference`, line);
  return { end: i, column: column - 1 };
}

/** 0-based column of a cell reference ("B12" → 1); its row part is only checked to be digits. */
export function columnOfRef(ref: string, line: number | null = null): number {
  const { end, column } = lettersEnd(ref, line);
  if (digitsFrom(ref, end) < 0) throw xlsxError(`"${ref}" is not a cell reference`, line);
  return column;
}

export interface CellPosition {
  /** 0-based: A is 0. */
  column: number;
  /** 1-based, as Excel numbers rows. */
  row: number;
}

/** "B12" as a position, for merged ranges. */
export function parseCellRef(ref: string, line: number | null = null): CellPosition {
  const { end, column } = lettersEnd(ref, line);
  return { column, row: parseRowNumber(ref.slice(end), line) };
}
