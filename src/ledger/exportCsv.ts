// The ledger as CSV: the import's columns, one row per item, UTF-8 with a BOM so Excel opens
// Chinese text correctly, CRLF line ends, dates YYYY-MM-DD. It imports back unchanged.
import { writeDataAtomically } from '../files/privateFile.ts';
import type { ExportPlan } from '../store/ledgerExport.ts';
import { EXPORT_COLUMNS, type HeaderLanguage, headerFor } from './columns.ts';
import { protectCell } from './csvSafety.ts';
import { ledgerValues } from './ledgerValues.ts';

/** One ledger row per item, as text, in EXPORT_COLUMNS order. */
function ledgerCells(plan: ExportPlan, language: HeaderLanguage): string[][] {
  return plan.items.map((item) => {
    const values = ledgerValues(plan, item, language);
    return EXPORT_COLUMNS.map((column) => values[column] ?? '');
  });
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const line = (cells: readonly string[]) => `${cells.map((cell) => quote(protectCell(cell))).join(',')}\r\n`;

function ledgerCsv(plans: readonly ExportPlan[], language: HeaderLanguage): string {
  const parts = [`\ufeff${line(EXPORT_COLUMNS.map((c) => headerFor(c, language)))}`];
  for (const plan of plans) for (const cells of ledgerCells(plan, language)) parts.push(line(cells));
  return parts.join('');
}

/** Written privately next to the target and renamed (privateFile.ts), so a failed export never leaves half a file. */
export async function writeLedgerCsv(
  path: string,
  plans: readonly ExportPlan[],
  language: HeaderLanguage,
): Promise<void> {
  await writeDataAtomically(path, ledgerCsv(plans, language));
}
