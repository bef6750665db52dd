// The bot's database before the run: the office (nine groups with channels and leaders, forty
// departments with members, an admin, a digest channel: bench's synthetic ledger without items),
// then week 1's ledger imported with the CLI exactly as the office would, then three members for
// every department the ledger named, so clicks and reminders have people.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { writeSyntheticLedger } from '../bench/lib/syntheticLedger.ts';
import { writeLedgerCsv } from './ledger.ts';

const BIN = resolve(import.meta.dirname, '../bin/reform-bot.js');

export interface PreparedFiles {
  database: string;
  week1: string;
  week2: string;
}

/** Runs `reform-bot <args>` to the end; throws with its output when it fails. */
function runCliOrThrow(args: string[], env: Record<string, string>, cwd: string): void {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(
      `reform-bot ${args.join(' ')} exited ${result.status}:\n${(result.stderr || result.stdout).slice(-2000)}`,
    );
}

export async function prepareWorld(files: PreparedFiles, items: number, today: string, cwd: string): Promise<void> {
  writeSyntheticLedger(files.database, { plans: 0, items: 0, around: today });
  await writeLedgerCsv(files.week1, items, today, 1);
  await writeLedgerCsv(files.week2, items, today, 2);
  runCliOrThrow(['import', files.week1, '--json'], { DATABASE_PATH: files.database }, cwd);
  const db = new Database(files.database);
  try {
    const bare = db
      .prepare('select id from departments where id not in (select department_id from department_members)')
      .pluck()
      .all() as number[];
    const add = db.prepare('insert into department_members (department_id, user_id) values (?, ?)');
    db.transaction(() => {
      for (const id of bare) for (let m = 1; m <= 3; m++) add.run(id, `U0N${id}X${m}`);
    })();
  } finally {
    db.close();
  }
}
