// Slack's limits for the largest realistic ledger: 10,000 plans, 250,000 items, 40 groups with
// long names, thousands of overdue items, hundreds of closable plans, many open follow-ups.
import { beforeAll, describe, expect, it } from 'vitest';
import { digestHeadline, digestReplies } from '../../../src/blocks/messages/digest.ts';
import { blockTextLength } from '../../../src/blocks/messages/digestPack.ts';
import type { SlackMessage } from '../../../src/blocks/messages/followup.ts';
import type { Db } from '../../../src/db/client.ts';
import { CN_CALENDAR } from '../../../src/domain/calendars/cn.ts';
import type { Locale } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';
import { runCloseout } from '../../../src/jobs/closeout.ts';
import { digestSettings, gatherDigest, runDigest } from '../../../src/jobs/digest.ts';
import { registerCentralPlan } from '../../../src/store/centralPlans.ts';
import { loadLargeLedger } from '../../support/digestLedgers.ts';
import { jobContext, memoryDb, queued, testConfig } from '../../support/jobs.ts';
import { ADMINS, CHANNELS } from '../../support/office.ts';

const MONDAY = '2026-11-30T09:00:00+08:00';

function expectWithinLimits(message: { text: string; blocks: unknown[] }): void {
  expect(message.blocks.length).toBeGreaterThan(0);
  expect(message.blocks.length).toBeLessThanOrEqual(50);
  expect(blockTextLength(message.blocks)).toBeLessThanOrEqual(12_000);
  expect(message.text.length).toBeLessThanOrEqual(4_000);
  for (const block of message.blocks as { type: string; text?: { text: string }; elements?: { text?: string }[] }[]) {
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text?.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'context')
      for (const e of block.elements ?? []) expect(e.text?.length ?? 0).toBeLessThanOrEqual(3000);
  }
}

describe('digest and close-out over a 10,000-plan ledger', () => {
  let db: Db;
  beforeAll(() => {
    db = memoryDb();
    loadLargeLedger(db);
    db.$client.prepare("insert into settings (key, value) values ('digest_channel', ?)").run(CHANNELS.digest);
    for (const admin of ADMINS) db.$client.prepare('insert into admins (user_id) values (?)').run(admin);
    for (let i = 1; i <= 120; i++) {
      registerCentralPlan(
        db,
        {
          title: `关于深化<某>领域改革&完善体制机制的若干意见${'的'.repeat(200)}${i}`,
          passedOn: '2026-11-02',
          groupCode: `G${1 + (i % 40)}`,
          createdBy: ADMINS[0],
        },
        { now: new Date('2026-11-02T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
      );
    }
  });

  it.each(['zh-CN', 'en'] as Locale[])('splits every digest message within Slack limits (%s)', (locale) => {
    const data = gatherDigest(
      db,
      {
        asOf: '2026-11-30',
        calendar: CN_CALENDAR,
        yellowWorkdays: testConfig().REFORM_YELLOW_WORKDAYS,
      },
      digestSettings(testConfig()),
    );
    expect(data.stats.plans).toBe(10_000);
    expect(data.stats.items).toBe(250_000);
    expect(data.overdue.total).toBeGreaterThan(10_000);
    expect(data.closable.total).toBeGreaterThan(500);
    const messages: SlackMessage[] = [
      digestHeadline(translator(locale), data),
      ...digestReplies(translator(locale), data),
    ];
    for (const m of messages) expectWithinLimits(m);
    const all = messages.map((m) => JSON.stringify(m.blocks)).join('\n');
    // the long lists are cut with "and N more", the 40 groups all listed (split if needed)
    expect(all).toContain(
      locale === 'en' ? `… and ${data.overdue.total - 30} more` : `……另有 ${data.overdue.total - 30} 条`,
    );
    for (let g = 1; g <= 40; g++) expect(all).toContain(`*G${g} `);
    // user text is escaped: no raw < or & from titles reaches mrkdwn
    expect(all).not.toContain('<某>');
    expect(all).toContain('&lt;若干&gt;措施&amp;实施细则');
  });

  it('queues the digest and the close-out proposals within the limits', () => {
    const digest = runDigest(jobContext(db, MONDAY));
    expect(digest.queued).toBeGreaterThanOrEqual(7);
    const closeout = runCloseout(jobContext(db, MONDAY));
    expect(closeout.details?.proposed).toBeGreaterThan(500);
    expect(closeout.queued).toBe(Math.ceil(Number(closeout.details?.proposed) / 20) * ADMINS.length);
    // The progress chart is a file, not blocks (README "Progress chart"): one, with its comment.
    const [chart, ...more] = queued(db).filter((row) => row.kind === 'digest.chart');
    expect(more).toEqual([]);
    expect(chart?.text).toBe('督察周报 2026-W49 完成进度图');
    for (const row of queued(db)) if (row.kind !== 'digest.chart') expectWithinLimits(row);
  });
});
