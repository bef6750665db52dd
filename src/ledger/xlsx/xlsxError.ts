// Every way a workbook can fail to read ends as a LedgerFileError with an English sentence, so
// the import lists it like any other defect ("cannot read the workbook: …").
import { LedgerFileError } from '../defects.ts';

/** `line`: the sheet row being read when known; null lets the caller place it after the last row. */
export function xlsxError(detail: string, line: number | null = null): LedgerFileError {
  return new LedgerFileError({ reason: 'xlsx', detail }, line);
}

/** A library's error (yauzl, zlib, saxes) as a file problem, said about `what`. */
export function asXlsxError(error: unknown, what: string): LedgerFileError {
  if (error instanceof LedgerFileError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return xlsxError(`${what} (${message})`);
}

/** The error as a file problem placed at `line`, unless it already names one. */
export function atLine(error: unknown, line: number | null): LedgerFileError {
  const problem = asXlsxError(error, 'the workbook is damaged');
  return problem.line === null && line !== null ? new LedgerFileError(problem.problem, line) : problem;
}

/** Problems found before the first row belong to the file as a whole: line 1, as the CSV reader does. */
export function atFirstLine(error: unknown): LedgerFileError {
  return atLine(error, 1);
}
