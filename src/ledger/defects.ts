// What can be wrong with a ledger file. Each defect names the line (the header is line 1) and
// the column, so an office can find the cell in Excel; the words come from the i18n catalogue.
import type { Column } from './columns.ts';
import type { HeaderCell } from './headerCell.ts';

/** Why the file itself could not be read past some point (syntax, encoding, structure). */
export type FileProblem =
  | { reason: 'quoteNotClosed' }
  | { reason: 'badQuote' }
  | { reason: 'notUtf8' }
  | { reason: 'recordTooLong' }
  | { reason: 'xlsx'; detail: string }
  | { reason: 'noSheet'; sheet: string; sheets: string[] };

type DefectDetail =
  | { code: 'missingColumn'; found: HeaderCell[] }
  | { code: 'duplicateColumn'; firstHeader: string; header: string }
  | { code: 'noRows' }
  | { code: 'noHeader' }
  | { code: 'cellCount'; got: number; expected: number }
  | { code: 'textBeyondHeader'; expected: number }
  | { code: 'emptyValue' }
  | { code: 'unknownStatus'; value: string }
  | { code: 'noGroup'; plan: string }
  | { code: 'noDomain'; plan: string; group: string | null }
  | { code: 'duplicateTitle'; plan: string; firstLine: number }
  | { code: 'unknownDomain'; value: string }
  | { code: 'badDate'; value: string }
  | { code: 'duplicateItem'; plan: string; item: string; firstLine: number }
  | { code: 'planMismatch'; plan: string; value: string; expected: string; firstLine: number }
  | ({ code: 'badFile' } & FileProblem);

export type Defect = { line: number; column: Column | null } & DefectDetail;

/** Thrown by a reader when it cannot go on; the pipeline turns it into a `badFile` defect. */
export class LedgerFileError extends Error {
  constructor(
    readonly problem: FileProblem,
    readonly line: number | null = null,
  ) {
    super(`ledger file: ${problem.reason}${'detail' in problem ? `: ${problem.detail}` : ''}`);
    this.name = 'LedgerFileError';
  }
}

/** Reading order: by line, row-level defects first, then columns in ledger order. */
export function compareDefects(a: Defect, b: Defect, columnOrder: readonly Column[]): number {
  if (a.line !== b.line) return a.line - b.line;
  const ai = a.column === null ? -1 : columnOrder.indexOf(a.column);
  const bi = b.column === null ? -1 : columnOrder.indexOf(b.column);
  return ai - bi;
}
