// The escalation of unanswered extension requests, with fixed dates on the official calendar:
// raised to the office admins after EXTENSION_ESCALATE_WORKDAYS working days (holidays and
// make-up working days counted as the office counts them), once per request, never a decided one.
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { extensionRequestMessage } from '../../src/blocks/messages/extension.ts';
import { extensionEscalationMessage } from '../../src/blocks/messages/extensionEscalation.ts';
import { admins, extensionRequests } from '../../src/db/schema.ts';
import { translator } from '../../src/i18n/index.ts';
import { runExtensionEscalation } from '../../src/jobs/extensions.ts';
import { extensionFigures } from '../../src/store/extensionFigures.ts';
import { decideExtension, requestExtension } from '../../src/store/extensions.ts';
import { jobContext, memoryDb, queued, testConfig } from '../support/jobs.ts';
import { ADMINS, addNumberedPlan, PEOPLE, seedOrg } from '../support/office.ts';
import { messageProblems } from '../support/slackLimits.ts';

function office(items = 1) {
  const db = memoryDb();
  const { g1 } = seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
  const { itemIds } = addNumberedPlan(db, {
    code: 'P7',
    groupId: g1,
    items: Array.from({ length: items }, () => ({ status: 'started' as const, dueOn: '2016-09-30' })),
  });
  return { db, itemIds };
}

/** Asked on Thursday 2016-09-29 at 10:00 in Shanghai. */
function ask(db: ReturnType<typeof memoryDb>, itemId: number, key = 'k', reason = '等待国家配套文件') {
  const result = requestExtension(db, {
    itemId,
    by: PEOPLE.g1Liaison,
    toDueOn: '2016-12-31',
    reason,
    requestKey: key,
    at: new Date('2016-09-29T10:00:00+08:00'),
  });
  if (result.kind !== 'requested') throw new Error(`not requested: ${result.kind}`);
  return result.request.id;
}

const escalations = (db: ReturnType<typeof memoryDb>) => queued(db).filter((r) => r.kind === 'extension.escalation');

describe('raising unanswered extension requests to the office', () => {
  it('waits three working days across the National Day holiday, then tells each admin once', () => {
    const { db, itemIds } = office();
    const id = ask(db, itemIds[0] as number);
    // 30 Sep is the first working day after; 1–7 Oct are holidays; 8 and 9 Oct are make-up working days.
    expect(runExtensionEscalation(jobContext(db, '2016-10-07T09:00:00+08:00')).details).toMatchObject({
      skipped: 'not a working day',
    });
    expect(runExtensionEscalation(jobContext(db, '2016-10-08T09:00:00+08:00'))).toMatchObject({
      queued: 0,
      details: { waiting: 1, escalated: 0 },
    });
    expect(runExtensionEscalation(jobContext(db, '2016-10-09T09:00:00+08:00'))).toMatchObject({
      queued: 2,
      details: { waiting: 1, escalated: 1, admins: 2 },
    });
    const rows = escalations(db);
    expect(rows.map((r) => r.target).sort()).toEqual([...ADMINS].sort());
    const shown = JSON.stringify(rows[0]?.blocks);
    expect(shown).toContain('已超过 3 个工作日未审批');
    expect(shown).toContain(ACTIONS.extensionApprove);
    expect(shown).toContain(ACTIONS.extensionRefuse);
    expect(db.select().from(extensionRequests).get()?.escalatedAt).toBe('2016-10-09T01:00:00.000Z');
    // Once per request: the same day again, and the next days, raise nothing more.
    expect(runExtensionEscalation(jobContext(db, '2016-10-09T09:00:00+08:00')).queued).toBe(0);
    expect(runExtensionEscalation(jobContext(db, '2016-10-10T09:00:00+08:00')).queued).toBe(0);
    expect(escalations(db)).toHaveLength(2);
    expect(id).toBeGreaterThan(0);
  });

  it('never raises a request that was answered, and follows EXTENSION_ESCALATE_WORKDAYS', () => {
    const { db, itemIds } = office(2);
    const answered = ask(db, itemIds[0] as number, 'a');
    ask(db, itemIds[1] as number, 'b');
    decideExtension(db, {
      requestId: answered,
      by: PEOPLE.g1Leader,
      decision: 'refused',
      at: new Date('2016-09-30T10:00:00+08:00'),
    });
    const config = testConfig({ EXTENSION_ESCALATE_WORKDAYS: '1' });
    expect(runExtensionEscalation(jobContext(db, '2016-09-30T09:00:00+08:00', config))).toMatchObject({
      details: { waiting: 1, escalated: 1 },
    });
    expect(escalations(db).every((r) => !JSON.stringify(r.blocks).includes(`"extension.${answered}"`))).toBe(true);
  });

  it('marks nothing while the office has no admin, so the requests are raised once there is one', () => {
    const { db, itemIds } = office();
    db.delete(admins).run();
    ask(db, itemIds[0] as number);
    expect(runExtensionEscalation(jobContext(db, '2016-10-10T09:00:00+08:00'))).toMatchObject({
      queued: 0,
      details: { skipped: 'no office admins' },
    });
    expect(db.select().from(extensionRequests).get()?.escalatedAt).toBeNull();
    db.insert(admins).values({ userId: 'U0NEWADMIN' }).run();
    expect(runExtensionEscalation(jobContext(db, '2016-10-11T09:00:00+08:00')).queued).toBe(1);
  });

  it('splits many requests into messages within Slack limits, in both languages', () => {
    const longReason = `${'因国家层面配套政策尚未出台，需等待上位文件印发后再行部署 <!channel> & '.repeat(12)}`.slice(
      0,
      500,
    );
    const { db, itemIds } = office(45);
    for (const [i, itemId] of itemIds.entries()) ask(db, itemId, `k${i}`, longReason);
    expect(runExtensionEscalation(jobContext(db, '2016-10-10T09:00:00+08:00'))).toMatchObject({
      queued: 6,
      details: { escalated: 45 },
    });
    for (const row of escalations(db))
      expect(messageProblems({ text: row.text, blocks: row.blocks as never })).toEqual([]);
    expect(escalations(db).some((r) => r.text.includes('45'))).toBe(false); // counted per message part
  });
});

describe('the extension messages against Slack limits, largest realistic data', () => {
  const data = {
    requestId: 987654,
    planCode: 'SC-FA-2016-001',
    planTitle: '关于深化投融资体制改革的实施意见'.repeat(20),
    itemCode: '123-4',
    title: '建立投资项目在线审批监管平台 <b> & '.repeat(30),
    groupCode: 'G10-经济体制和生态文明体制改革专项小组',
    requestedBy: 'U0123ABCDEF',
    requestedAt: '2016-09-29T02:00:00.000Z',
    fromDueOn: '2016-12-31',
    toDueOn: '2017-12-31',
    originalDueOn: '2016-06-30',
    reason: '理'.repeat(500),
    timeZone: 'Asia/Shanghai',
  };
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: the approvers' DM and a full escalation message`, () => {
      const t = translator(locale);
      expect(messageProblems(extensionRequestMessage(t, data))).toEqual([]);
      const twenty = Array.from({ length: 20 }, (_, i) => ({ ...data, requestId: i + 1 }));
      expect(messageProblems(extensionEscalationMessage(t, twenty, 3, { index: 2, total: 3 }))).toEqual([]);
    });
  }
});

describe('extension figures against the original due date', () => {
  it("counts extended items still open past their original date, and the week's decisions", () => {
    const { db, itemIds } = office(3);
    const [a, b] = [ask(db, itemIds[0] as number, 'a'), ask(db, itemIds[1] as number, 'b')];
    ask(db, itemIds[2] as number, 'c');
    decideExtension(db, {
      requestId: a,
      by: PEOPLE.g1Leader,
      decision: 'approved',
      at: new Date('2016-09-30T10:00:00+08:00'),
    });
    decideExtension(db, {
      requestId: b,
      by: PEOPLE.g1Leader,
      decision: 'refused',
      at: new Date('2016-09-30T11:00:00+08:00'),
    });
    // Due 2016-09-30, extended to 2016-12-31: on 2016-10-10 its light is green, but it is late against the record.
    expect(extensionFigures(db, '2016-10-10', '2016-09-26T00:00:00.000Z')).toEqual({
      extended: 1,
      extendedOpen: 1,
      pastOriginal: 1,
      pending: 1,
      approvedSince: 1,
      refusedSince: 1,
    });
    expect(extensionFigures(db, '2016-09-30', '2016-10-03T00:00:00.000Z')).toMatchObject({
      pastOriginal: 0,
      approvedSince: 0,
      refusedSince: 0,
    });
  });
});
