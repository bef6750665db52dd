// `run --at` takes a date alone: 09:00 that day in REFORM_TZ, and the command says which instant
// it chose. A date that does not exist is refused, also inside a full instant.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant } from '../../../src/cli/commands/run.ts';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { listJobRuns } from '../../../src/store/jobRuns.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

const savedTz = process.env.REFORM_TZ;
afterEach(() => {
  if (savedTz === undefined) delete process.env.REFORM_TZ;
  else process.env.REFORM_TZ = savedTz;
});

function slotsRun(path: string): string[] {
  const db = openDatabase(path);
  try {
    return listJobRuns(db).map((r) => r.scheduledFor);
  } finally {
    closeDatabase(db);
  }
}

describe('parseInstant', () => {
  it('reads a date alone as 09:00 that day in the zone', () => {
    expect(parseInstant('2026-12-07', 'Asia/Shanghai')).toEqual({
      at: new Date('2026-12-07T09:00:00+08:00'),
      dateOnly: true,
    });
    expect(parseInstant('2026-07-15', 'Europe/Berlin')).toEqual({
      at: new Date('2026-07-15T09:00:00+02:00'),
      dateOnly: true,
    });
    expect(parseInstant('2026-12-07T18:30:00+08:00', 'Europe/Berlin')).toEqual({
      at: new Date('2026-12-07T10:30:00Z'),
      dateOnly: false,
    });
  });

  it('refuses dates that do not exist and other shapes', () => {
    for (const value of [
      '2026-02-30',
      '2026-13-01',
      '2026-02-30T09:00:00+08:00',
      '2026-12-07T09:00',
      '07/12/2026',
      '2026-12-7',
      '',
    ]) {
      expect(parseInstant(value, 'Asia/Shanghai'), value).toBeUndefined();
    }
  });
});

describe('reform-bot run --at <date>', () => {
  it('runs for 09:00 in REFORM_TZ that day and says so', async () => {
    const path = join(tempDir(), 'run.db');
    const result = await cli(['run', 'closeout', '--at', '2026-12-07', '--queue-only'], { DATABASE_PATH: path });
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain('--at 2026-12-07 → 2026-12-07 09:00:00 Asia/Shanghai');
    expect(result.out).toContain('closeout for 2026-12-07 09:00:00 Asia/Shanghai:');
    expect(slotsRun(path)).toEqual(['2026-12-07T01:00:00.000Z']);

    const zh = await cli(['run', 'closeout', '--at', '2026-12-08', '--queue-only'], {
      DATABASE_PATH: path,
      REFORM_LOCALE: 'zh-CN',
    });
    expect(zh.out).toContain(
      '--at 2026-12-08 → 2026-12-08 09:00:00 Asia/Shanghai（只给日期时按 REFORM_TZ 当天 09:00 计）',
    );
  });

  it('follows REFORM_TZ', async () => {
    process.env.REFORM_TZ = 'Europe/Berlin';
    const path = join(tempDir(), 'run.db');
    const result = await cli(['run', 'closeout', '--at', '2026-12-07', '--queue-only'], { DATABASE_PATH: path });
    expect(result.out).toContain('--at 2026-12-07 → 2026-12-07 09:00:00 Europe/Berlin');
    expect(slotsRun(path)).toEqual(['2026-12-07T08:00:00.000Z']);
  });

  it('refuses a date that does not exist, alone or in an instant', async () => {
    const path = join(tempDir(), 'run.db');
    for (const value of ['2026-02-30', '2026-02-30T09:00:00+08:00']) {
      const result = await cli(['run', 'closeout', '--at', value, '--queue-only'], { DATABASE_PATH: path });
      expect(result.code, value).toBe(2);
      expect(result.err).toContain(`--at: "${value}" is not a date (YYYY-MM-DD`);
    }
    expect(slotsRun(path)).toEqual([]);
  });
});
