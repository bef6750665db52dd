// `restore` against leases it meets in the database file: a holder on another host refuses it
// unless --force (then it warns), a holder whose pid is gone here does not, and the file put in
// place never carries a lease.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../src/db/backupCopy.ts';
import { thisHost } from '../../../src/lease/thisProcess.ts';
import { listQueued, queueChange, spoolFolderOf } from '../../../src/spool/changeSpool.ts';
import { cli, TEST_NOW } from '../../support/cli.ts';
import { type TempDb, tempDb } from '../../support/db.ts';

let t: TempDb;
afterEach(() => t?.cleanup());

const NOW_MS = TEST_NOW.getTime();

function putLease(db: Database.Database, pid: number, host: string, heartbeatAtMs: number) {
  db.prepare("insert or replace into bot_lease values (1, 'other', 'start', ?, ?, ?, ?)").run(
    pid,
    host,
    heartbeatAtMs - 60_000,
    heartbeatAtMs,
  );
}

function leaseCount(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('select count(*) from bot_lease').pluck().get() as number;
  } finally {
    db.close();
  }
}

async function backupWithLease() {
  t = tempDb();
  const backup = join(t.dir, 'backup.db');
  putLease(t.db.$client, 777, 'office-far', NOW_MS);
  await backupDatabase(t.path, backup);
  return backup;
}

describe('restore and the lease', () => {
  it('a live holder on another host: refused with a hint to --force; --force restores and says whose lease it overrode', async () => {
    const backup = await backupWithLease();
    const refused = await cli(['restore', backup], { DATABASE_PATH: t.path });
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('(pid 777 on host office-far');
    expect(refused.err).toContain('If it runs on another host and you know it is stopped, add --force.');

    const zh = await cli(['restore', backup], { DATABASE_PATH: t.path, REFORM_LOCALE: 'zh-CN' });
    expect(zh.err).toContain('未恢复：');
    expect(zh.err).toContain('主机 office-far 上的进程 777');

    const forced = await cli(['restore', backup, '--force'], { DATABASE_PATH: t.path });
    expect(forced.code).toBe(0);
    expect(forced.err).toContain(`--force: replacing ${t.path} although reform-bot start (pid 777 on host office-far`);
    expect(leaseCount(t.path)).toBe(0);
    expect(leaseCount(`${t.path}.before-restore`)).toBe(1);
  });

  it('a holder on this host whose pid is gone: restored without --force', async () => {
    t = tempDb();
    const backup = join(t.dir, 'backup.db');
    await backupDatabase(t.path, backup);
    // pid 2^22+1 is above Linux's pid_max: no such process.
    putLease(t.db.$client, 4_194_305, thisHost(), NOW_MS);
    const restored = await cli(['restore', backup], { DATABASE_PATH: t.path });
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
  });

  it('the lease a backup carries is cleared in the restored file (the backup itself keeps it)', async () => {
    const backup = await backupWithLease();
    t.db.$client.prepare('delete from bot_lease').run();
    const restored = await cli(['restore', backup], { DATABASE_PATH: t.path });
    expect(restored.code).toBe(0);
    expect(leaseCount(t.path)).toBe(0);
    expect(leaseCount(backup)).toBe(1);
  });
});

describe('restore and the queue of changes waiting for the replaced database', () => {
  it('sets them aside, says so, and the restored database never receives them', async () => {
    t = tempDb();
    const backup = join(t.dir, 'backup.db');
    await backupDatabase(t.path, backup);
    const queue = spoolFolderOf(t.path) as string;
    queueChange(queue, {
      v: 1,
      requestKey: 'action:1',
      itemId: 1,
      status: 'done',
      actor: 'U1',
      at: '2026-12-03T01:00:00Z',
    });
    const restored = await cli(['restore', backup], { DATABASE_PATH: t.path });
    expect(restored.code).toBe(0);
    expect(restored.out).toContain(
      `1 Slack change(s) that were waiting for the replaced database were set aside in ${t.path}.before-restore.pending`,
    );
    expect(listQueued(queue)).toEqual([]);
    expect(listQueued(`${t.path}.before-restore.pending`)).toHaveLength(1);
  });
});
