// The demo files the README ships (examples/): the org file and the ledger load with the two
// commands the README gives, and give the seed article's table.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_EXPECTED } from './fixtures/seedLedger.ts';
import { cli } from './support/cli.ts';
import { tempDir } from './support/db.ts';

describe('the demo office in examples/', () => {
  it('loads with import-org and import, and stats gives the seed figures', async () => {
    const env = { DATABASE_PATH: join(tempDir(), 'demo.db') };
    expect((await cli(['import-org', 'examples/demo-org.yml'], env)).code).toBe(0);
    const imported = await cli(['import', 'examples/demo-ledger.csv'], env);
    expect(imported.err).toBe('');
    expect(imported.out).toContain('Items: 717 created');
    const stats = JSON.parse((await cli(['stats', '--json', '--as-of', '2016-06-30'], env)).out);
    const { plans, items, done, started, notStarted, doneRate } = SEED_EXPECTED;
    expect(stats).toMatchObject({ plans, items, done, started, notStarted, doneRate });
  });
});
