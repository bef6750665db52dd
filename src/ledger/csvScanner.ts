// A strict RFC 4180 CSV scanner over decoded text, fed chunk by chunk, that knows the line each
// record STARTS on.
//
// Why not csv-parse: on this 2-core machine it needs ~3 s for the 58 MB / 250,000-row
// benchmark ledger, a third of the 10 s budget, and its `info.lines` is where a record ENDS
// (counting a CRLF inside quotes twice). This scanner does the same job in well under a second
// because it works on JS strings with indexOf instead of byte by byte.
//
// Strict, nothing relaxed: a quote inside an unquoted field, text after a closing quote, an
// unclosed quote, or a record longer than MAX_CSV_RECORD_CHARS is an error with its line.
// Line breaks are CRLF, LF or a lone CR (old Mac Excel); a blank line is a record of one
// empty field, as in csv-parse, and the caller skips it.

export const MAX_CSV_RECORD_CHARS = 1_000_000;

export type CsvProblem = 'badQuote' | 'quoteNotClosed' | 'recordTooLong';

export class CsvSyntaxError extends Error {
  constructor(
    readonly problem: CsvProblem,
    readonly line: number,
  ) {
    super(`CSV ${problem} at line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

export interface CsvRecord {
  line: number;
  values: string[];
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/** Line breaks inside a quoted field, counting CRLF once. */
function breaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

export class CsvScanner {
  private rest = '';
  private line = 1;

  /** Records completed by this chunk; an incomplete last record waits for the next chunk. */
  push(chunk: string): CsvRecord[] {
    const text = this.rest + chunk;
    const { records, consumed } = this.scan(text, false);
    this.rest = text.slice(consumed);
    if (this.rest.length > MAX_CSV_RECORD_CHARS) throw new CsvSyntaxError('recordTooLong', this.line);
    return records;
  }

  /** The last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    const text = this.rest;
    this.rest = '';
    return text === '' ? [] : this.scan(text, true).records;
  }

  private scan(text: string, final: boolean): { records: CsvRecord[]; consumed: number } {
    const records: CsvRecord[] = [];
    const n = text.length;
    let start = 0; // where the current record starts in `text`
    let recordLine = this.line; // the line it starts on
    let line = recordLine; // the line `pos` is on
    let values: string[] = [];
    // Stops at an incomplete record: it is scanned again, whole, with the next chunk.
    const incomplete = () => {
      this.line = recordLine;
      return { records, consumed: start };
    };
    let pos = 0;
    for (;;) {
      // At the start of a field.
      if (pos === n) {
        if (!final) return incomplete();
        values.push(''); // the text ends right after a comma
        records.push({ line: recordLine, values });
        break;
      }
      if (text.charCodeAt(pos) === QUOTE) {
        let from = pos + 1;
        let value = '';
        let close: number;
        for (;;) {
          close = text.indexOf('"', from);
          if (close === -1) {
            if (final) throw new CsvSyntaxError('quoteNotClosed', recordLine);
            return incomplete();
          }
          if (close + 1 === n && !final) return incomplete(); // a doubled "" may straddle chunks
          if (text.charCodeAt(close + 1) !== QUOTE) break;
          value += text.slice(from, close + 1); // keep one quote of the pair
          from = close + 2;
        }
        values.push(value + text.slice(from, close));
        line += breaksIn(text, pos + 1, close);
        pos = close + 1;
        const next = pos < n ? text.charCodeAt(pos) : COMMA;
        if (next !== COMMA && next !== CR && next !== LF) throw new CsvSyntaxError('badQuote', line);
      } else {
        let end = pos;
        for (; end < n; end++) {
          const c = text.charCodeAt(end);
          if (c === COMMA || c === CR || c === LF) break;
          if (c === QUOTE) throw new CsvSyntaxError('badQuote', line);
        }
        values.push(text.slice(pos, end));
        pos = end;
      }
      if (pos === n) {
        if (!final) return incomplete();
        records.push({ line: recordLine, values });
        break;
      }
      const c = text.charCodeAt(pos);
      if (c === COMMA) {
        pos++;
        continue;
      }
      // The record ends. A CR at the very end of a chunk may be the first half of a CRLF.
      if (c === CR && pos + 1 === n && !final) return incomplete();
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      records.push({ line: recordLine, values });
      values = [];
      start = pos;
      line += 1;
      recordLine = line;
      if (pos === n) break;
    }
    this.line = line;
    return { records, consumed: n };
  }
}
