// Files that are not what they claim, made small and fast: a sparse file of any size (only the
// first bytes are written; the rest is a hole the file system does not store), a real zip
// archive that holds no workbook, and reproducible random bytes.
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { zipBytes } from './writeWorkbook.ts';

/** `head`, then zeros up to `size` bytes, without writing them. */
export function sparseFile(path: string, head: Buffer | string, size: number): string {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, typeof head === 'string' ? Buffer.from(head) : head);
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return path;
}

/** A valid zip (stored, no compression) of the given files: what "a zip without a workbook" is. */
export function zipFile(path: string, files: Record<string, string>): string {
  writeFileSync(path, zipBytes(Object.entries(files).map(([name, data]) => ({ name, data, stored: true }))));
  return path;
}

/** `n` bytes from a seeded generator (the same every run), never starting like a zip or OLE file. */
export function randomBytes(n: number, seed = 7): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i += 1) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  out[0] = 0x89; // not 'P' (zip) nor 0xd0 (OLE)
  return out;
}
