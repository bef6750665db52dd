// `backup` of a database much larger than one copy step, while another process writes without
// pause: the copy completes (SQLite's online backup restarted at every write and never did) and
// passes its check; it is 0600, in a 0700 folder, renamed into place (never written through a
// symlink), and leaves no temporary file behind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackup } from '../../../src/db/backup.ts';
import { backupDatabase } from '../../../src/db/backupCopy.ts';
import { cli } from '../../support/cli.ts';
import { type TempDb, tempDb } from '../../support/db.ts';

let t: TempDb | undefined;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  t?.cleanup();
  t = undefined;
});

const WRITER = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[2]);
db.pragma('busy_timeout = 5000');
const insertItem = db.prepare("insert into items (plan_id, code, title, status) values (1, ?, 'x', 'started')");
const insertHistory = db.prepare("insert into item_history (item_id, field, to_value, actor, source, at) values (?, 'status', 'started', 'w', 'cli', '2026-01-01')");
const both = db.transaction((n) => { const { lastInsertRowid } = insertItem.run('w' + n); insertHistory.run(lastInsertRowid); });
let n = 0;
process.stdout.write('ready\\n');
for (;;) { both(n++); }
`;

const count = (path: string, sql: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
};

/** About 25 MB of items: thousands of pages, far more than one step of the online backup. */
function fillLedger(t: TempDb): void {
  const sqlite = t.db.$client;
  sqlite.prepare("insert into plans (code, title, domain) values ('P1', 'plan', 'economic')").run();
  const insert = sqlite.prepare("insert into items (plan_id, code, title, status) values (1, ?, ?, 'started')");
  sqlite.transaction(() => {
    for (let i = 0; i < 3_000; i++) insert.run(`big${i}`, `${i}`.padEnd(8_000, '改'));
  })();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('backup under steady writes', () => {
  it('completes while another process keeps writing, and the copy is consistent and private', async () => {
    t = tempDb();
    fillLedger(t);
    const script = join(t.dir, 'writer.cjs');
    writeFileSync(script, WRITER);
    const writer = spawn(process.execPath, [script, t.path], { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(writer);
    await new Promise<void>((resolve) => writer.stdout?.once('data', () => resolve()));

    const folder = join(t.dir, 'backups');
    const target = join(folder, 'copy.db');
    const writtenBefore = count(t.path, 'select count(*) from item_history');
    const backup = spawn(process.execPath, ['bin/reform-bot.js', 'backup', target], {
      env: { PATH: process.env.PATH, REFORM_LOCALE: 'en', DATABASE_PATH: t.path },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(backup);
    let out = '';
    let err = '';
    backup.stdout?.on('data', (chunk) => (out += String(chunk)));
    backup.stderr?.on('data', (chunk) => (err += String(chunk)));
    const code = await exitOf(backup);
    // The writer never paused: it wrote during the whole backup.
    const writtenAfter = count(t.path, 'select count(*) from item_history');
    writer.kill('SIGKILL');

    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('Backup written and checked');
    expect(writtenAfter).toBeGreaterThan(writtenBefore);
    expect(checkBackup(target)).toMatchObject({ ok: true, problems: [] });
    // One consistent snapshot: every item the writer added has its history row.
    const writerItems = count(target, "select count(*) from items where code like 'w%'");
    expect(count(target, 'select count(*) from item_history')).toBe(writerItems);
    expect(count(target, "select count(*) from items where code like 'big%'")).toBe(3_000);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(readdirSync(folder)).toEqual(['copy.db']);
  }, 120_000);

  it('replaces a symlink planted at the target instead of writing through it', async () => {
    t = tempDb();
    const victim = join(t.dir, 'victim.txt');
    writeFileSync(victim, 'do not overwrite');
    const target = join(t.dir, 'copy.db');
    symlinkSync(victim, target);
    const result = await cli(['backup', target], { DATABASE_PATH: t.path });
    expect(result.code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('do not overwrite');
    expect(lstatSync(target).isFile()).toBe(true);
    expect(checkBackup(target).ok).toBe(true);
  });

  it('removes its temporary file when the copy fails', async () => {
    t = tempDb();
    const folder = join(t.dir, 'out');
    await expect(backupDatabase(join(t.dir, 'missing.db'), join(folder, 'copy.db'))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual([]);
    expect(existsSync(join(folder, 'copy.db'))).toBe(false);
  });
});
