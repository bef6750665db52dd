// The seed's table (docs/PRACTICE.md rule 4) through the real binary: a ledger of the assessed 35 plans is
// imported from CSV, and `stats --json` must give exactly the article's figures.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { selectPlansForRound } from '../../../src/domain/rounds.ts';
import { generateSeedLedger, SEED_EXPECTED } from '../../fixtures/seedLedger.ts';
import { writeCsv } from '../../support/ledgerFixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'reform-bot-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ['bin/reform-bot.js', ...args], {
    env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'seed.db'), REFORM_LOCALE: 'en' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the seed table from an imported ledger', () => {
  it('35 plans, 717 items, 461 done (64.3%), 224 started (31.2%), 32 not started (4.5%), 6 closable', () => {
    const rows = generateSeedLedger();
    const plans = new Map(
      rows.map((r) => [r.plan_code, { code: r.plan_code, issuedOn: r.issued_on || null, closedOn: null }]),
    );
    const assessed = new Set(selectPlansForRound([...plans.values()], '2016-06-30').map((p) => p.code));
    const file = writeCsv(
      join(dir, 'seed.csv'),
      rows.filter((r) => assessed.has(r.plan_code)),
    );

    const imported = cli(['import', file]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);

    const stats = cli(['stats', '--json', '--as-of', '2016-06-30']);
    expect(stats.code).toBe(0);
    const json = JSON.parse(stats.out);
    const {
      asOf,
      plans: planCount,
      items,
      done,
      started,
      notStarted,
      doneRate,
      startedRate,
      notStartedRate,
      closablePlans,
    } = SEED_EXPECTED;
    expect(json).toMatchObject({
      asOf,
      plans: planCount,
      items,
      done,
      started,
      notStarted,
      doneRate,
      startedRate,
      notStartedRate,
      closablePlans,
    });
    // The article's own figures, stated once more so a change to the fixture cannot hide here.
    expect([planCount, items, done, doneRate, started, startedRate, notStarted, notStartedRate, closablePlans]).toEqual(
      [35, 717, 461, 64.3, 224, 31.2, 32, 4.5, 6],
    );
    expect(json.byDomain).toHaveLength(7);
    expect(json.byGroup.map((g: { group: string }) => g.group)).toEqual([
      'G1',
      'G2',
      'G3',
      'G4',
      'G5',
      'G6',
      'G7',
      'G8',
      'G9',
    ]);
    const sum = (key: string) => json.byGroup.reduce((n: number, g: Record<string, number>) => n + (g[key] ?? 0), 0);
    expect([sum('items'), sum('done'), sum('started'), sum('notStarted')]).toEqual([717, 461, 224, 32]);

    // The readable table says the same, in Chinese too.
    const table = spawnSync(process.execPath, ['bin/reform-bot.js', 'stats', '--as-of', '2016-06-30'], {
      env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'seed.db'), REFORM_LOCALE: 'zh-CN' },
      encoding: 'utf8',
    }).stdout;
    expect(table).toMatch(/总体\s+35\s+717\s+461\s+64\.3\s+224\s+31\.2\s+32\s+4\.5/);
  });
});
