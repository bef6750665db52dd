import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { settings } from '../../src/db/schema.ts';
import { writeTransaction } from '../../src/db/writeTransaction.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('read-then-write transactions', () => {
  it('every transaction in src/ is IMMEDIATE (writeTransaction, or better-sqlite3 .immediate())', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles('src')) {
      if (file.endsWith(join('db', 'writeTransaction.ts'))) continue;
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, index) => {
        if (!/\.transaction\(/.test(line)) return;
        // better-sqlite3's own transaction function is allowed only when it is called .immediate().
        const rest = lines.slice(index, index + 40).join('\n');
        const name = /const (\w+) = \w+\.transaction\(/.exec(line)?.[1];
        if (name && new RegExp(`${name}\\.immediate\\(`).test(rest)) return;
        offenders.push(`${file}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it("waits for another process's write lock at BEGIN instead of failing after reading", () => {
    const dir = mkdtempSync(join(tmpdir(), 'reform-immediate-'));
    const path = join(dir, 'db.sqlite');
    const db = openDatabase(path);
    db.$client.pragma('busy_timeout = 2000');
    db.insert(settings).values({ key: 'k', value: '1' }).run();
    const other = new Database(path);
    other.pragma('busy_timeout = 2000');
    // A deferred transaction that reads first cannot wait when it upgrades to write while
    // another connection holds a read snapshot that became stale: SQLite answers SQLITE_BUSY at once.
    const deferred = () =>
      db.transaction((tx) => {
        tx.select().from(settings).all();
        other.prepare("update settings set value = value || 'x' where key = 'k'").run();
        tx.update(settings).set({ value: '2' }).run();
      });
    expect(deferred).toThrow(/database is locked|SQLITE_BUSY/);
    // IMMEDIATE holds the lock from BEGIN, so nobody can write between its read and its write.
    const immediate = writeTransaction(db, (tx) => {
      const before = tx.select().from(settings).all();
      tx.update(settings).set({ value: '2' }).run();
      return before.length;
    });
    expect(immediate).toBeGreaterThan(0);
    other.close();
    db.$client.close();
  });
});
