// Streams a CSV ledger into positional records, each with the line it STARTS on (header = 1).
//
// Encoding: UTF-8 (with or without BOM). Excel on Chinese Windows saves "CSV (逗号分隔)" as
// GBK, so a file whose first 256 KB are not valid UTF-8 is read as GB18030 (a superset of
// GBK) and the caller is told. Invalid text is an error with its line, never replaced by �.
import { createReadStream } from 'node:fs';
import { unprotectCell } from './csvSafety.ts';
import { type CsvRecord, CsvScanner, CsvSyntaxError } from './csvScanner.ts';
import { LedgerFileError } from './defects.ts';
import type { SheetRecord } from './rawRow.ts';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface ReadOptions {
  /** Bytes of the file read so far, for a progress bar. */
  onBytes?: (bytes: number) => void;
  onEncoding?: (encoding: TextEncoding) => void;
}

function sniffEncoding(first: Buffer): TextEncoding {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Undoes the export's guard against formula injection (see csvSafety.ts). */
function unprotect(records: CsvRecord[]): CsvRecord[] {
  for (const { values } of records) {
    for (let i = 0; i < values.length; i++)
      if ((values[i] as string).charCodeAt(0) === 39) values[i] = unprotectCell(values[i] as string);
  }
  return records;
}

/**
 * Records go out in batches of about this many characters: one await per batch, not one per
 * row, yet few enough records at a time that they die young. Batches of a whole megabyte lived
 * long enough to be promoted, and the old generation grew to 370 MB of garbage at 250,000 rows
 * before a full collection; with 256 KB reads cut into these, the peak is about 265 MB.
 */
const BATCH_CHARS = 1 << 15;

/** Records in batches, each with the line it starts on. */
export async function* readCsvRecords(path: string, options: ReadOptions = {}): AsyncGenerator<SheetRecord[]> {
  const source = createReadStream(path, { highWaterMark: 1 << 18 });
  const scanner = new CsvScanner();
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let bytes = 0;
  let linesBefore = 0; // newlines in the text decoded so far, to place an encoding error
  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      if (!decoder) {
        encoding = sniffEncoding(chunk);
        decoder = new TextDecoder(encoding, { fatal: true }); // strips a UTF-8 BOM
        options.onEncoding?.(encoding);
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        const lenient = new TextDecoder(encoding).decode(chunk);
        const bad = Math.max(lenient.indexOf('\uFFFD'), 0);
        throw new LedgerFileError({ reason: 'notUtf8' }, linesBefore + countNewlines(lenient.slice(0, bad)) + 1);
      }
      linesBefore += countNewlines(text);
      for (let start = 0; start < text.length; start += BATCH_CHARS)
        yield unprotect(scanner.push(text.slice(start, start + BATCH_CHARS)));
    }
    try {
      decoder?.decode();
    } catch {
      throw new LedgerFileError({ reason: 'notUtf8' }, linesBefore + 1);
    }
    yield unprotect(scanner.end());
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new LedgerFileError({ reason: error.problem }, error.line);
    throw error;
  } finally {
    source.destroy();
  }
}
