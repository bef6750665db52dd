// The weekly digest carries the ranking (with last week's movement) in its thread and the
// forecast line in its headline (README "Ranking", "Progress chart").
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { runDigest } from '../../src/jobs/digest.ts';
import { jobContext, memoryDb, queued, testConfig } from '../support/jobs.ts';
import { DEPARTMENTS } from '../support/office.ts';
import { AUDIT, playTheWeek, seedRankingOffice } from '../support/rankingOffice.ts';
import { textsOf } from '../support/slackLimits.ts';

const MONDAY_0900 = '2016-07-04T09:00:00+08:00';

describe('digest: ranking and forecast', () => {
  let db: Db;
  beforeEach(() => {
    db = memoryDb();
    seedRankingOffice(db, { shape: { digestChannel: true } });
    playTheWeek(db);
  });

  it('ranks departments and groups in the thread, after the groups, with the movement (zh-CN)', () => {
    runDigest(jobContext(db, MONDAY_0900));
    const [parent, ...replies] = queued(db).map((r) => ({ ...r, shown: textsOf(r.blocks).join('\n') }));
    expect(parent?.shown).toContain(
      '进度预测：共 8 项，已完成 3 项，剩余 5 项；近四周平均每周完成 0.8 项，按此进度预计 2016-08-20 全部完成；如需在目标日期 2020-12-31 前完成，每周需完成 0.1 项。',
    );
    const titles = replies.map((r) => r.shown.split('\n')[0]);
    const byGroup = titles.findIndex((x) => x?.startsWith('*按专项小组'));
    expect(titles.slice(byGroup + 1, byGroup + 3)).toEqual([
      '*动态排名 · 按责任单位（按期完成率）*',
      '*动态排名 · 按专项小组（按期完成率）*',
    ]);
    const departments = replies[byGroup + 1]?.shown ?? '';
    expect(departments).toContain(`1. *${DEPARTMENTS.finance}* 50.0%（到期 2 项，按期完成 1 项）· 逾期 0 项 · ↑1`);
    expect(departments).toContain(`2. *${DEPARTMENTS.ndrc}* 33.3%（到期 3 项，按期完成 1 项）· 逾期 1 项 · ↓1`);
    expect(departments).toContain(`3. *${AUDIT}* 0.0%（到期 1 项，按期完成 0 项）· 逾期 1 项 · 新`);
    expect(departments).toContain(`3. *${DEPARTMENTS.education}* 0.0%（到期 1 项，按期完成 0 项）· 逾期 1 项 · —`);
    expect(departments).toContain('与按事项历史重算的 2016-06-27 排名相比');
    const groups = replies[byGroup + 2]?.shown ?? '';
    expect(groups).toContain('1. *G1 经济体制改革专项小组* 40.0%（到期 5 项，按期完成 2 项）· 逾期 1 项 · —');
  });

  it('in English with OFFICE_TARGET_DATE', () => {
    runDigest(jobContext(db, MONDAY_0900, testConfig({ REFORM_LOCALE: 'en', OFFICE_TARGET_DATE: '2016-07-25' })));
    const shown = queued(db).map((r) => textsOf(r.blocks).join('\n'));
    expect(shown[0]).toContain(
      'Forecast: 3 of 8 done, 5 to go; 0.8 a week over the last four weeks, all done by 2016-08-20 at that pace; 1.7 a week needed to finish by the target date 2016-07-25.',
    );
    const departments = shown.find((s) => s.startsWith('*Ranking by responsible department')) ?? '';
    expect(departments).toContain(`1. *${DEPARTMENTS.finance}* 50.0% (1 of 2 due done on time) · 0 overdue · ↑1`);
  });
});
