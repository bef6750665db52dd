// The import's reading half: file records → header → validated rows, streamed, so the only
// thing held in memory is the typed ledger (or, once something is wrong, the defects).
import { type Defect, LedgerFileError } from './defects.ts';
import type { LedgerFormat } from './fileCheck.ts';
import { HEADER_MIN_KNOWN, HEADER_SEARCH_ROWS, type HeaderMap, knownColumnCount, mapHeader, rowMapper } from './header.ts';
import { cellText, type SheetRecord } from './rawRow.ts';
import { type ReadOptions, readCsvRecords, type TextEncoding } from './readCsv.ts';
import { readXlsxRecords } from './readXlsx.ts';
import { createLedgerValidator, type Ledger, type LedgerValidator } from './validate.ts';

export type ReadLedgerResult =
  | { ok: true; ledger: Ledger; header: HeaderMap; encoding: TextEncoding | null }
  | { ok: false; defects: Defect[]; header: HeaderMap | null };

const isBlankRecord = (record: SheetRecord) => record.values.every((v) => cellText(v) === '');

export async function readLedger(path: string, format: LedgerFormat, options: ReadOptions = {}): Promise<ReadLedgerResult> {
  let encoding: TextEncoding | null = null;
  const records =
    format === 'csv'
      ? readCsvRecords(path, { ...options, onEncoding: (e) => ((encoding = e), options.onEncoding?.(e)) })
      : readXlsxRecords(path, options);

  const pending: SheetRecord[] = []; // non-blank rows seen before the header was found
  // Set once the header row is known; an object so the closures below can fill it in.
  const state: { header?: HeaderMap; validator?: LedgerValidator; feed?: (record: SheetRecord) => void } = {};
  const start = (headerRecord: SheetRecord) => {
    const mapped = mapHeader(headerRecord);
    const validator = createLedgerValidator(mapped.header);
    const toRow = rowMapper(mapped.header, format === 'csv');
    validator.addDefects(mapped.defects);
    state.header = mapped.header;
    state.validator = validator;
    state.feed = (record) => {
      const row = toRow(record);
      if (row) validator.add(row);
    };
  };
  const startWithFirstPending = () => {
    start(pending[0] as SheetRecord);
    for (const r of pending.slice(1)) state.feed?.(r);
  };
  const fileDefects: Defect[] = [];
  let lastLine = 0;

  try {
    for await (const batch of records) {
      for (const record of batch) {
        lastLine = record.line;
        if (state.feed) {
          state.feed(record);
          continue;
        }
        if (isBlankRecord(record)) continue;
        if (knownColumnCount(record.values) >= HEADER_MIN_KNOWN) {
          start(record);
          continue;
        }
        pending.push(record);
        // No recognisable header: take the first row as one, so missing columns get reported.
        if (pending.length >= HEADER_SEARCH_ROWS) startWithFirstPending();
      }
    }
  } catch (error) {
    if (!(error instanceof LedgerFileError)) throw error;
    fileDefects.push({ line: error.line ?? lastLine + 1, column: null, code: 'badFile', ...error.problem });
  }
  if (!state.validator && pending.length > 0) startWithFirstPending();
  const { header, validator } = state;
  if (!header || !validator) {
    return { ok: false, header: null, defects: fileDefects.length > 0 ? fileDefects : [{ line: 1, column: null, code: 'noHeader' }] };
  }
  validator.addDefects(fileDefects);
  const result = validator.finish();
  return result.ok ? { ok: true, ledger: result.ledger, header, encoding } : { ok: false, defects: result.defects, header };
}
