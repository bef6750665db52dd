// How tall a row must be to show its wrapped text whole. Excel and LibreOffice leave a row they
// did not measure at one line even when its cells wrap (LibreOffice never measures on opening,
// Excel not always), so a long item title would print cut off. We measure instead: roughly, but
// erring towards a line too many, which costs a little white space rather than hidden words.

/** Points per line of 11-point text: Excel draws 15, Chinese fonts a little more. */
const LINE_HEIGHT = 16;

/** Excel's width unit is one "0" of the default font; a CJK character takes about two. */
const WIDE = 2;

// CJK ideographs and punctuation, kana, hangul, full-width forms: the characters drawn twice as wide.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

function isWide(code: number): boolean {
  if (code < 0x2e80) return false; // Latin, digits, punctuation: the common case, decided at once
  return WIDE_RANGES.some(([from, to]) => code >= from && code <= to);
}

/** Lines `text` takes in a column `width` units wide (explicit line breaks start new lines). */
export function linesFor(text: string, width: number): number {
  // A cell's padding takes about one unit of its width.
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let units = 0;
    for (const ch of paragraph) units += isWide(ch.codePointAt(0) as number) ? WIDE : 1;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

/**
 * The height in points for a row whose wrapped cells hold `texts` (one per column, undefined or
 * null for a cell that does not wrap or is empty), or undefined when every cell fits on one line
 * and the row can keep the sheet's default height.
 */
export function wrappedRowHeight(
  texts: readonly (string | null | undefined)[],
  widths: readonly number[],
): number | undefined {
  let lines = 1;
  texts.forEach((text, i) => {
    if (text) lines = Math.max(lines, linesFor(text, widths[i] ?? 10));
  });
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}
