// Streaming: an early stop releases the file, exceljs's own streaming writer reads back whole
// every time, and a 250,000-row sheet reads in bounded memory (measured, printed).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxSheet } from '../../../src/ledger/xlsx/index.ts';
import { tempDir } from '../../support/db.ts';
import { excelDate } from '../../support/ledgerFixture.ts';
import {
  openFds,
  readAll,
  readFailure,
  sharedStringsXml,
  sheetXml,
  stylesXml,
  workbookParts,
  writeWorkbook,
  zipBytes,
} from '../../support/writeWorkbook.ts';

const numberRows = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}"><v>${i + 1}</v></c><c r="B${i + 1}" t="inlineStr"><is><t>item ${i + 1}</t></is></c></row>`,
  ).join('');

// The reader awaits the file's closing before it ends, so no waiting is needed before counting.
describe('stopping early', () => {
  const path = () =>
    writeWorkbook(join(tempDir(), 'many.xlsx'), { sheets: [{ name: 'S', xml: sheetXml(numberRows(5000)) }] });

  it('closes the file on break, after the first batch', async () => {
    const file = path();
    const before = openFds();
    let seen = 0;
    for await (const batch of readXlsxSheet(file, 'S')) {
      seen += batch.length;
      expect(openFds()).toBeGreaterThan(before);
      break;
    }
    expect(seen).toBeGreaterThanOrEqual(1000); // about 1000: a batch goes out at the end of a chunk
    expect(seen).toBeLessThan(2000);
    expect(openFds()).toBe(before);
  });

  it('closes the file on return() at any point, with merged cells being spread too', async () => {
    const file = path();
    const before = openFds();
    for (const fillMerged of [false, true]) {
      const unstarted = readXlsxSheet(file, 'S', { fillMerged });
      await unstarted.return(undefined);
      const started = readXlsxSheet(file, 'S', { fillMerged });
      expect((await started.next()).value?.length).toBeGreaterThanOrEqual(1000);
      await started.next();
      expect(await started.return(undefined)).toEqual({ done: true, value: undefined });
      expect(await started.next()).toEqual({ done: true, value: undefined });
    }
    expect(openFds()).toBe(before);
  });

  it('closes the file when the sheet turns out broken half way', async () => {
    const broken = `${numberRows(3000)}<row r="3001"><c r="A3001"><v>1</v></row>`;
    const file = writeWorkbook(join(tempDir(), 'broken.xlsx'), { sheets: [{ name: 'S', xml: sheetXml(broken) }] });
    const before = openFds();
    expect((await readFailure(file, 'S')).line).toBe(3001);
    expect(openFds()).toBe(before);
  });
});

describe('round trip through exceljs’s streaming writer', () => {
  // The old import lost the last zip entries (xl/workbook.xml among them) about one time in ten.
  it('reads back every row of every sheet, 20 times in a row', async () => {
    const dir = tempDir();
    for (let round = 0; round < 20; round++) {
      const path = join(dir, `export-${round}.xlsx`);
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: path,
        useStyles: true,
        useSharedStrings: true,
      });
      const summary = writer.addWorksheet('统计表');
      summary.addRow(['统计表', round]).commit();
      summary.commit();
      const ledger = writer.addWorksheet('台账');
      ledger.addRow(['plan_code', 'item_code', 'due_on', 'note']).commit();
      const rows = 50 + round * 37;
      for (let i = 1; i <= rows; i++) {
        const row = ledger.addRow([`P${round}`, String(i), excelDate('2016-06-30'), i % 3 ? `备注 ${i}` : null]);
        row.getCell(3).numFmt = 'yyyy-mm-dd';
        row.commit();
      }
      ledger.commit();
      await writer.commit();

      expect(await readAll(path, '统计表')).toEqual([{ line: 1, values: ['统计表', round] }]);
      const records = await readAll(path, '台账');
      expect(records).toHaveLength(rows + 1);
      expect(records.at(-1)).toEqual({
        line: rows + 1,
        values: [`P${round}`, String(rows), excelDate('2016-06-30'), ...(rows % 3 ? [`备注 ${rows}`] : [])],
      });
    }
  }, 60_000);
});

describe('a large sheet', () => {
  it('reads 250,000 rows in bounded memory', async () => {
    const ROWS = 250_000;
    // Shaped like our export: shared strings, two date columns (style 1), numbers.
    const strings = [
      'plan_code',
      'plan_title',
      'item_code',
      'item_title',
      'issued_on',
      'due_on',
      'status',
      '已完成',
      '已启动未完成',
      '未启动',
    ];
    const titles = (i: number) => strings.length + i;
    const row = (r: number) => {
      const i = r - 2;
      return `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>P${Math.floor(i / 25)}</t></is></c><c r="B${r}" t="s"><v>${titles(Math.floor(i / 25))}</v></c><c r="C${r}"><v>${(i % 25) + 1}</v></c><c r="D${r}" t="inlineStr"><is><t>具体改革事项 ${i} 推进混合所有制改革</t></is></c><c r="E${r}" s="1"><v>${42370 + (i % 300)}</v></c><c r="F${r}" s="1"><v>${42736 + (i % 365)}</v></c><c r="G${r}" t="s"><v>${7 + (i % 3)}</v></c></row>`;
    };
    const header = `<row r="1">${strings
      .slice(0, 7)
      .map((_, c) => `<c r="${String.fromCharCode(65 + c)}1" t="s"><v>${c}</v></c>`)
      .join('')}</row>`;
    const body: string[] = [header];
    for (let r = 2; r <= ROWS + 1; r++) body.push(row(r));
    const planTitles = Array.from({ length: ROWS / 25 }, (_, p) => `关于深化改革的实施意见 第${p}号`);
    const parts = workbookParts({
      sharedStrings: sharedStringsXml([...strings, ...planTitles].map((s) => `<si><t>${s}</t></si>`)),
      styles: stylesXml([0, 164], { 164: 'yyyy-mm-dd' }),
      sheets: [{ name: '台账', xml: sheetXml(body.join('')) }],
    });
    body.length = 0;
    const path = join(tempDir(), 'large.xlsx');
    writeFileSync(path, zipBytes(parts));
    parts.length = 0;

    // Read in a process of its own: this one is full of the XML just made.
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, '../../support/measureRead.ts'), path, '台账'],
      { encoding: 'utf8' },
    );
    expect(child.stderr).toBe('');
    const measured = JSON.parse(child.stdout) as {
      rows: number;
      ms: number;
      startRssMb: number;
      peakRssMb: number;
      last: { line: number; values: unknown[] };
    };
    console.log(
      `250,000 rows: ${measured.ms} ms, peak RSS ${measured.peakRssMb} MB (${measured.peakRssMb - measured.startRssMb} MB over the ${measured.startRssMb} MB at start)`,
    );
    expect(measured.rows).toBe(ROWS + 1);
    expect(measured.last).toEqual({
      line: ROWS + 1,
      values: [
        'P9999',
        '关于深化改革的实施意见 第9999号',
        25,
        '具体改革事项 249999 推进混合所有制改革',
        '2016-04-09T00:00:00.000Z',
        '2017-12-06T00:00:00.000Z',
        '已完成',
      ],
    });
  }, 180_000);
});
