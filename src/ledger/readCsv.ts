// Streams a CSV ledger into positional records, each with the line it STARTS on (header = 1).
//
// Why we count lines ourselves: csv-parse's `info.lines` is the line a record ENDS on, and it
// counts a CRLF inside a quoted field as two lines. A record spans 1 + (line breaks inside its
// quoted fields) lines, because unquoted fields cannot hold a break; blank lines come through
// as records of one empty cell (skipped later), so every line is accounted for.
//
// Encoding: UTF-8 (with or without BOM). Excel on Chinese Windows saves "CSV (逗号分隔)" as
// GBK, so a file whose first megabyte is not valid UTF-8 is read as GB18030 (a superset of
// GBK) and the caller is told. Nothing else is relaxed: a stray quote or a record of the wrong
// width is reported, never repaired.
import { createReadStream } from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { type FileProblem, LedgerFileError } from './defects.ts';
import type { SheetRecord } from './rawRow.ts';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface ReadOptions {
  /** Bytes of the file read so far, for a progress bar. */
  onBytes?: (bytes: number) => void;
  onEncoding?: (encoding: TextEncoding) => void;
}

/** A record longer than this is an unclosed quote swallowing the file, not a real row. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

const BREAKS = /\r\n|\r|\n/g;

function lineBreaks(values: readonly string[]): number {
  let count = 0;
  for (const value of values) {
    if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) continue;
    count += value.match(BREAKS)?.length ?? 0;
  }
  return count;
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

function countNewlines(text: string | Buffer): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Checks (UTF-8) or converts (GB18030) the bytes, so the parser always receives UTF-8. */
function decoding(options: ReadOptions): Transform {
  let decoder: TextDecoder | undefined;
  let encoding: TextEncoding = 'utf-8';
  let bytes = 0;
  let linesBefore = 0;
  const invalidAt = (chunk: Buffer) => {
    const text = new TextDecoder(encoding).decode(chunk);
    const bad = text.indexOf('\uFFFD');
    return new LedgerFileError({ reason: 'notUtf8' }, linesBefore + countNewlines(text.slice(0, Math.max(bad, 0))) + 1);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      options.onBytes?.(bytes);
      if (!decoder) {
        encoding = sniffEncoding(chunk);
        decoder = new TextDecoder(encoding, { fatal: true });
        options.onEncoding?.(encoding);
      }
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        callback(invalidAt(chunk));
        return;
      }
      linesBefore += countNewlines(chunk);
      callback(null, encoding === 'utf-8' ? chunk : Buffer.from(text, 'utf8'));
    },
    flush(callback) {
      try {
        decoder?.decode();
        callback();
      } catch {
        callback(new LedgerFileError({ reason: 'notUtf8' }, linesBefore + 1));
      }
    },
  });
}

function problemOf(error: CsvError): FileProblem {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { reason: 'quoteNotClosed' };
    case 'INVALID_OPENING_QUOTE':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return { reason: 'badQuote' };
    case 'CSV_MAX_RECORD_SIZE':
      return { reason: 'recordTooLong' };
    default:
      return { reason: 'csv', detail: error.message };
  }
}

export async function* readCsvRecords(path: string, options: ReadOptions = {}): AsyncGenerator<SheetRecord> {
  const source = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = parse({
    bom: true,
    relax_column_count: true, // widths are checked against the header, with the right line
    record_delimiter: ['\r\n', '\n', '\r'],
    max_record_size: MAX_CSV_RECORD_CHARS,
  });
  pipeline(source, decoding(options), parser, () => {
    // Errors surface through the parser's iterator below.
  });
  let nextLine = 1;
  try {
    for await (const values of parser as AsyncIterable<string[]>) {
      const line = nextLine;
      nextLine += 1 + lineBreaks(values);
      yield { line, values };
    }
  } catch (error) {
    if (error instanceof LedgerFileError) throw error;
    if (error instanceof CsvError) throw new LedgerFileError(problemOf(error), nextLine);
    throw error;
  } finally {
    source.destroy();
  }
}
