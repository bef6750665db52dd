// Refuses, before any parsing, files that cannot be a ledger: missing, empty, too large, of an
// unknown kind, binary where text is expected, or named .xlsx without being a workbook (zip).
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { extname } from 'node:path';

/**
 * 200 MB: a CSV of 250,000 items is about 40 MB, so this leaves room for any real ledger while
 * refusing a wrong file (a database dump, a video) before it fills memory. Change it here.
 */
export const MAX_LEDGER_BYTES = 200 * 1024 * 1024;

export type LedgerFormat = 'csv' | 'xlsx';

export type FileRejection =
  | { reason: 'notFound' }
  | { reason: 'notAFile' }
  | { reason: 'empty' }
  | { reason: 'tooLarge'; size: number; limit: number }
  | { reason: 'unknownExtension'; extension: string }
  | { reason: 'legacyXls' }
  | { reason: 'binary' }
  | { reason: 'utf16' }
  | { reason: 'workbookAsCsv' }
  | { reason: 'notXlsx' };

export type FileCheck = { ok: true; format: LedgerFormat; size: number } | { ok: false; rejection: FileRejection };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the pre-2007 .xls container
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function formatOfPath(path: string): LedgerFormat | FileRejection {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  if (extension === '.xls') return { reason: 'legacyXls' };
  return { reason: 'unknownExtension', extension: extension || '(none)' };
}

/** What the first bytes say about a file of the given format; undefined when they look right. */
function sniffProblem(format: LedgerFormat, head: Buffer): FileRejection | undefined {
  if (format === 'xlsx') {
    if (startsWith(head, OLE)) return { reason: 'legacyXls' };
    return startsWith(head, ZIP) ? undefined : { reason: 'notXlsx' };
  }
  if (startsWith(head, ZIP)) return { reason: 'workbookAsCsv' };
  if (startsWith(head, OLE)) return { reason: 'legacyXls' };
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return { reason: 'utf16' };
  return head.includes(0) ? { reason: 'binary' } : undefined;
}

/** `maxBytes` overrides the limit (tests). */
export function checkLedgerFile(path: string, maxBytes?: number): FileCheck {
  // Existence first: advice about the file's kind (save .xls as .xlsx) is no help for a file
  // that is not there - the person mistyped the name.
  let size: number;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return { ok: false, rejection: { reason: 'notAFile' } };
    size = stat.size;
  } catch {
    return { ok: false, rejection: { reason: 'notFound' } };
  }
  const format = formatOfPath(path);
  if (typeof format !== 'string') return { ok: false, rejection: format };
  if (size === 0) return { ok: false, rejection: { reason: 'empty' } };
  const limit = maxBytes ?? MAX_LEDGER_BYTES;
  if (size > limit) return { ok: false, rejection: { reason: 'tooLarge', size, limit } };
  const head = Buffer.alloc(Math.min(size, 8192));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const problem = sniffProblem(format, head);
  return problem ? { ok: false, rejection: problem } : { ok: true, format, size };
}
