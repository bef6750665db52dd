import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { userLocales } from '../../src/db/schema.ts';
import { hourIn, runFollowups } from '../../src/jobs/followups.ts';
import { recordArrangement, registerCentralPlan } from '../../src/store/centralPlans.ts';
import { jobContext, memoryDb, queued, testConfig } from '../support/jobs.ts';
import { ADMINS, CHANNELS, PEOPLE, seedOrg } from '../support/office.ts';

// 2026-09-24 is a Thursday; the deadline (3 calendar days) falls on Sunday 2026-09-27, a
// holiday. 2026-09-28 and -29 are working days, 2026-10-01..07 the National Day holiday,
// 2026-10-10 a make-up working Saturday, 2026-10-17 an ordinary Saturday.
const PASSED = '2026-09-24';

function register(db: Db, overrides: Partial<{ title: string; passedOn: string; groupCode: string; at: string }> = {}) {
  const result = registerCentralPlan(
    db,
    {
      title: overrides.title ?? '关于深化国有企业改革的指导意见',
      passedOn: overrides.passedOn ?? PASSED,
      groupCode: overrides.groupCode ?? 'G1',
      meeting: '第十七次会议',
      url: 'https://example.gov.cn/doc?a=1|2',
      createdBy: ADMINS[0],
    },
    { now: new Date(overrides.at ?? '2026-09-24T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
  );
  if (result.kind === 'invalid') throw new Error(JSON.stringify(result.problems));
  return result;
}

const run = (db: Db, iso: string) => runFollowups(jobContext(db, iso));

describe('follow-up job', () => {
  let db: Db;
  beforeEach(() => {
    db = memoryDb();
    seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
  });

  it('registers with the deadline in calendar days and refuses bad input', () => {
    const created = register(db);
    expect(created).toMatchObject({ kind: 'created', arrangementDueOn: '2026-09-27' });
    expect(register(db)).toMatchObject({ kind: 'existing', id: created.id });
    const bad = registerCentralPlan(
      db,
      { title: ' ', passedOn: '2026-02-30', groupCode: 'G99', url: 'javascript:alert(1)', createdBy: 'x' },
      { now: new Date('2026-09-24T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    expect(bad).toEqual({
      kind: 'invalid',
      problems: [
        { field: 'title', code: 'required' },
        { field: 'passedOn', code: 'badDate' },
        { field: 'group', code: 'unknownGroup' },
        { field: 'url', code: 'badUrl' },
      ],
    });
    const future = registerCentralPlan(
      db,
      { title: 'x', passedOn: '2026-09-25', groupCode: 'G1', createdBy: 'x' },
      { now: new Date('2026-09-24T23:59:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    expect(future).toMatchObject({ kind: 'invalid', problems: [{ field: 'passedOn', code: 'future' }] });
  });

  it('queues the prompt once: the channel and each leader, deputy and liaison, in their language', () => {
    register(db);
    db.insert(userLocales)
      .values({ userId: PEOPLE.g1Deputy, locale: 'en-US', fetchedAt: '2026-09-01T00:00:00Z' })
      .run();
    const first = run(db, '2026-09-24T10:15:00+08:00');
    expect(first.queued).toBe(4);
    const rows = queued(db);
    expect(rows.map((r) => [r.kind, r.target])).toEqual([
      ['followup.prompt.channel', CHANNELS.g1],
      ['followup.prompt.dm', PEOPLE.g1Leader],
      ['followup.prompt.dm', PEOPLE.g1Deputy],
      ['followup.prompt.dm', PEOPLE.g1Liaison],
    ]);
    const [channel, leader, deputy] = rows;
    expect(channel?.text).toContain('对接提示通知');
    expect(channel?.text).toContain('2026-09-27');
    expect(JSON.stringify(channel?.blocks)).toContain('followup.answer');
    expect(JSON.stringify(channel?.blocks)).toContain('https://example.gov.cn/doc?a=1%7C2');
    expect(JSON.stringify(leader?.blocks)).toContain('组长');
    expect(deputy?.text).toMatch(/^Follow-up prompt/);
    expect(JSON.stringify(deputy?.blocks)).toContain('deputy of G1');
    // every 15 minutes afterwards: nothing new, also after the deadline
    expect(run(db, '2026-09-24T10:30:00+08:00').queued).toBe(0);
    expect(run(db, '2026-09-27T12:00:00+08:00').queued).toBe(0);
  });

  it('chases once per working day after the deadline, from the chase hour, until answered', () => {
    const { id } = register(db);
    run(db, '2026-09-24T10:15:00+08:00');
    const promptCount = queued(db).length;
    // Monday 2026-09-28 before 09:00: not yet
    expect(run(db, '2026-09-28T08:45:00+08:00').queued).toBe(0);
    const monday = run(db, '2026-09-28T09:00:00+08:00');
    expect(monday.queued).toBe(5); // leader, deputy, liaison + two admins
    expect(run(db, '2026-09-28T15:00:00+08:00').queued).toBe(0);
    const chase = queued(db).slice(promptCount);
    expect(chase.map((r) => [r.kind, r.target])).toEqual([
      ['followup.chase', PEOPLE.g1Leader],
      ['followup.chase', PEOPLE.g1Deputy],
      ['followup.chase', PEOPLE.g1Liaison],
      ['followup.supervise', ADMINS[0]],
      ['followup.supervise', ADMINS[1]],
    ]);
    expect(chase[0]?.text).toContain('逾期 1 天');
    expect(JSON.stringify(chase[3]?.blocks)).toContain(`<@${PEOPLE.g1Leader}>`);
    expect(chase[3]?.key).toBe(`followup.supervise:${ADMINS[0]}:central-${id}:2026-09-28`);
    // Tuesday: again
    expect(run(db, '2026-09-29T09:00:00+08:00').queued).toBe(5);
    // National Day (holiday) and an ordinary Saturday: nothing
    expect(run(db, '2026-10-01T09:00:00+08:00').queued).toBe(0);
    expect(run(db, '2026-10-03T10:00:00+08:00').queued).toBe(0);
    // make-up working Saturday: chased
    const makeUp = run(db, '2026-10-10T09:30:00+08:00');
    expect(makeUp.queued).toBe(5);
    expect(queued(db).at(-1)?.text).toContain('逾期 13 天');
    // answered: the chase stops
    expect(
      recordArrangement(db, id, {
        leadDepartment: '国资委',
        draftsPlan: true,
        targetOn: '2026-12-31',
        note: null,
        by: PEOPLE.g1Liaison,
        at: new Date('2026-10-10T11:00:00+08:00'),
      }),
    ).toBe('recorded');
    expect(run(db, '2026-10-12T09:00:00+08:00').queued).toBe(0);
    expect(run(db, '2026-10-17T09:00:00+08:00').queued).toBe(0);
  });

  it('gives a plan registered after its deadline the rest of the registration day', () => {
    register(db, { passedOn: '2026-09-01', at: '2026-09-28T10:00:00+08:00' });
    expect(run(db, '2026-09-28T10:15:00+08:00').queued).toBe(4);
    expect(run(db, '2026-09-29T09:00:00+08:00').queued).toBe(5);
  });

  it('tells the admins once when a group has nobody to prompt', () => {
    register(db, { groupCode: 'G2' });
    expect(run(db, '2026-09-24T10:15:00+08:00').queued).toBe(2);
    expect(queued(db).map((r) => [r.kind, r.target])).toEqual([
      ['followup.unreachable', ADMINS[0]],
      ['followup.unreachable', ADMINS[1]],
    ]);
    expect(run(db, '2026-09-24T10:30:00+08:00').queued).toBe(0);
    // after the deadline the admins still get the daily supervised-matter notice
    expect(run(db, '2026-09-28T09:00:00+08:00').queued).toBe(2);
    expect(queued(db).at(-1)?.kind).toBe('followup.supervise');
  });

  it('sends English in the channel when REFORM_LOCALE is en', () => {
    register(db);
    runFollowups(jobContext(db, '2026-09-24T10:15:00+08:00', testConfig({ REFORM_LOCALE: 'en' })));
    expect(queued(db)[0]?.text).toMatch(/^Follow-up prompt/);
  });

  it('reads the hour on the office clock', () => {
    expect(hourIn(new Date('2026-09-28T01:00:00Z'), 'Asia/Shanghai')).toBe(9);
    expect(hourIn(new Date('2026-09-28T16:30:00Z'), 'Asia/Shanghai')).toBe(0);
  });
});
