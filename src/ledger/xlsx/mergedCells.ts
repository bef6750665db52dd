// Merged cells, for readers that want them as Excel shows them: every cell of a merged range
// showing the value of its top-left cell (office ledgers merge the plan columns down the items
// of each plan). The sheet XML keeps only the top-left value and lists the ranges in
// <mergeCells> after all the rows, so a reader that streams the rows has to learn the ranges
// first: scanMergedRanges skims the part for them without parsing it as XML, which costs an
// inflate but not a second parse.
import type { Cell } from '../rawRow.ts';
import { parseCellRef } from './cellRef.ts';
import type { XlsxLimits } from './limits.ts';
import { xlsxError } from './xlsxError.ts';

export interface MergeRange {
  /** Rows 1-based, columns 0-based, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

// Markup cannot hold a literal "<" in text or attributes, so this only matches real tags.
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\s[^>]*?\bref\s*=\s*["']([^"']*)["'][^>]*>/g;
/** Longer than any <mergeCell> tag: what is kept of one chunk to finish a tag cut by the next. */
const CARRY = 256;

function parseMergeRef(ref: string): MergeRange | undefined {
  const [from, to] = ref.split(':');
  if (from === undefined || to === undefined) return undefined;
  const a = parseCellRef(from);
  const b = parseCellRef(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export async function scanMergedRanges(
  part: string,
  chunks: AsyncIterable<Buffer>,
  limits: XlsxLimits,
): Promise<MergeRange[]> {
  const ranges: MergeRange[] = [];
  let carry = '';
  for await (const chunk of chunks) {
    // latin1 maps bytes to characters one to one; tags and references are ASCII.
    const text = carry + chunk.toString('latin1');
    let end = 0;
    if (text.includes('mergeCell')) {
      for (const match of text.matchAll(MERGE_CELL)) {
        const range = parseMergeRef(match[1] ?? '');
        if (range) ranges.push(range);
        end = match.index + match[0].length;
      }
      if (ranges.length > limits.maxMergedRanges)
        throw xlsxError(`${part} has more than ${limits.maxMergedRanges} merged ranges`);
    }
    carry = text.slice(Math.max(end, text.length - CARRY));
  }
  return ranges;
}

/** Spreads each range's top-left value over its cells, row by row as the rows stream past. */
export class MergeFiller {
  private readonly ranges: MergeRange[];
  private next = 0;
  private active: { range: MergeRange; value: Cell }[] = [];

  constructor(ranges: readonly MergeRange[]) {
    this.ranges = [...ranges].sort((a, b) => a.top - b.top);
  }

  /** Fills `values`, the cells of row `line`; returns how many cells it set, for the cell limit. */
  fill(line: number, values: Cell[]): number {
    for (let range = this.ranges[this.next]; range && range.top <= line; range = this.ranges[++this.next]) {
      // A range whose top row is not in the XML, or whose top-left cell is empty, spreads nothing.
      const value = range.top === line ? (values[range.left] ?? null) : null;
      if (value !== null) this.active.push({ range, value });
    }
    if (this.active.length === 0) return 0;
    this.active = this.active.filter((a) => a.range.bottom >= line);
    let filled = 0;
    for (const { range, value } of this.active) {
      while (values.length <= range.right) values.push(null);
      for (let c = range.left; c <= range.right; c++) values[c] = value;
      filled += range.right - range.left + 1;
    }
    return filled;
  }
}
