// Files made to hurt: each is refused with a clear sentence, or read, within bounded memory and
// time. Times and memory are printed and only loosely asserted (the machine may be busy).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_XLSX_LIMITS, readXlsxSheet, type XlsxLimits } from '../../../src/ledger/xlsx/index.ts';
import { InflateMeter } from '../../../src/ledger/xlsx/inflateMeter.ts';
import { xlsxLimits } from '../../../src/ledger/xlsx/limits.ts';
import { tempDir } from '../../support/db.ts';
import {
  type Deflated,
  deflatedRepeat,
  readAll,
  readFailure,
  sharedStringsXml,
  sheetXml,
  workbookParts,
  writeWorkbook,
  type ZipPart,
  zipBytes,
} from '../../support/writeWorkbook.ts';

const MB = 1024 * 1024;

/** Runs `read`, sampling RSS meanwhile; prints what it took. */
async function measured<T>(
  label: string,
  read: () => Promise<T>,
): Promise<{ value: T; ms: number; rssGrowthMb: number }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 5);
  const start = performance.now();
  try {
    const value = await read();
    peak = Math.max(peak, process.memoryUsage.rss());
    const result = { value, ms: Math.round(performance.now() - start), rssGrowthMb: Math.round((peak - before) / MB) };
    console.log(`${label}: ${result.ms} ms, peak RSS growth ${result.rssGrowthMb} MB`);
    return result;
  } finally {
    clearInterval(timer);
  }
}

const oneSheet = (xml: string | Deflated, extra: Partial<ZipPart> = {}): ZipPart[] =>
  workbookParts({ sheets: [{ name: 'S', xml: '' }] }).map((p) =>
    p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: xml, ...extra } : p,
  );

function writeParts(name: string, parts: ZipPart[]): string {
  const path = join(tempDir(), name);
  writeFileSync(path, zipBytes(parts));
  return path;
}

describe('files that are not workbooks', () => {
  it('refuses a file that is not a zip', async () => {
    const path = join(tempDir(), 'random.xlsx');
    writeFileSync(path, Buffer.concat([Buffer.from('504b0304', 'hex'), Buffer.alloc(4096, 7)]));
    const error = await readFailure(path, 'S');
    expect(error.line).toBe(1);
    expect(error.problem).toMatchObject({
      reason: 'xlsx',
      detail: expect.stringMatching(/^not a zip file, or a damaged or truncated one \(/),
    });
  });

  it('refuses a truncated workbook', async () => {
    const whole = join(tempDir(), 'whole.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('S').addRow(['a', 1]);
    await workbook.xlsx.writeFile(whole);
    const bytes = readFileSync(whole);
    const path = join(tempDir(), 'truncated.xlsx');
    writeFileSync(path, bytes.subarray(0, bytes.length - 100));
    expect((await readFailure(path, 'S')).problem).toMatchObject({
      detail: expect.stringMatching(/^not a zip file, or a damaged or truncated one/),
    });
  });

  it('refuses a zip without a workbook part', async () => {
    const path = writeParts('readme.xlsx', [{ name: 'readme.txt', data: '台账见附件' }]);
    const error = await readFailure(path, 'S');
    expect(error.problem).toEqual({
      reason: 'xlsx',
      detail: 'no worksheet: the zip has no xl/workbook.xml, so it is not an Excel workbook',
    });
    expect(error.line).toBe(1);
  });

  it('refuses a sheet whose part is missing', async () => {
    const path = writeParts(
      'nosheet.xlsx',
      oneSheet('').filter((p) => !p.name.includes('worksheets/')),
    );
    expect((await readFailure(path, 'S')).problem).toEqual({
      reason: 'xlsx',
      detail: 'sheet "S" is listed, but its part xl/worksheets/sheet1.xml is missing from the zip',
    });
  });

  it('refuses broken XML, at the row where it breaks', async () => {
    const rows =
      '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row><row r="3"><c r="A3"><v>3</v></row>';
    const error = await readFailure(writeParts('broken.xlsx', oneSheet(sheetXml(rows))), 'S');
    expect(error.line).toBe(3);
    expect(error.problem).toMatchObject({
      detail: expect.stringMatching(/^xl\/worksheets\/sheet1.xml is not well-formed XML \(.*unexpected close tag/),
    });
  });

  it('refuses entities a DTD would define (no "billion laughs")', async () => {
    const laughs =
      '<!DOCTYPE worksheet [<!ENTITY a "hahahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const xml = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>&c;</t></is></c></row>').replace(
      '<worksheet',
      `${laughs}<worksheet`,
    );
    const error = await readFailure(writeParts('laughs.xlsx', oneSheet(xml)), 'S');
    expect(error.problem).toMatchObject({
      detail: expect.stringMatching(/^xl\/worksheets\/sheet1.xml is not well-formed XML \(.*undefined entity/),
    });
  });

  it('refuses a zip with more entries than a workbook could need', async () => {
    const path = writeParts('entries.xlsx', oneSheet(sheetXml('')));
    expect((await readFailure(path, 'S', { limits: { maxZipEntries: 3 } })).problem).toEqual({
      reason: 'xlsx',
      detail: 'the zip has 4 entries, more than the 3 a workbook could need',
    });
  });
});

describe('zip bombs', () => {
  // 300 MB of <c r="A1"/> in one row, about 600 KB deflated.
  let bomb: Deflated;
  beforeAll(async () => {
    bomb = await deflatedRepeat(
      `${sheetXml('<row r="1">').split('<sheetData>')[0]}<sheetData><row r="1">`,
      '<c r="A1"/>',
      300 * MB,
      '</row></sheetData></worksheet>',
    );
  }, 60_000);

  it('refuses a part whose declared sizes show the ratio, before inflating it', async () => {
    const path = writeParts('bomb.xlsx', oneSheet(bomb));
    const { value: error, ms, rssGrowthMb } = await measured('declared bomb', () => readFailure(path, 'S'));
    expect(error.problem).toEqual({
      reason: 'xlsx',
      detail:
        'xl/worksheets/sheet1.xml inflates more than 200 times its compressed size, which no real workbook does (a zip bomb?)',
    });
    expect(ms).toBeLessThan(5000);
    expect(rssGrowthMb).toBeLessThan(100);
  });

  it('counts while inflating: a header that understates the size does not let the bomb through', async () => {
    // Declared 150 times its compressed size, under the ratio; really 500 times.
    const path = writeParts('liar.xlsx', oneSheet(bomb, { declaredSize: bomb.deflated.length * 150 }));
    const { value: error, ms, rssGrowthMb } = await measured('counted bomb', () => readFailure(path, 'S'));
    expect(error.problem).toEqual({
      reason: 'xlsx',
      detail:
        'xl/worksheets/sheet1.xml inflates more than 200 times its compressed size, which no real workbook does (a zip bomb?)',
    });
    expect(ms).toBeLessThan(10_000);
    expect(rssGrowthMb).toBeLessThan(200);
  });

  it('stops at the size the header declares', async () => {
    const path = writeParts('small-liar.xlsx', oneSheet(bomb, { declaredSize: 1000 }));
    expect((await readFailure(path, 'S')).problem).toEqual({
      reason: 'xlsx',
      detail:
        'xl/worksheets/sheet1.xml inflates to more than the 1000 bytes its zip header declares (a damaged or forged file)',
    });
  });

  it('limits the bytes inflated in all', async () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const path = writeParts('total.xlsx', oneSheet(sheetXml(rows)));
    expect((await readAll(path, 'S')).length).toBe(50_000);
    expect((await readFailure(path, 'S', { limits: { maxInflatedBytes: MB } })).problem).toEqual({
      reason: 'xlsx',
      detail: 'the workbook inflates to more than 1 MB, more than a ledger needs (a zip bomb?)',
    });
  });

  it('checks the ratio on the bytes counted so far, past the floor only', () => {
    const meter = new InflateMeter(xlsxLimits());
    const part = { name: 'p', compressedSize: 10_000, uncompressedSize: 100 * MB };
    expect(() => meter.checkDeclared(part)).toThrow(/inflates more than 200 times/);
    const count = meter.part(part);
    count(1000, MB); // 1048:1, but not past the 1 MB floor
    count(10_500, 2 * MB); // 199.7:1
    expect(() => count(10_500, 2.2 * MB)).toThrow(/inflates more than 200 times/);
  });
});

describe('shared strings', () => {
  const strings = (n: number, text: string) =>
    sharedStringsXml(Array.from({ length: n }, () => `<si><t>${text}</t></si>`));

  it('limits how many there are', async () => {
    const path = writeWorkbook(join(tempDir(), 'many.xlsx'), {
      sharedStrings: strings(11, 'x'),
      sheets: [{ name: 'S', xml: sheetXml('') }],
    });
    expect(await readAll(path, 'S', { limits: { maxSharedStrings: 11 } })).toEqual([]);
    expect((await readFailure(path, 'S', { limits: { maxSharedStrings: 10 } })).problem).toEqual({
      reason: 'xlsx',
      detail: 'the workbook has more than 10 shared strings',
    });
  });

  it('limits their total length', async () => {
    const path = writeWorkbook(join(tempDir(), 'long.xlsx'), {
      sharedStrings: strings(3, 'abcd'),
      sheets: [{ name: 'S', xml: sheetXml('') }],
    });
    expect(await readAll(path, 'S', { limits: { maxSharedStringChars: 12 } })).toEqual([]);
    expect((await readFailure(path, 'S', { limits: { maxSharedStringChars: 11 } })).problem).toEqual({
      reason: 'xlsx',
      detail: "the workbook's shared strings hold more than 11 characters",
    });
  });
});

describe('sheets that claim or reach too far', () => {
  it('reads a single cell in column XFD as a row 16,384 wide', async () => {
    const path = writeParts('xfd.xlsx', oneSheet(sheetXml('<row r="1"><c r="XFD1"><v>1</v></c></row>')));
    const [record] = await readAll(path, 'S');
    expect(record?.values).toHaveLength(16_384);
    expect(record?.values.at(-1)).toBe(1);
    expect(record?.values.slice(0, -1).every((v) => v === null)).toBe(true);
  });

  it('refuses a cell beyond XFD and a row beyond 1,048,576', async () => {
    const wide = writeParts('xfe.xlsx', oneSheet(sheetXml('<row r="7"><c r="XFE7"><v>1</v></c></row>')));
    expect(await readFailure(wide, 'S')).toMatchObject({
      line: 7,
      problem: { detail: "cell XFE7 is beyond column XFD, Excel's last" },
    });
    const long = writeParts('deep.xlsx', oneSheet(sheetXml('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')));
    expect((await readFailure(long, 'S')).problem).toMatchObject({
      detail: "row 1048577 is beyond row 1048576, Excel's last",
    });
    const noRef = writeParts(
      'many-cells.xlsx',
      oneSheet(sheetXml(`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`)),
    );
    expect((await readFailure(noRef, 'S')).problem).toMatchObject({
      detail: "a cell of row 1 is beyond column XFD, Excel's last",
    });
  });

  it('ignores a <dimension> that claims a million rows: the cost is that of the rows present', async () => {
    const xml = sheetXml('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="Z1048576"><v>2</v></c></row>', {
      before: '<dimension ref="A1:Z1048576"/>',
    });
    const path = writeParts('dimension.xlsx', oneSheet(xml));
    const { value, ms } = await measured('million-row dimension', () => readAll(path, 'S'));
    expect(value.map((r) => [r.line, r.values.length])).toEqual([
      [1, 1],
      [1_048_576, 26],
    ]);
    expect(ms).toBeLessThan(2000);
  });

  it('limits the cells of a sheet, counting the empty ones left of a value', async () => {
    const rows = Array.from(
      { length: 1000 },
      (_, i) => `<row r="${i + 1}"><c r="XFD${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const path = writeParts('wide.xlsx', oneSheet(sheetXml(rows)));
    const { value } = await measured('1,000 rows 16,384 wide', async () => {
      let rows = 0;
      for await (const batch of readXlsxSheet(path, 'S'))
        rows += batch.filter((r) => r.values.length === 16_384).length;
      return rows;
    });
    expect(value).toBe(1000);
    expect((await readFailure(path, 'S', { limits: { maxCells: 100_000 } })).problem).toMatchObject({
      detail: 'the sheet has more than 100000 cells, counting the empty ones left of a value',
    });
  });

  it('refuses an XML node longer than the limit without buffering it', async () => {
    // Checked after each chunk of inflated XML (64 KB), so the node here spans a few.
    const small = writeParts(
      'node.xlsx',
      oneSheet(sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(200_000)}</t></is></c></row>`)),
    );
    expect((await readFailure(small, 'S', { limits: { maxNodeChars: 1000 } })).problem).toMatchObject({
      detail: 'xl/worksheets/sheet1.xml has an XML node longer than 1000 characters',
    });
    // 300 MB in one text node, with the ratio check out of the way.
    const huge = await deflatedRepeat(
      `${sheetXml('').split('<sheetData>')[0]}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>`,
      'x',
      300 * MB,
      '</t></is></c></row></sheetData></worksheet>',
    );
    const path = writeParts('huge-node.xlsx', oneSheet(huge));
    const limits: Partial<XlsxLimits> = { maxCompressionRatio: Number.POSITIVE_INFINITY };
    const { value: error, rssGrowthMb } = await measured('300 MB text node', () => readFailure(path, 'S', { limits }));
    expect(error.problem).toMatchObject({
      detail: `xl/worksheets/sheet1.xml has an XML node longer than ${DEFAULT_XLSX_LIMITS.maxNodeChars} characters`,
    });
    expect(rssGrowthMb).toBeLessThan(250);
  }, 60_000);

  it('spreads a merge over the whole grid only over the rows present, within the cell limit', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
      '',
    );
    const path = writeParts(
      'grid.xlsx',
      oneSheet(sheetXml(rows, { after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' })),
    );
    const records = await readAll(path, 'S', { fillMerged: true });
    expect(records).toHaveLength(100);
    expect(records.every((r) => r.values.length === 16_384 && r.values.every((v) => v === 0))).toBe(true);
    expect((await readFailure(path, 'S', { fillMerged: true, limits: { maxCells: 1_000_000 } })).problem).toMatchObject(
      {
        detail: 'the sheet has more than 1000000 cells, counting the empty ones left of a value',
      },
    );
  });

  it('limits the merged ranges held', async () => {
    const merges = Array.from({ length: 11 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 1}"/>`).join('');
    const path = writeParts(
      'merges.xlsx',
      oneSheet(
        sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>', { after: `<mergeCells count="11">${merges}</mergeCells>` }),
      ),
    );
    expect(await readAll(path, 'S', { fillMerged: true, limits: { maxMergedRanges: 11 } })).toEqual([
      { line: 1, values: [1, 1] },
    ]);
    expect((await readFailure(path, 'S', { fillMerged: true, limits: { maxMergedRanges: 10 } })).problem).toMatchObject(
      {
        detail: 'xl/worksheets/sheet1.xml has more than 10 merged ranges',
      },
    );
  });
});
