// `reform-bot plan close` as an office runs it: a separate process on a database file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { plans } from '../../../src/db/schema.ts';
import { cli } from '../../support/cliProcess.ts';
import { addNumberedPlan, allDone, seedOrg } from '../../support/office.ts';

describe('reform-bot plan close (spawned CLI)', { timeout: 120_000 }, () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'close-cli-')), 'reform.db');
  const zh = { DATABASE_PATH: dbPath, REFORM_LOCALE: 'zh-CN', REFORM_TZ: 'Asia/Shanghai' };
  const en = { ...zh, REFORM_LOCALE: 'en' };
  const plan = (code: string) => {
    const db = openDatabase(dbPath);
    const row = db.select().from(plans).where(eq(plans.code, code)).get();
    closeDatabase(db);
    return row;
  };

  beforeAll(() => {
    const db = openDatabase(dbPath);
    const { g1 } = seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
    addNumberedPlan(db, { code: 'SC-FA-001', groupId: g1, items: allDone(3) });
    addNumberedPlan(db, { code: 'SC-FA-002', groupId: g1, items: [...allDone(2), { status: 'started' }] });
    closeDatabase(db);
  });

  it('closes a plan whose items are all done, once', async () => {
    const run = await cli(zh, 'plan', 'close', 'SC-FA-001');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^方案 SC-FA-001 已于 \d{4}-\d{2}-\d{2} 销账。/);
    expect(plan('SC-FA-001')).toMatchObject({ stage: 'closed', closedBy: expect.stringMatching(/^cli:/) });
    const again = await cli(en, 'plan', 'close', 'SC-FA-001');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('was already closed out on');
  });

  it('refuses a plan with unfinished items unless --force', async () => {
    const refused = await cli(en, 'plan', 'close', 'SC-FA-002');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Plan SC-FA-002 is not closed: 2 of 3 items done. Use --force to close it anyway.',
    );
    expect(plan('SC-FA-002')?.stage).toBe('issued');
    const forced = await cli(en, 'plan', 'close', 'SC-FA-002', '--force');
    expect(forced.code).toBe(0);
    expect(plan('SC-FA-002')?.stage).toBe('closed');
  });

  it('names an unknown plan', async () => {
    const run = await cli(en, 'plan', 'close', 'NOPE');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('No plan with code NOPE');
  });
});
