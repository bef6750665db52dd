// Once housekeeping pruned the history, `run --at` refuses an instant before the horizon: the
// outbox keys that stop a re-send may be gone. Later instants still run.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { listJobRuns } from '../../../src/store/jobRuns.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';

const NOW = new Date('2026-12-03T19:30:00Z');

function slotsRun(path: string, job: string): string[] {
  const db = openDatabase(path);
  try {
    return listJobRuns(db, job).map((r) => r.scheduledFor);
  } finally {
    closeDatabase(db);
  }
}

describe('reform-bot run --at behind the pruning horizon', () => {
  it('refuses it in both languages, runs nothing, and still runs an instant after it', async () => {
    const path = join(tempDir(), 'run.db');
    const housekeeping = await cli(['run', 'housekeeping', '--queue-only'], { DATABASE_PATH: path }, NOW);
    expect(housekeeping.err).toBe('');
    expect(housekeeping.code).toBe(0);
    expect(housekeeping.out).toContain('history kept from: 2026-06-06T19:30:00.000Z');

    const refused = await cli(['run', 'reminders', '--at', '2026-05-20', '--queue-only'], { DATABASE_PATH: path }, NOW);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'Refused: 2026-05-20 09:00:00 Asia/Shanghai is before 2026-06-07 03:30:00 Asia/Shanghai',
    );
    const zh = await cli(
      ['run', 'digest', '--at', '2026-06-01T09:00:00+08:00', '--queue-only'],
      { DATABASE_PATH: path, REFORM_LOCALE: 'zh-CN' },
      NOW,
    );
    expect(zh.code).toBe(1);
    expect(zh.err).toContain('已拒绝：2026-06-01 09:00:00 Asia/Shanghai 早于 2026-06-07 03:30:00 Asia/Shanghai');
    expect(slotsRun(path, 'reminders')).toEqual([]);
    expect(slotsRun(path, 'digest')).toEqual([]);

    const later = await cli(['run', 'reminders', '--at', '2026-06-08', '--queue-only'], { DATABASE_PATH: path }, NOW);
    expect(later.err).toBe('');
    expect(later.code).toBe(0);
    expect(slotsRun(path, 'reminders')).toEqual(['2026-06-08T01:00:00.000Z']);
  });

  it('refuses housekeeping for an instant after now, which would prune history not old yet', async () => {
    const path = join(tempDir(), 'run.db');
    const future = await cli(
      ['run', 'housekeeping', '--at', '2027-12-01', '--queue-only'],
      { DATABASE_PATH: path },
      NOW,
    );
    expect(future.code).toBe(2);
    expect(future.err).toContain(
      'Refused: housekeeping cannot run for 2027-12-01 09:00:00 Asia/Shanghai, a later instant than now',
    );
    expect(slotsRun(path, 'housekeeping')).toEqual([]);
    const zh = await cli(
      ['run', 'housekeeping', '--at', '2027-12-01', '--queue-only'],
      { DATABASE_PATH: path, REFORM_LOCALE: 'zh-CN' },
      NOW,
    );
    expect(zh.err).toContain('已拒绝：housekeeping 不能按晚于现在的时刻 2027-12-01 09:00:00 Asia/Shanghai 运行');
  });
});
