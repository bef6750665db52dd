// Ledger files that must not get in, given to `reform-bot import` as offices would (a spawned
// process): over the documented size limits (README "The ledger": 200 MB, 10 MB for XLSX;
// sparse files, so the test writes almost nothing), empty, binary, and .xlsx files that are not
// workbooks. Each is refused with a message naming the file and the problem, exit code 1, and
// the database is exactly as it was.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { MAX_LEDGER_BYTES } from '../../src/ledger/fileCheck.ts';
import { cli } from '../support/cli.ts';
import { allTables, snapshot } from '../support/db.ts';
import { randomBytes, sparseFile, zipFile } from '../support/hostileFiles.ts';
import { baseRows, csvText, writeCsv } from '../support/ledgerFixture.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/reform-bot.js');
const MB = 1024 * 1024;

let dir: string;
let dbPath: string;
let before: Record<string, unknown[]>;

function stateNow() {
  const db = openDatabase(dbPath);
  try {
    return snapshot(db, allTables(db));
  } finally {
    closeDatabase(db);
  }
}

function importFile(file: string, locale: 'en' | 'zh-CN' = 'en') {
  const r = spawnSync(process.execPath, [BIN, 'import', file], {
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dbPath, REFORM_LOCALE: locale, LOG_LEVEL: 'warn' },
    cwd: dir,
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reform-security-ledger-'));
  dbPath = join(dir, 'reform.db');
  const seeded = await cli(['import', writeCsv(join(dir, 'good.csv'), baseRows())], { DATABASE_PATH: dbPath });
  expect(seeded.code).toBe(0);
  before = stateNow();
  expect(before.items).toHaveLength(7);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const header = csvText(baseRows());
const CASES: [string, (path: string) => void, string][] = [
  [
    'huge.csv',
    (p) => sparseFile(p, header, MAX_LEDGER_BYTES + MB),
    'is 201.0 MB, over the 200.0 MB limit for a ledger file',
  ],
  // XLSX is streamed: it takes the same limit as CSV.
  [
    'huge.xlsx',
    (p) => sparseFile(p, Buffer.from('504b0304', 'hex'), MAX_LEDGER_BYTES + MB),
    'is 201.0 MB, over the 200.0 MB limit for a ledger file',
  ],
  ['empty.csv', (p) => writeFileSync(p, ''), 'is empty'],
  ['empty.xlsx', (p) => writeFileSync(p, ''), 'is empty'],
  [
    'binary.csv',
    (p) => writeFileSync(p, Buffer.concat([randomBytes(64), Buffer.alloc(16)])),
    'is not a text file; a .csv ledger must be text',
  ],
  ['renamed-csv.xlsx', (p) => writeFileSync(p, header), 'is not an XLSX workbook (it is not a zip file)'],
  ['random.xlsx', (p) => writeFileSync(p, randomBytes(4096)), 'is not an XLSX workbook (it is not a zip file)'],
  [
    'zip-without-workbook.xlsx',
    (p) => zipFile(p, { 'readme.txt': '台账见附件', 'data/ledger.csv': header }),
    'line 1: cannot read the workbook: no worksheet',
  ],
  [
    'truncated-zip.xlsx',
    (p) => writeFileSync(p, Buffer.concat([Buffer.from('504b0304', 'hex'), randomBytes(4096)])),
    'line 1: cannot read the workbook:',
  ],
  [
    'old-excel.xlsx',
    (p) => writeFileSync(p, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(512)])),
    'is an old Excel 97-2003 (.xls) workbook',
  ],
];

describe('reform-bot import refuses files that are not ledgers (spawned)', { timeout: 60_000 }, () => {
  it.each(CASES)('%s', (name, make, message) => {
    const file = join(dir, name);
    make(file);
    const result = importFile(file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(file);
    expect(result.err).toContain(message);
    expect(stateNow()).toEqual(before);
  });

  it('says so in Chinese too, for the size limits', () => {
    const csv = importFile(sparseFile(join(dir, '大台账.csv'), header, MAX_LEDGER_BYTES + MB), 'zh-CN');
    expect(csv.err).toContain('大小为 201.0 MB，超过台账文件 200.0 MB 的上限');
    const xlsx = importFile(
      sparseFile(join(dir, '大台账.xlsx'), Buffer.from('504b0304', 'hex'), MAX_LEDGER_BYTES + MB),
      'zh-CN',
    );
    expect(xlsx.code).toBe(1);
    expect(xlsx.err).toContain('大小为 201.0 MB，超过台账文件 200.0 MB 的上限');
    expect(stateNow()).toEqual(before);
  });
});
