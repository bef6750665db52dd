// Workbooks written by hand, part by part, for what exceljs will not write: phonetic runs,
// inline strings, cells without references, hostile sizes, zip headers that lie. The zip
// writer is the format's minimum (local headers, central directory, end record; no zip64).

import { once } from 'node:events';
import { readdirSync, writeFileSync } from 'node:fs';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { LedgerFileError } from '../../src/ledger/defects.ts';
import type { SheetRecord } from '../../src/ledger/rawRow.ts';
import { readXlsxSheet, type XlsxReadOptions } from '../../src/ledger/xlsx/index.ts';

/** A part deflated ahead (too large to hold inflated). */
export interface Deflated {
  deflated: Buffer;
  size: number;
  crc: number;
}

export interface ZipPart {
  name: string;
  data: string | Buffer | Deflated;
  /** Deflated unless said otherwise. */
  stored?: boolean;
  /** What the central directory claims the inflated size is; the truth by default. */
  declaredSize?: number;
}

export function zipBytes(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const given = part.data;
    const ahead = typeof given === 'object' && 'deflated' in given ? given : undefined;
    const data = ahead ? Buffer.alloc(0) : Buffer.from(given as string | Buffer);
    const body = ahead ? ahead.deflated : part.stored ? data : deflateRawSync(data);
    const name = Buffer.from(part.name);
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(part.stored && !ahead ? 0 : 8, at + 4);
      header.writeUInt32LE(0, at + 6); // time and date
      header.writeUInt32LE(ahead?.crc ?? crc32(data), at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(part.declaredSize ?? ahead?.size ?? data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** `head`, then `unit` until about `bytes`, then `tail`, deflated as it is made (a zip bomb). */
export async function deflatedRepeat(head: string, unit: string, bytes: number, tail: string): Promise<Deflated> {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  let size = 0;
  let crc = 0;
  const write = async (chunk: Buffer) => {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (!deflate.write(chunk)) await once(deflate, 'drain');
  };
  await write(Buffer.from(head));
  while (size < bytes) await write(block);
  await write(Buffer.from(tail));
  deflate.end();
  await once(deflate, 'end');
  return { deflated: Buffer.concat(out), size, crc };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** A worksheet part around `rows` (the inside of <sheetData>); `after` goes after it (merges). */
export function sheetXml(rows: string, options: { before?: string; after?: string } = {}): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${options.before ?? ''}<sheetData>${rows}</sheetData>${options.after ?? ''}</worksheet>`;
}

export function sharedStringsXml(items: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
}

/** cellXfs entries by numFmtId, with custom formats by id. */
export function stylesXml(cellFormats: readonly number[], custom: Record<number, string> = {}): string {
  const escapeXml = (code: string) => code.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const numFmts = Object.entries(custom)
    .map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    .join('');
  const xfs = cellFormats.map((id) => `<xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${Object.keys(custom).length}">${numFmts}</numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="${cellFormats.length}">${xfs}</cellXfs></styleSheet>`;
}

export interface RawWorkbook {
  sheets: { name: string; xml: string; state?: 'hidden' | 'veryHidden' }[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
}

/** The parts of a workbook laid out as Excel does, shared strings and styles when given. */
export function workbookParts(book: RawWorkbook): ZipPart[] {
  const sheetRels = book.sheets.map(
    (_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  const extraRels = [
    book.sharedStrings === undefined
      ? ''
      : `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    book.styles === undefined ? '' : `<Relationship Id="rIdT" Type="${REL}/styles" Target="/xl/styles.xml"/>`,
  ];
  const sheets = book.sheets.map(
    (s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
  );
  const parts: ZipPart[] = [
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheets.join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<Relationships xmlns="${PKG}">${sheetRels.join('')}${extraRels.join('')}</Relationships>`,
    },
    ...book.sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: s.xml })),
  ];
  if (book.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: book.sharedStrings });
  if (book.styles !== undefined) parts.push({ name: 'xl/styles.xml', data: book.styles });
  return parts;
}

export function writeWorkbook(path: string, book: RawWorkbook): string {
  writeFileSync(path, zipBytes(workbookParts(book)));
  return path;
}

export async function readAll(path: string, sheet: string, options?: XlsxReadOptions): Promise<SheetRecord[]> {
  const records: SheetRecord[] = [];
  for await (const batch of readXlsxSheet(path, sheet, options)) records.push(...batch);
  return records;
}

/** The file problem reading gives; fails the test when reading succeeds. */
export async function readFailure(path: string, sheet: string, options?: XlsxReadOptions): Promise<LedgerFileError> {
  try {
    await readAll(path, sheet, options);
  } catch (error) {
    if (error instanceof LedgerFileError) return error;
    throw error;
  }
  throw new Error('expected a LedgerFileError');
}

/** Open file descriptors of this process. */
export function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}
