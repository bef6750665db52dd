// `reform-bot import` as offices run it: a separate process, exit codes, output in both languages.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLedgerFile } from '../../../src/ledger/fileCheck.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';
import { baseRows, writeCsv, writeXlsx } from '../../support/ledgerFixture.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/reform-bot.js');

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    cwd: tempDir(),
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each test spawns a few processes (~1 s each to start, more on a busy machine).
const SPAWN_TIMEOUT = 60_000;

describe('reform-bot import (spawned)', () => {
  it(
    'imports a CSV, then reports the same file as unchanged, in English',
    () => {
      const dir = tempDir();
      const file = writeCsv(join(dir, 'ledger.csv'), baseRows(), { bom: true, eol: '\r\n' });
      const env = { DATABASE_PATH: join(dir, 'data', 'reform.db'), REFORM_LOCALE: 'en' };
      const first = run(['import', file], env);
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      const lines = first.out.split('\n');
      expect(lines[0]).toBe(`Imported ${file}.`);
      for (const line of [
        'Header (row 1):',
        '2016年12月31日  2016-12-31      1          3',
        '(empty)         no deadline     1          6',
        '已启动未完成  started         1          3',
        'Plans: 3 created, 0 updated, 0 unchanged.',
        'Items: 7 created, 0 updated (0 status changes), 0 unchanged.',
        'New special groups (2, named by their code until the org file names them): G1, G2',
        'New departments (7): 国资委, 财政厅, 发展改革委, 省委组织部, 司法厅, 环境保护厅, 气象局',
        'New items (7):',
        '  P3#B 统一发布环境质量信息',
      ]) {
        expect(lines).toContain(line);
      }
      const second = run(['import', file], env);
      expect(second.code).toBe(0);
      expect(second.out).toContain('Plans: 0 created, 0 updated, 3 unchanged.');
      expect(second.out).toContain('Items: 0 created, 0 updated (0 status changes), 7 unchanged.');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'imports an XLSX with a dry run first, in Chinese, and lists missing items',
    async () => {
      const dir = tempDir();
      const env = { DATABASE_PATH: join(dir, 'reform.db'), REFORM_LOCALE: 'zh-CN' };
      const file = await writeXlsx(join(dir, '台账.xlsx'), baseRows(), { language: 'zh', sheetName: '台账' });
      const dry = run(['import', file, '--dry-run'], env);
      expect(dry.code).toBe(0);
      expect(dry.out.split('\n')[0]).toBe(`${file} 试运行：以下是导入将会做的变更，未写入任何内容。`);
      expect(dry.out).toContain('事项：新建 7，更新 0（其中落实情况变更 0），未变 0。');
      const real = run(['import', file], env);
      expect(real.out).toContain('方案：新建 3，更新 0，未变 0。');
      const fewer = await writeXlsx(join(dir, 'fewer.xlsx'), baseRows().slice(1), { language: 'zh' });
      const again = run(['import', fewer], env);
      expect(again.code).toBe(0);
      expect(again.out).toContain('数据库中有、本文件中没有的事项 1 个（已保留，未删除）：\n  P1#1');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'lists defects on stderr, exits 1 and writes nothing',
    () => {
      const dir = tempDir();
      const rows = baseRows();
      rows[2] = { ...rows[2], status: '差不多' } as (typeof rows)[number];
      const file = writeCsv(join(dir, 'bad.csv'), rows);
      for (const [locale, expected] of [
        ['en', '  line 4, column K status: unknown status "差不多" (known words: '],
        ['zh-CN', '  第 4 行“K status”列：无法识别的落实情况“差不多”（可用的写法：'],
      ] as const) {
        const result = run(['import', file], { DATABASE_PATH: join(dir, 'reform.db'), REFORM_LOCALE: locale });
        expect(result.code).toBe(1);
        expect(result.out).toBe('');
        expect(result.err.split('\n')[1]).toContain(expected);
      }
      const stats = run(['import', writeCsv(join(dir, 'good.csv'), baseRows())], {
        DATABASE_PATH: join(dir, 'reform.db'),
        REFORM_LOCALE: 'en',
      });
      expect(stats.out).toContain('Plans: 3 created'); // nothing of the bad file had been written
    },
    SPAWN_TIMEOUT,
  );

  it(
    'answers --help in the configured language, and refuses a wrong argument count with exit 2',
    () => {
      const env = { DATABASE_PATH: join(tempDir(), 'r.db') };
      expect(run(['import', '--help'], { ...env, REFORM_LOCALE: 'en' }).out).toContain(
        '长期坚持 / 持续推进: no deadline.',
      );
      expect(run(['import', '--help'], { ...env, REFORM_LOCALE: 'zh-CN' }).out).toContain(
        '用法：reform-bot import <file.csv|file.xlsx> [--dry-run] [--sheet NAME] [--overwrite] [--json]',
      );
      expect(run(['import'], { ...env, REFORM_LOCALE: 'en' }).code).toBe(2);
    },
    SPAWN_TIMEOUT,
  );
});

describe('files that are not ledgers', () => {
  const cases: [string, string | Buffer, string, string][] = [
    ['empty.csv', '', 'is empty', '是空文件'],
    [
      'binary.csv',
      Buffer.from([0x01, 0x00, 0x02, 0x00, 0x41]),
      'is not a text file; a .csv ledger must be text',
      '不是文本文件',
    ],
    ['utf16.csv', Buffer.from('\ufeffa,b', 'utf16le'), 'is UTF-16 text', 'UTF-16 文本'],
    [
      'book.csv',
      Buffer.from('504b030414000000', 'hex'),
      'is an Excel workbook, not CSV text; name it .xlsx',
      '是 Excel 工作簿而不是 CSV 文本',
    ],
    [
      'fake.xlsx',
      'plan_code,item_code\n',
      'is not an XLSX workbook (it is not a zip file)',
      '不是 XLSX 工作簿（不是 zip 文件）',
    ],
    [
      'old.xls',
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      'is an old Excel 97-2003 (.xls) workbook',
      '是旧版 Excel 97-2003（.xls）工作簿',
    ],
    [
      'renamed.xlsx',
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      'is an old Excel 97-2003 (.xls) workbook',
      '是旧版 Excel 97-2003（.xls）工作簿',
    ],
    [
      'ledger.txt',
      'plan_code\n',
      'unknown file type ".txt"; a ledger is a .csv or .xlsx file',
      '无法识别的文件类型“.txt”',
    ],
    ['noext', 'plan_code\n', 'unknown file type "(none)"', '无法识别的文件类型“(none)”'],
  ];

  it.each(cases)('refuses %s with a clear message and exit 1', async (name, content, en, zh) => {
    const dir = tempDir();
    const file = join(dir, name);
    writeFileSync(file, content);
    const english = await cli(['import', file], { DATABASE_PATH: join(dir, 'r.db'), REFORM_LOCALE: 'en' });
    expect(english.code).toBe(1);
    expect(english.err).toContain(file);
    expect(english.err).toContain(en);
    const chinese = await cli(['import', file], { DATABASE_PATH: join(dir, 'r.db'), REFORM_LOCALE: 'zh-CN' });
    expect(chinese.err).toContain(zh);
  });

  it('refuses a missing file and a folder', async () => {
    const dir = tempDir();
    expect((await cli(['import', join(dir, 'nope.csv')], { DATABASE_PATH: join(dir, 'r.db') })).err).toContain(
      'nope.csv: no such file',
    );
    const folder = join(dir, 'folder.csv');
    (await import('node:fs')).mkdirSync(folder);
    expect((await cli(['import', folder], { DATABASE_PATH: join(dir, 'r.db') })).err).toContain(
      'folder.csv is not a file',
    );
  });

  it('refuses a file over the size limit before reading it', async () => {
    const dir = tempDir();
    const file = writeCsv(join(dir, 'big.csv'), baseRows());
    const check = checkLedgerFile(file, 100);
    expect(check).toEqual({ ok: false, rejection: { reason: 'tooLarge', size: expect.any(Number), limit: 100 } });
    // An XLSX takes the same limit: it is streamed (see test/security/ledgerFiles.test.ts).
    expect(checkLedgerFile(await writeXlsx(join(dir, 'big.xlsx'), baseRows()), 100)).toMatchObject({
      ok: false,
      rejection: { reason: 'tooLarge' },
    });
  });
});
