// `reform-bot export` as a separate process, in both languages.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/db.ts';
import { baseRows, writeCsv } from '../../support/ledgerFixture.ts';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../../bin/reform-bot.js');

function run(args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
    cwd: tempDir(),
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const SPAWN_TIMEOUT = 60_000; // a few spawned processes, ~1 s each to start

describe('reform-bot export (spawned)', () => {
  it(
    'exports CSV and XLSX, reporting in the configured language, and the CSV imports back unchanged',
    () => {
      const dir = tempDir();
      const db = join(dir, 'reform.db');
      expect(run(['import', writeCsv(join(dir, 'in.csv'), baseRows())], { DATABASE_PATH: db }).code).toBe(0);
      const csv = join(dir, 'out.csv');
      const en = run(['export', csv], { DATABASE_PATH: db, REFORM_LOCALE: 'en' });
      expect([en.code, en.out, en.err]).toEqual([0, `Exported 7 items of 3 plans to ${csv}.\n`, '']);
      const xlsx = join(dir, '督察评估.xlsx');
      const zh = run(['export', xlsx, '--plan', 'P2', '--as-of', '2016-06-30'], {
        DATABASE_PATH: db,
        REFORM_LOCALE: 'zh-CN',
      });
      expect([zh.code, zh.out]).toEqual([0, `已将 1 个方案的 2 个事项导出到 ${xlsx}。\n`]);
      expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
      const back = run(['import', csv], { DATABASE_PATH: db, REFORM_LOCALE: 'en' });
      expect(back.out).toContain('Items: 0 created, 0 updated (0 status changes), 7 unchanged.');
      const bad = run(['export', join(dir, 'x.csv'), '--as-of', '2016-02-30'], {
        DATABASE_PATH: db,
        REFORM_LOCALE: 'en',
      });
      expect([bad.code, bad.err]).toEqual([2, '--as-of 2016-02-30: expected a date YYYY-MM-DD\n']);
    },
    SPAWN_TIMEOUT,
  );
});
