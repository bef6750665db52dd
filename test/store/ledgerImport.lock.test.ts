// The import decides its items before it takes the write lock (so the bot waits only for the
// writing). What changes in between must not be lost: an item changed in Slack is decided again
// inside the lock, and rows another writer added make the import read the database again.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { readLedger } from '../../src/ledger/readLedger.ts';
import { changeItem } from '../../src/store/items.ts';
import { importLedger, type LedgerImportOptions } from '../../src/store/ledgerImport.ts';
import { tempDir, testDb } from '../support/db.ts';
import { baseRows, type FixtureRow, writeCsv } from '../support/ledgerFixture.ts';

const NOW = new Date('2016-07-01T02:00:00Z');

async function importRows(db: Db, rows: FixtureRow[], options: Partial<LedgerImportOptions> = {}) {
  const file = writeCsv(join(tempDir(), 'ledger.csv'), rows);
  const read = await readLedger(file, 'csv');
  if (!read.ok) throw new Error(JSON.stringify(read.defects));
  return importLedger(db, read.ledger, { file, now: NOW, ...options });
}

const itemRow = (db: Db, plan: string, code: string) =>
  db.$client
    .prepare(
      'SELECT i.id, i.status, i.version FROM items i JOIN plans p ON p.id = i.plan_id WHERE p.code = ? AND i.code = ?',
    )
    .get(plan, code) as { id: number; status: string; version: number } | undefined;

describe('an import that meets changes between its snapshot and its write lock', () => {
  it('does not revert an item changed in Slack after the snapshot: it reports the conflict and keeps the change', async () => {
    const db = testDb();
    await importRows(db, baseRows());
    const p1item2 = itemRow(db, 'P1', '2') as { id: number };
    // The office's next file finishes P1#2 ...
    const next = baseRows().map((row) =>
      row.plan_code === 'P1' && row.item_code === '2' ? { ...row, status: '已完成' } : row,
    );
    const summary = await importRows(db, next, {
      // ... while, after the import read the database, someone sets it back in Slack.
      beforeWriteLock: () => {
        const result = changeItem(db, {
          itemId: p1item2.id,
          status: 'not_started',
          actor: 'U0SLACK',
          source: 'slack',
          at: new Date('2016-07-01T02:00:01Z'),
        });
        expect(result.kind).toBe('applied');
      },
    });
    expect(itemRow(db, 'P1', '2')).toMatchObject({ status: 'not_started' });
    expect(summary.items.updated).toEqual([]);
    expect(summary.items.statusChanges).toBe(0);
    expect(summary.changes).toEqual([]);
    expect(summary.conflicts).toEqual([
      {
        key: 'P1#2',
        field: 'status',
        from: 'not_started',
        to: 'done',
        actor: 'U0SLACK',
        at: '2016-07-01T02:00:01.000Z',
        overwritten: false,
      },
    ]);
    expect(summary.items.unchanged).toBe(7);
  });

  it('reads the database again when another writer added items meanwhile, instead of failing on them', async () => {
    const db = testDb();
    await importRows(db, baseRows());
    const extra: FixtureRow = {
      ...(baseRows()[0] as FixtureRow),
      item_code: '4',
      item_title: '新增事项',
      status: '未启动',
      note: '',
    };
    let snapshots = 0;
    const summary = await importRows(db, [...baseRows(), extra], {
      beforeWriteLock: () => {
        snapshots += 1;
        if (snapshots > 1) return;
        // Another import (another connection) adds P1#4 after this one read the database.
        const other = new Database(db.$client.name);
        const plan = other.prepare("SELECT id FROM plans WHERE code = 'P1'").get() as { id: number };
        other
          .prepare(
            "INSERT INTO items (plan_id, code, title, status, synced_version) VALUES (?, '4', '新增事项', 'not_started', 1)",
          )
          .run(plan.id);
        other.close();
      },
    });
    expect(snapshots).toBe(2);
    // Found as a known item (the other writer gave it no departments: the file's are linked).
    expect(summary.items).toEqual({ created: 0, updated: ['P1#4'], unchanged: 7, statusChanges: 0 });
    expect(db.$client.prepare("SELECT count(*) AS n FROM items WHERE code = '4'").get()).toEqual({ n: 1 });
  });

  it('tells how long it held the write lock', async () => {
    const db = testDb();
    const held: { wallMs: number; cpuMs: number }[] = [];
    await importRows(db, baseRows(), { onWriteLock: (figures) => held.push(figures) });
    expect(held).toHaveLength(1);
    expect(held[0]?.wallMs).toBeGreaterThanOrEqual(0);
    expect(held[0]?.cpuMs).toBeGreaterThanOrEqual(0);
  });
});
