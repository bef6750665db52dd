// Backup while another process keeps writing, then restore: the copy is intact and consistent.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBackup } from '../../../src/db/backup.ts';
import { type TempDb, tempDb } from '../../support/db.ts';

let t: TempDb;
let writer: ChildProcess | undefined;
afterEach(() => {
  writer?.kill('SIGKILL');
  t?.cleanup();
});

const WRITER = `
const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
const db = new Database(process.argv[2]);
db.pragma('busy_timeout = 5000');
const insertItem = db.prepare("insert into items (plan_id, code, title, status) values (1, ?, 'x', 'started')");
const insertHistory = db.prepare("insert into item_history (item_id, field, to_value, actor, source, at) values (?, 'status', 'started', 'w', 'cli', '2026-01-01')");
// Each item and its history row are written together: a consistent copy never has one without the other.
const both = db.transaction((n) => { const { lastInsertRowid } = insertItem.run(String(n)); insertHistory.run(lastInsertRowid); });
let n = 0;
process.stdout.write('ready\\n');
for (;;) { both(n++); }
`;

function cli(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ['bin/reform-bot.js', ...args], {
    env: { PATH: process.env.PATH, REFORM_LOCALE: 'en', ...env },
    encoding: 'utf8',
  });
}

describe('backup and restore', () => {
  it('copies a database that is being written to, and restores it', async () => {
    t = tempDb();
    t.db.$client.prepare("insert into plans (code, title, domain) values ('P1', 'plan', 'economic')").run();
    const script = join(t.dir, 'writer.cjs');
    writeFileSync(script, WRITER);
    writer = spawn(process.execPath, [script, t.path], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => writer?.stdout?.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 300)); // let writes pile up

    const backup = join(t.dir, 'backup.db');
    const env = { DATABASE_PATH: t.path };
    const made = cli(['backup', backup], env);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toContain('Backup written and checked');
    writer.kill('SIGKILL');

    const check = checkBackup(backup);
    expect(check).toMatchObject({ ok: true, problems: [] });
    const copy = new Database(backup, { readonly: true });
    const items = (copy.prepare('select count(*) as n from items').get() as { n: number }).n;
    const history = (copy.prepare('select count(*) as n from item_history').get() as { n: number }).n;
    copy.close();
    expect(items).toBeGreaterThan(0);
    expect(history).toBe(items);

    const restoredPath = join(t.dir, 'restored', 'reform.db');
    const restored = cli(['restore', backup], { DATABASE_PATH: restoredPath });
    expect(restored.status).toBe(0);
    const back = new Database(restoredPath, { readonly: true });
    expect((back.prepare('select count(*) as n from items').get() as { n: number }).n).toBe(items);
    back.close();
  });

  it('refuses to restore a file that is not a reform-bot database, and changes nothing', () => {
    t = tempDb();
    const junk = join(t.dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite at all'.repeat(100));
    const result = cli(['restore', junk], { DATABASE_PATH: t.path });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Not restored');
    const other = join(t.dir, 'other.db');
    new Database(other).exec('create table x (a)');
    const refused = cli(['restore', other], { DATABASE_PATH: t.path });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('missing table plans');
    expect(checkBackup(t.path).ok).toBe(true);
  });
});
