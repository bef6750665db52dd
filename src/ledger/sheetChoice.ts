// Which sheet of a workbook is the ledger. Offices put a 汇总 sheet with formulas first, keep
// last year's ledger beside this year's, and our own export puts statistics and per-plan tables
// before its 台账 sheet. So: the sheet `--sheet` names; else the first sheet, ledger-named ones
// (台账, ledger) first, whose first rows hold a ledger header; else, so that the missing
// columns can be reported, the sheet whose rows name the most ledger columns.
import { normalizeWord } from './columns.ts';
import { LedgerFileError } from './defects.ts';
import type { LedgerFormat } from './fileCheck.ts';
import { findHeaderRows, knownColumnCount } from './header.ts';
import type { SheetRecord } from './rawRow.ts';
import type { ReadingReport } from './readingReport.ts';
import { listXlsxSheets } from './xlsx/index.ts';

export interface SheetChoice {
  /** null for CSV. */
  sheet: string | null;
  /** The header row(s) of that sheet; undefined when no sheet has one. */
  headerRows: SheetRecord[] | undefined;
  otherSheets: ReadingReport['otherSheets'];
}

const LEDGER_WORDS = ['台账', 'ledger'];

export function isLedgerSheetName(name: string): boolean {
  const key = normalizeWord(name);
  return LEDGER_WORDS.some((word) => key.includes(word));
}

/** A best-effort header: the row naming the most columns, so missing ones can be listed. */
function bestRow(records: readonly SheetRecord[]): { row: SheetRecord; known: number } | undefined {
  let best: { row: SheetRecord; known: number } | undefined;
  for (const row of records) {
    const known = knownColumnCount(row.values);
    if (known > 0 && (!best || known > best.known)) best = { row, known };
  }
  return best;
}

export async function chooseSheet(
  path: string,
  format: LedgerFormat,
  wanted: string | undefined,
  firstRows: (sheet: string | null) => Promise<SheetRecord[]>,
): Promise<SheetChoice> {
  if (format === 'csv') {
    const rows = await firstRows(null);
    const best = bestRow(rows);
    return { sheet: null, headerRows: findHeaderRows(rows) ?? (best ? [best.row] : undefined), otherSheets: [] };
  }
  const sheets = await listXlsxSheets(path);
  const names = sheets.map((s) => s.name);
  if (wanted !== undefined) {
    const chosen =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (!chosen) throw new LedgerFileError({ reason: 'noSheet', sheet: wanted, sheets: names }, 1);
    const rows = await firstRows(chosen.name);
    const best = bestRow(rows);
    return {
      sheet: chosen.name,
      headerRows: findHeaderRows(rows) ?? (best ? [best.row] : undefined),
      otherSheets: names.filter((n) => n !== chosen.name).map((name) => ({ name, reason: 'notChosen' as const })),
    };
  }
  const order = [
    ...sheets.filter((s) => !s.hidden && isLedgerSheetName(s.name)),
    ...sheets.filter((s) => !s.hidden && !isLedgerSheetName(s.name)),
  ];
  let fallback: { sheet: string; row: SheetRecord; known: number } | undefined;
  for (const candidate of order) {
    const rows = await firstRows(candidate.name);
    const headerRows = findHeaderRows(rows);
    const others = sheets
      .filter((s) => s.name !== candidate.name)
      .map((s) => ({ name: s.name, reason: s.hidden ? ('hidden' as const) : ('notLedger' as const) }));
    if (headerRows) return { sheet: candidate.name, headerRows, otherSheets: others };
    const best = bestRow(rows);
    if (best && (!fallback || best.known > fallback.known)) fallback = { sheet: candidate.name, ...best };
  }
  const sheet = fallback?.sheet ?? order[0]?.name ?? names[0] ?? null;
  if (sheet === null) throw new LedgerFileError({ reason: 'xlsx', detail: 'the workbook has no sheet' }, 1);
  return {
    sheet,
    headerRows: fallback ? [fallback.row] : undefined,
    otherSheets: names.filter((n) => n !== sheet).map((name) => ({ name, reason: 'notLedger' as const })),
  };
}
