// `reform-bot stats` names the special groups (`G1 经济体制改革专项小组`), not only their codes,
// in the table and in --json (`name` beside `group`).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../src/db/client.ts';
import { SEED_GROUPS } from '../../fixtures/seedLedger.ts';
import { cli } from '../../support/cli.ts';
import { tempDir } from '../../support/db.ts';
import { seedDb } from '../../support/seedLedgerDb.ts';

function seededFile(): string {
  const path = join(tempDir(), 'stats.db');
  closeDatabase(seedDb(undefined, path).db);
  return path;
}

describe('reform-bot stats: group names', () => {
  it('shows code and name in the table, in both languages', async () => {
    const path = seededFile();
    for (const locale of ['en', 'zh-CN'] as const) {
      const result = await cli(['stats', '--as-of', '2016-06-30'], { DATABASE_PATH: path, REFORM_LOCALE: locale });
      expect(result.code).toBe(0);
      for (const g of SEED_GROUPS)
        expect(result.out, `${locale} ${g.code}`).toMatch(new RegExp(`^${g.code} ${g.name}\\s+\\d`, 'm'));
    }
  });

  it('puts the name beside the code in --json', async () => {
    const json = JSON.parse(
      (await cli(['stats', '--json', '--as-of', '2016-06-30'], { DATABASE_PATH: seededFile() })).out,
    );
    expect(json.byGroup.map((g: { group: string; name: string }) => [g.group, g.name])).toEqual(
      SEED_GROUPS.map((g) => [g.code, g.name]),
    );
    expect(Object.keys(json.byGroup[0]).slice(0, 3)).toEqual(['group', 'name', 'plans']);
  });

  it('round create prints the same named table', async () => {
    const result = await cli(['round', 'create', '--kind', 'mid-year', '--as-of', '2016-06-30'], {
      DATABASE_PATH: seededFile(),
    });
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^G1 经济体制改革专项小组\s+\d/m);
  });
});
