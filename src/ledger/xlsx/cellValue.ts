// A cell's value from its type (the t attribute), the text of its <v> (or of its inline string)
// and its style, as the ledger sees it: text, a number, a Date, or nothing.
import type { Cell } from '../rawRow.ts';
import { dateOfSerial } from './excelSerial.ts';
import { xlsxError } from './xlsxError.ts';

export interface CellContext {
  sharedStrings: readonly string[];
  /** By style index: numbers in that style are dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** "2016-06-30T00:00:00Z" (t="d", ISO 8601) as the Date of its day; other text stays text. */
function isoDay(text: string): Cell {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(text);
  if (!match) return text;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? text : date;
}

/**
 * `value`: the text of <v>, undefined when the cell has none (a styled empty cell, a formula
 * never calculated). `inline`: the text of <is> for t="inlineStr".
 */
export function cellValue(
  type: string | undefined,
  value: string | undefined,
  inline: string | undefined,
  style: number,
  context: CellContext,
  line: number,
): Cell {
  if (type === 'inlineStr') return inline ?? value ?? null;
  if (value === undefined) return null;
  switch (type) {
    case 's': {
      const text = context.sharedStrings[Number(value)];
      if (text === undefined || value.trim() === '')
        throw xlsxError(`a cell points to shared string ${value}, which the workbook does not have`, line);
      return text;
    }
    case 'str': // a formula's text result, as last calculated
    case 'e': // an error shown as its text: #N/A, #DIV/0! …
      return value;
    case 'b':
      return value === '1' || value === 'true' ? 'TRUE' : value === '0' || value === 'false' ? 'FALSE' : value;
    case 'd':
      return isoDay(value);
    default: {
      if (value.trim() === '') return null;
      const number = Number(value);
      if (Number.isNaN(number)) return value;
      if (context.dateStyles[style]) return dateOfSerial(number, context.date1904) ?? number;
      return number;
    }
  }
}
