// `backup <folder> --keep N`: each copy is named by its instant, and after a good copy only the
// newest N copies so named remain; nothing else in the folder is touched.
import { mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBackup } from '../../../src/db/backup.ts';
import { backupsBeyond, rotatedBackupName } from '../../../src/db/backupRotation.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

const at = (iso: string) => new Date(iso);

describe('reform-bot backup --keep', () => {
  it('keeps exactly the newest N timestamped copies and leaves other files alone', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'live.db') };
    const folder = join(dir, 'backups');
    const first = await cli(['backup', folder, '--keep', '2'], env, at('2026-12-01T01:30:00Z'));
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain(join(folder, 'reform-bot-20261201-093000.db'));
    expect(statSync(folder).mode & 0o777).toBe(0o700);

    // Things that are not copies made by --keep, whatever they look like.
    writeFileSync(join(folder, 'notes.txt'), 'keep me');
    writeFileSync(join(folder, 'reform-bot-before-upgrade.db'), 'a copy made by hand');
    writeFileSync(join(folder, 'reform-bot-20200101-000000.db.txt'), 'not the pattern');
    mkdirSync(join(folder, 'reform-bot-20200101-000000.db'));
    symlinkSync(join(dir, 'live.db'), join(folder, 'reform-bot-20200102-000000.db'));

    for (const instant of ['2026-12-02T01:30:00Z', '2026-12-03T01:30:00Z', '2026-12-03T01:31:05Z']) {
      const run = await cli(['backup', folder, '--keep', '2'], env, at(instant));
      expect(run.code).toBe(0);
    }
    const last = await cli(
      ['backup', folder, '--keep', '2'],
      { ...env, REFORM_LOCALE: 'zh-CN' },
      at('2026-12-04T01:30:00Z'),
    );
    expect(last.out).toContain('保留最新的 2 份备份；删除 1 份：reform-bot-20261203-093000.db');

    expect(readdirSync(folder).sort()).toEqual([
      'notes.txt',
      'reform-bot-20200101-000000.db',
      'reform-bot-20200101-000000.db.txt',
      'reform-bot-20200102-000000.db',
      'reform-bot-20261203-093105.db',
      'reform-bot-20261204-093000.db',
      'reform-bot-before-upgrade.db',
    ]);
    expect(checkBackup(join(folder, 'reform-bot-20261204-093000.db')).ok).toBe(true);
  });

  it('refuses a file as the --keep target and a count that is not a whole number of at least 1', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'live.db') };
    const file = join(dir, 'copy.db');
    writeFileSync(file, '');
    const onFile = await cli(['backup', file, '--keep', '3'], env);
    expect(onFile.code).toBe(2);
    expect(onFile.err).toContain('with --keep the target is a folder');
    for (const value of ['0', '-1', '2.5', 'many']) {
      const bad = await cli(['backup', join(dir, 'b'), `--keep=${value}`], env);
      expect(bad.code, value).toBe(2);
      expect(bad.err).toContain(`--keep: "${value}"`);
    }
  });

  it('names copies in REFORM_TZ so that the name sorts by time', () => {
    expect(rotatedBackupName(at('2026-12-31T16:05:09Z'), 'Asia/Shanghai')).toBe('reform-bot-20270101-000509.db');
    expect(
      backupsBeyond(
        ['reform-bot-20261203-093000.db', 'x.db', 'reform-bot-20261204-000000.db', 'reform-bot-20251231-235959.db'],
        1,
      ),
    ).toEqual(['reform-bot-20261203-093000.db', 'reform-bot-20251231-235959.db']);
  });
});
