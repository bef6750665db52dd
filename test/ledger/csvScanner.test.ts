import { describe, expect, it } from 'vitest';
import { type CsvRecord, CsvScanner, CsvSyntaxError, MAX_CSV_RECORD_CHARS } from '../../src/ledger/csvScanner.ts';

/** Scans `text` fed in pieces of `size` characters (1 = every possible chunk boundary). */
function scan(text: string, size = text.length || 1): CsvRecord[] {
  const scanner = new CsvScanner();
  const records: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) records.push(...scanner.push(text.slice(i, i + size)));
  records.push(...scanner.end());
  return records;
}

const SAMPLE =
  'a,b,c\r\n1,"x, y",3\r\n2,"multi\r\nline\nfield",4\r\n\r\n3,"say ""hi""",\r\n4,,"a\rb"\r\nlast,row,no-eol';
const EXPECTED: CsvRecord[] = [
  { line: 1, values: ['a', 'b', 'c'] },
  { line: 2, values: ['1', 'x, y', '3'] },
  { line: 3, values: ['2', 'multi\r\nline\nfield', '4'] },
  { line: 6, values: [''] },
  { line: 7, values: ['3', 'say "hi"', ''] },
  { line: 8, values: ['4', '', 'a\rb'] },
  { line: 10, values: ['last', 'row', 'no-eol'] },
];

describe('CsvScanner', () => {
  it('gives each record the line it starts on, with quoted commas, quotes and line breaks', () => {
    expect(scan(SAMPLE)).toEqual(EXPECTED);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    for (const size of [1, 2, 3, 5, 7, 11]) expect(scan(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('accepts LF, CRLF and lone CR line ends', () => {
    expect(scan('a,b\n1,2\n')).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '2'] },
    ]);
    expect(scan('a,b\r1,2\r', 1)).toEqual([
      { line: 1, values: ['a', 'b'] },
      { line: 2, values: ['1', '2'] },
    ]);
  });

  it('keeps a trailing empty field', () => {
    expect(scan('a,')).toEqual([{ line: 1, values: ['a', ''] }]);
  });

  it.each([
    ['a,b\n1,x"y\n', 'badQuote', 2],
    ['a,b\n1,"x"y\n', 'badQuote', 2],
    ['a,b\n1,"x\n\n"y,2\n', 'badQuote', 4],
    ['a,b\n1,2\n3,"never closed\n4,5\n', 'quoteNotClosed', 3],
  ])('refuses %j (%s at line %i)', (text, problem, line) => {
    for (const size of [1, 4, 1000]) {
      const error = (() => {
        try {
          scan(text, size);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).problem).toBe(problem);
      expect((error as CsvSyntaxError).line).toBe(line);
    }
  });

  it('refuses a record longer than the limit instead of swallowing the file', () => {
    const scanner = new CsvScanner();
    scanner.push('a,b\n1,"');
    expect(() => scanner.push('x'.repeat(MAX_CSV_RECORD_CHARS + 1))).toThrow(CsvSyntaxError);
  });
});
