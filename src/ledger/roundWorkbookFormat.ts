// Small pure helpers of the round workbook (roundWorkbook.ts), also used by the round CLI
// commands (which should not load exceljs just to print a table).

import { formatInstantIn } from '../domain/dates.ts';

const SHEET_NAME_MAX = 31;

/**
 * Excel's rules for sheet names: at most 31 characters, none of [ ] : * ? / \, not starting or
 * ending with an apostrophe, not "History" (Excel reserves it), unique regardless of case.
 * Clashes get " (2)", " (3)"...
 */
export function uniqueSheetName(base: string, used: Set<string>): string {
  let clean =
    base
      .replace(/[[\]:*?/\\]/g, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || 'Sheet';
  if (clean.toLowerCase() === 'history') clean = `${clean}_`;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = clipToLength(clean, SHEET_NAME_MAX - suffix.length).replace(/'+$/, '') + suffix;
    if (!used.has(name.toLowerCase())) {
      used.add(name.toLowerCase());
      return name;
    }
  }
}

// Cut by code points (never half a surrogate pair) while the UTF-16 length Excel counts fits.
function clipToLength(text: string, max: number): string {
  let out = '';
  for (const ch of text) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** `2016-12-20 15:04` in the office's time zone, for people reading the sheet; empty when unset. */
export function formatInstant(iso: string | null, timeZone: string): string {
  return iso ? formatInstantIn(iso, timeZone) : '';
}
