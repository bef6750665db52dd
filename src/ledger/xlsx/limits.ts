// Bounds that keep a hostile workbook (a zip bomb, a billion empty cells, one giant string) from
// taking unbounded memory or time: each is checked while the bytes arrive, never trusted from a
// header alone. The defaults leave room for any real ledger; tests lower them.

export interface XlsxLimits {
  /** Bytes inflated from the zip in one read, all parts together: what a zip bomb produces. */
  maxInflatedBytes: number;
  /** A part that inflates more than this many times its compressed size is refused ... */
  maxCompressionRatio: number;
  /** ... once it has inflated past this many bytes (small XML parts compress very well). */
  ratioFloorBytes: number;
  /** Shared strings are held in memory (cells point into them at random): how many ... */
  maxSharedStrings: number;
  /** ... and how many characters in all. */
  maxSharedStringChars: number;
  /** Characters in one XML node (a text, a tag with its attributes, a comment). */
  maxNodeChars: number;
  /** Cells handed over for one sheet, counting the empty ones left of a value and merge fills. */
  maxCells: number;
  /** Merged ranges held for one sheet. */
  maxMergedRanges: number;
  /** Entries in the zip's central directory, which is read whole. */
  maxZipEntries: number;
}

const MB = 1024 * 1024;

export const DEFAULT_XLSX_LIMITS: Readonly<XlsxLimits> = Object.freeze({
  // A real 200 MB workbook (the file limit) inflates to 1-2 GB: Excel's XML compresses 8-20 times.
  maxInflatedBytes: 2048 * MB,
  // Real sheets stay well under 100:1; deflate reaches 1032:1 on runs of one byte.
  maxCompressionRatio: 200,
  ratioFloorBytes: 1 * MB,
  // A 250,000-item ledger has about 300,000 distinct strings.
  maxSharedStrings: 5_000_000,
  maxSharedStringChars: 256 * MB,
  // Excel caps a cell at 32,767 characters; a node 500 times that is not a spreadsheet's.
  maxNodeChars: 16 * MB,
  // Excel's whole grid of 1,048,576 rows is 100 million cells at 95 columns.
  maxCells: 100_000_000,
  maxMergedRanges: 1_000_000,
  // A workbook has a few dozen parts; one with a part per sheet, drawing and image stays far below.
  maxZipEntries: 100_000,
});

export function xlsxLimits(overrides: Partial<XlsxLimits> = {}): XlsxLimits {
  return { ...DEFAULT_XLSX_LIMITS, ...overrides };
}
