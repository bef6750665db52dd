// A file that is not there is "no such file", whatever its name ends with: advice about the
// kind of file (save .xls as .xlsx) would send the person looking for the wrong problem.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLedgerFile } from '../../src/ledger/fileCheck.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/db.ts';

describe('checkLedgerFile', () => {
  it('says a missing file is not found before looking at its extension', () => {
    const dir = tempDir();
    for (const name of ['nothere.xls', 'nothere.txt', 'nothere', 'nothere.csv', 'nothere.xlsx']) {
      expect(checkLedgerFile(join(dir, name)), name).toEqual({ ok: false, rejection: { reason: 'notFound' } });
    }
  });

  it('still judges the kind of a file that exists', () => {
    const dir = tempDir();
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, Buffer.from('d0cf11e0a1b11ae1', 'hex'));
    expect(checkLedgerFile(xls)).toEqual({ ok: false, rejection: { reason: 'legacyXls' } });
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'hello');
    expect(checkLedgerFile(txt)).toEqual({ ok: false, rejection: { reason: 'unknownExtension', extension: '.txt' } });
  });

  it('`import nothere.xls` says the file does not exist, in both languages', async () => {
    const dir = tempDir();
    const file = join(dir, 'nothere.xls');
    const env = { DATABASE_PATH: join(dir, 'reform.db') };
    const en = await cli(['import', file], { ...env, REFORM_LOCALE: 'en' });
    expect(en.code).toBe(1);
    expect(en.err).toContain(`${file}: no such file`);
    expect(en.err).not.toContain('.xlsx');
    const zh = await cli(['import', file], { ...env, REFORM_LOCALE: 'zh-CN' });
    expect(zh.err).toContain(`${file}：文件不存在`);
  });
});
