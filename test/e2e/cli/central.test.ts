// `reform-bot central add|list` as an office runs them: a separate process on a database file.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { centralPlans } from '../../../src/db/schema.ts';
import { cli } from '../../support/cliProcess.ts';
import { seedOrg } from '../../support/office.ts';

describe('reform-bot central (spawned CLI)', { timeout: 120_000 }, () => {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'central-cli-')), 'reform.db');
  const zh = { DATABASE_PATH: dbPath, REFORM_LOCALE: 'zh-CN' };
  const en = { DATABASE_PATH: dbPath, REFORM_LOCALE: 'en' };

  beforeAll(() => {
    const db = openDatabase(dbPath);
    seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
    closeDatabase(db);
  });

  it('registers a central plan with the deadline 3 calendar days after it passed, once', async () => {
    const args = [
      'central',
      'add',
      '--title',
      '关于深化国有企业改革的指导意见',
      '--passed-on',
      '2026-09-24',
      '--group',
      'G1',
      '--meeting',
      '第十七次会议',
      '--url',
      'https://www.gov.cn/a',
    ];
    const run = await cli(zh, ...args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '已登记中央改革方案 #1《关于深化国有企业改革的指导意见》，责任专项小组 G1，对接工作安排应于 2026-09-27 前报送',
    );
    const again = await cli(en, ...args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('is already registered as #1 (due 2026-09-27)');
    const db = openDatabase(dbPath);
    expect(db.select().from(centralPlans).all()).toEqual([
      expect.objectContaining({
        id: 1,
        passedOn: '2026-09-24',
        arrangementDueOn: '2026-09-27',
        meeting: '第十七次会议',
        url: 'https://www.gov.cn/a',
        createdBy: expect.stringMatching(/^cli:/),
      }),
    ]);
    closeDatabase(db);
  });

  it('refuses bad input, naming each option, and adds nothing', async () => {
    const missing = await cli(en, 'central', 'add', '--title', 'x');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--passed-on is required');
    expect(missing.stderr).toContain('--group is required');
    const bad = await cli(
      en,
      'central',
      'add',
      '--title',
      'x',
      '--passed-on',
      '2026-02-30',
      '--group',
      'G99',
      '--url',
      'mailto:a@b',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toEqual([
      '--passed-on: Not a date (YYYY-MM-DD).',
      '--group: No special group with this code; see the org file.',
      '--url: Not a web link (http:// or https://).',
    ]);
    const future = await cli(en, 'central', 'add', '--title', 'x', '--passed-on', '2999-01-01', '--group', 'G1');
    expect(future.stderr).toContain('--passed-on: A plan cannot have passed in the future.');
    const db = openDatabase(dbPath);
    expect(db.select().from(centralPlans).all()).toHaveLength(1);
    closeDatabase(db);
  });

  it('lists central plans and their follow-up state', async () => {
    const run = await cli(en, 'central', 'list', '--open');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /1 +关于深化国有企业改革的指导意见 +2026-09-24 +G1 +2026-09-27 +overdue \d+ day\(s\), supervised/,
    );
    const json = JSON.parse((await cli(en, 'central', 'list', '--json')).stdout) as {
      id: number;
      arrangement: unknown;
    }[];
    expect(json).toMatchObject([{ id: 1, arrangement: null }]);
  });
});
