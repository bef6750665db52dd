// Files that are not what they claim, made small and fast: a sparse file of any size (only the
// first bytes are written; the rest is a hole the file system does not store), a real zip
// archive that holds no workbook, and reproducible random bytes.
import { closeSync, ftruncateSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

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
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text);
    const fileName = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(path, Buffer.concat([...locals, directory, end]));
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
