// Least exposure on disk (issue 10, point 5): the database, its WAL and shared memory, and every
// export are readable by their owner only, and an export never writes through a planted link.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { CN_2016 } from '../../src/domain/calendars/cn.ts';
import { translator } from '../../src/i18n/index.ts';
import { writeRoundWorkbook } from '../../src/ledger/roundWorkbook.ts';
import { roundExportItems, roundExportPlans, roundPlanTallies } from '../../src/store/roundExportRows.ts';
import { createRound, loadRoundStats } from '../../src/store/rounds.ts';
import { cli } from '../support/cli.ts';
import { tempDir } from '../support/db.ts';
import { baseRows, writeCsv } from '../support/ledgerFixture.ts';
import { seedDb } from '../support/seedLedgerDb.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('database file modes', () => {
  it('creates the folder 0700 and the database, WAL and shared memory 0600', () => {
    const folder = join(tempDir(), 'data');
    const path = join(folder, 'reform.db');
    const db = openDatabase(path);
    try {
      db.run(sql`INSERT INTO admins (user_id) VALUES ('UMODE')`);
      expect(modeOf(folder)).toBe(0o700);
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(`${path}-shm`)).toBe(0o600);
    } finally {
      closeDatabase(db);
    }
  });

  it('narrows an existing database of ours (made before this release) to 0600, leaving its folder', () => {
    const folder = tempDir();
    chmodSync(folder, 0o755);
    const path = join(folder, 'old.db');
    closeDatabase(openDatabase(path));
    chmodSync(path, 0o644);
    const db = openDatabase(path);
    try {
      db.run(sql`INSERT INTO admins (user_id) VALUES ('UMODE')`);
      expect(modeOf(path)).toBe(0o600);
      expect(modeOf(`${path}-wal`)).toBe(0o600);
      expect(modeOf(folder)).toBe(0o755);
    } finally {
      closeDatabase(db);
    }
  });
});

/** A file outside the export's reach that a planted link points at. */
function plantLink(dir: string, at: string, name: string): string {
  const victim = join(dir, `${name}-victim.txt`);
  writeFileSync(victim, 'not yours to overwrite');
  symlinkSync(victim, at);
  return victim;
}

function expectPrivateRegularFile(path: string) {
  expect(lstatSync(path).isSymbolicLink()).toBe(false);
  expect(modeOf(path)).toBe(0o600);
}

describe('exports are private and never written through a planted link', () => {
  it('CSV, XLSX and template: the link at the target is replaced, the old temporary names are not followed', async () => {
    const dir = tempDir();
    const env = { DATABASE_PATH: join(dir, 'reform.db') };
    expect((await cli(['import', writeCsv(join(dir, 'in.csv'), baseRows())], env)).code).toBe(0);
    const out = join(dir, 'out');
    mkdirSync(out);
    const cases = [
      { file: join(out, 'ledger.csv'), args: [] as string[], command: 'export', temporary: '.partial' },
      { file: join(out, 'ledger.xlsx'), args: [], command: 'export', temporary: '.partial' },
      { file: join(out, 'template.xlsx'), args: ['--force'], command: 'template', temporary: '.partial' },
    ];
    for (const c of cases) {
      const atTarget = plantLink(dir, c.file, `${c.command}-target${c.file.slice(-4)}`);
      // What an export wrote before: `<target>.partial`, a name anyone could plant a link at.
      const atTemporary = plantLink(dir, `${c.file}${c.temporary}`, `${c.command}-temp${c.file.slice(-4)}`);
      const run = await cli([c.command, c.file, ...c.args], env);
      expect([run.code, run.err]).toEqual([0, '']);
      expectPrivateRegularFile(c.file);
      expect(readFileSync(atTarget, 'utf8')).toBe('not yours to overwrite');
      expect(readFileSync(atTemporary, 'utf8')).toBe('not yours to overwrite');
    }
    expect(readFileSync(join(out, 'ledger.csv'), 'utf8')).toContain('P1');
    expect(readFileSync(join(out, 'ledger.xlsx')).subarray(0, 2).toString()).toBe('PK');
    // Only the exports and the planted temporary-name links: no temporary file of ours left over.
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a round export: the link at the target is replaced and the old `.part` name not followed', async () => {
    const { db } = seedDb();
    const created = createRound(db, {
      kind: 'mid-year',
      asOf: '2016-06-30',
      minAgeMonths: 6,
      createdBy: 'cli',
      now: new Date('2016-07-01T00:00:00Z'),
    });
    if (created.kind !== 'created') throw new Error('no round');
    const { round } = created;
    const dir = tempDir();
    const file = join(dir, 'round.xlsx');
    const atTarget = plantLink(dir, file, 'round-target');
    const atTemporary = plantLink(dir, `${file}.part`, 'round-temp');
    await writeRoundWorkbook(file, {
      round,
      stats: loadRoundStats(db, round, CN_2016, 3),
      plans: roundExportPlans(db, round.id),
      tallies: roundPlanTallies(db, round.id),
      itemsOf: roundExportItems(db, round.id),
      t: translator('en'),
      timeZone: 'Asia/Shanghai',
    });
    expectPrivateRegularFile(file);
    expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(readFileSync(atTarget, 'utf8')).toBe('not yours to overwrite');
    expect(readFileSync(atTemporary, 'utf8')).toBe('not yours to overwrite');
    closeDatabase(db);
  });
});
