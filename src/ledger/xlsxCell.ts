// exceljs cell values come in many shapes (rich text, formulas, hyperlinks, errors); the ledger
// only needs what the cell shows: text, a number or a date.
import type { Cell } from './rawRow.ts';

export function cellFromExcel(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((run: { text?: unknown }) => String(run.text ?? '')).join('');
    // A formula shows its cached result; a formula never calculated shows nothing.
    if ('formula' in v || 'sharedFormula' in v) return cellFromExcel(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellFromExcel(v.text);
  }
  return String(value);
}
