// `reform-bot stats --by department|group` prints the digest's ranking (README "Ranking") and the
// forecast line, in both languages; plain `stats` ends with the same forecast line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase } from '../../../src/db/client.ts';
import { cli } from '../../support/cli.ts';
import { type TempDb, tempDb } from '../../support/db.ts';
import { DEPARTMENTS } from '../../support/office.ts';
import { AUDIT, MONDAY, playTheWeek, seedRankingOffice } from '../../support/rankingOffice.ts';

let file: TempDb;
beforeAll(() => {
  file = tempDb();
  seedRankingOffice(file.db);
  playTheWeek(file.db);
  closeDatabase(file.db);
});
afterAll(() => file.cleanup());

const run = (args: string[], locale: 'en' | 'zh-CN' = 'en') =>
  cli(['stats', '--as-of', MONDAY, ...args], { DATABASE_PATH: file.path, REFORM_LOCALE: locale });

/** The table's rows as cells split on two or more spaces. */
const rowsOf = (out: string) =>
  out
    .split('\n')
    .filter((line) => /^\s*\d+\s{2}/.test(line))
    .map((line) => line.trim().split(/\s{2,}/));

describe('reform-bot stats --by', () => {
  it('ranks departments with the rate, counts, overdue and movement (en)', async () => {
    const result = await run(['--by', 'department']);
    expect(result.code).toBe(0);
    expect(result.out).toContain(
      'On-time completion ranking by responsible department as of 2016-07-04 (movement against 2016-06-27)',
    );
    expect(rowsOf(result.out)).toEqual([
      ['1', DEPARTMENTS.finance, '50.0', '1', '2', '0', '↑1'],
      ['2', DEPARTMENTS.ndrc, '33.3', '1', '3', '1', '↓1'],
      ['3', AUDIT, '0.0', '0', '1', '1', 'new'],
      ['3', DEPARTMENTS.education, '0.0', '0', '1', '1', '—'],
    ]);
    expect(result.out).toContain('Equal rates share a rank (1, 2, 2, 4)');
    expect(result.out).toContain('Forecast: 3 of 8 done, 5 to go');
  });

  it('ranks special groups by code and name, in Chinese', async () => {
    const result = await run(['--by', 'group'], 'zh-CN');
    expect(result.code).toBe(0);
    expect(result.out).toContain('按期完成率动态排名 · 按专项小组（截至 2016-07-04，升降与 2016-06-27 相比）');
    expect(rowsOf(result.out)).toEqual([
      ['1', 'G1 经济体制改革专项小组', '40.0', '2', '5', '1', '—'],
      ['2', 'G2 社会体制改革专项小组', '0.0', '0', '2', '2', '—'],
    ]);
    expect(result.out).toContain('完成率相同者名次并列（1、2、2、4）');
    expect(result.out).toContain('进度预测：共 8 项，已完成 3 项，剩余 5 项');
  });

  it('gives the ranking and the forecast as JSON', async () => {
    const json = JSON.parse((await run(['--by', 'department', '--json'])).out);
    expect(json).toMatchObject({ asOf: MONDAY, previousAsOf: '2016-06-27', by: 'department' });
    expect(json.ranking[0]).toEqual({
      rank: 1,
      unit: DEPARTMENTS.finance,
      name: DEPARTMENTS.finance,
      rate: 50,
      onTime: 1,
      dueSoFar: 2,
      overdue: 0,
      movement: { kind: 'up', places: 1 },
    });
    expect(json.forecast).toMatchObject({ done: 3, total: 8, remaining: 5, targetOn: '2020-12-31' });
  });

  it('refuses another --by with what it accepts, and prints nothing else', async () => {
    const en = await run(['--by', 'plan']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('--by: "plan" is not department or group');
    expect(en.out).toBe('');
    const zh = await run(['--by', 'plan'], 'zh-CN');
    expect(zh.err).toContain('不是 department（责任单位）或 group（专项小组）');
  });

  it('plain stats ends with the forecast line', async () => {
    // three completions in the four weeks to 2016-07-04: 0.75 a week; 5 left → 47 days
    const en = await run([]);
    expect(en.out.trimEnd().split('\n').at(-1)).toBe(
      'Forecast: 3 of 8 done, 5 to go; 0.8 a week over the last four weeks, all done by 2016-08-20 at that pace; 0.1 a week needed to finish by the target date 2020-12-31.',
    );
    const zh = await run([], 'zh-CN');
    expect(zh.out.trimEnd().split('\n').at(-1)).toBe(
      '进度预测：共 8 项，已完成 3 项，剩余 5 项；近四周平均每周完成 0.8 项，按此进度预计 2016-08-20 全部完成；如需在目标日期 2020-12-31 前完成，每周需完成 0.1 项。',
    );
  });
});
