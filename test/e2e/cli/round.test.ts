// The round commands as an office runs them: `node bin/reform-bot.js ...` as a separate process,
// on a database file in a temp folder holding the seed ledger.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { admins, groupMembers, outbox } from '../../../src/db/schema.ts';
import { generateSeedLedger } from '../../fixtures/seedLedger.ts';
import { cli } from '../../support/cliProcess.ts';
import { loadLedgerForTest } from '../../support/loadLedger.ts';

// Each spawn pays a Node start-up (seconds on a busy machine), hence the generous timeout.
describe('reform-bot round (spawned CLI)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'round-cli-'));
  const dbPath = join(dir, 'reform.db');
  const en = { DATABASE_PATH: dbPath, REFORM_LOCALE: 'en' };
  const zh = { DATABASE_PATH: dbPath, REFORM_LOCALE: 'zh-CN' };

  beforeAll(() => {
    const db = openDatabase(dbPath);
    const ledger = loadLedgerForTest(db, generateSeedLedger());
    db.insert(admins).values({ userId: 'UADMIN' }).run();
    for (const [code, groupId] of ledger.groupIds)
      db.insert(groupMembers)
        .values({ groupId, userId: `UL${code}`, role: 'liaison' })
        .run();
    closeDatabase(db);
  });

  it('round create --json prints the stats keys for the snapshot, plus roundId and selectedPlans', async () => {
    const run = await cli(en, 'round', 'create', '--kind', 'mid-year', '--as-of', '2016-06-30', '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    const stats = JSON.parse((await cli(en, 'stats', '--json', '--as-of', '2016-06-30')).stdout) as Record<
      string,
      unknown
    >;
    // The forecast is the office's projection from today's pace, not part of a round's snapshot.
    const snapshotKeys = Object.keys(stats).filter((key) => key !== 'forecast');
    expect(Object.keys(json).sort()).toEqual([...snapshotKeys, 'roundId', 'selectedPlans'].sort());
    expect(json).toMatchObject({
      roundId: 1,
      plans: 35,
      items: 717,
      done: 461,
      doneRate: 64.3,
      started: 224,
      startedRate: 31.2,
      notStarted: 32,
      notStartedRate: 4.5,
      closablePlans: 6,
    });
    expect(json.selectedPlans).toEqual(Array.from({ length: 35 }, (_, i) => `SC-FA-${String(i + 1).padStart(3, '0')}`));
  });

  it('refuses the same round again and a bad kind', async () => {
    const again = await cli(en, 'round', 'create', '--kind', 'mid-year', '--as-of', '2016-06-30');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Round #1 (mid-year assessment as of 2016-06-30) already exists');
    const bad = await cli(en, 'round', 'create', '--kind', 'annual');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--kind');
  });

  it("a year-end round prints the table and queues the liaisons' messages once", async () => {
    const run = await cli(
      zh,
      'round',
      'create',
      '--kind',
      'year-end',
      '--as-of',
      '2016-06-30',
      '--min-age-months',
      '6',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已创建第 2 轮年底自查');
    expect(run.stdout).toMatch(/总体\s+35\s+717\s+461\s+64\.3\s+224\s+31\.2\s+32\s+4\.5/);
    expect(run.stdout).toContain('自查私信：新排队 35 条');
    const notify = await cli(zh, 'round', 'notify', '2');
    expect(notify.code).toBe(0);
    expect(notify.stdout).toContain('新排队 0 条，此前已排队 35 条');
    const db = openDatabase(dbPath);
    expect(db.select().from(outbox).all()).toHaveLength(35);
    closeDatabase(db);
    const midYear = await cli(en, 'round', 'notify', '1');
    expect(midYear.code).toBe(1);
  });

  it('round list and round show report the self-check progress', async () => {
    const list = await cli(en, 'round', 'list');
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/2\s+year-end self-check\s+2016-06-30\s+6\s+35\s+0\s+717/);
    const show = await cli(en, 'round', 'show', '1', '--json');
    const body = JSON.parse(show.stdout) as {
      totalPlans: number;
      filledPlans: number;
      plans: { code: string; items: number }[];
    };
    expect(body.totalPlans).toBe(35);
    expect(body.filledPlans).toBe(0);
    expect(body.plans[2]).toMatchObject({ code: 'SC-FA-003', items: 28 });
    const text = await cli(en, 'round', 'show', '1');
    expect(text.stdout).toContain('Three checks filled in: 0 of 35 plans');
    const missing = await cli(en, 'round', 'show', '9');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No round #9');
  });

  it('export --round writes the supervision tables', async () => {
    const out = join(dir, 'round-1.xlsx');
    const run = await cli(en, 'export', '--round', '1', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets).toHaveLength(36);
    expect(wb.worksheets[0]?.name).toBe('Summary');
  });
});
