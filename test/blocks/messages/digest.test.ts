// The digest's pure builders: splitting, the points change, and limits with extreme data.
import { describe, expect, it } from 'vitest';
import { type DigestData, digestHeadline, digestReplies, pointsChange } from '../../../src/blocks/messages/digest.ts';
import {
  blockTextLength,
  MESSAGE_BLOCKS,
  MESSAGE_CHARS,
  packTopic,
  SECTION_CHARS,
} from '../../../src/blocks/messages/digestPack.ts';
import { CN_CALENDAR } from '../../../src/domain/calendars/cn.ts';
import { computeStats } from '../../../src/domain/stats.ts';
import { DOMAINS, type Locale } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';

describe('pointsChange', () => {
  it.each([
    [66.4, 64.3, '+2.1'],
    [64.3, 66.4, '-2.1'],
    [50, 50, '0.0'],
    [0.1, 0, '+0.1'],
    [100, 0, '+100.0'],
    [33.3, 33.4, '-0.1'],
  ])('%s after %s is %s', (now, before, expected) => expect(pointsChange(now, before)).toBe(expected));
});

describe('packTopic', () => {
  const topic = (lines: string[]) =>
    packTopic({ title: '*T*', continuedTitle: '*T* (continued)', lines, fallback: 'f' });

  it('keeps a short list in one section', () => {
    const [only, ...rest] = topic(['a', 'b']);
    expect(rest).toEqual([]);
    expect(only?.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: '*T*\na\nb' } }]);
  });

  it('splits by characters: sections under 3000, messages under the block text limit', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${i}:${'字'.repeat(200)}`);
    const messages = topic(lines);
    expect(messages.length).toBeGreaterThan(5);
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS);
      expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(MESSAGE_CHARS);
      for (const b of m.blocks)
        expect((b as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(SECTION_CHARS);
    }
    const text = messages
      .map((m) => m.blocks.map((b) => (b as { text: { text: string } }).text.text).join('\n'))
      .join('\n');
    for (let i = 0; i < 400; i++) expect(text).toContain(`\n${i}:`); // nothing lost
    expect(
      (messages[1]?.blocks[0] as { text: { text: string } } | undefined)?.text.text.startsWith('*T* (continued)\n'),
    ).toBe(true);
  });

  it('splits by blocks when lines are many but short enough to fill sections', () => {
    const lines = Array.from({ length: 3000 }, () => 'x'.repeat(95));
    for (const m of topic(lines)) {
      expect(m.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS);
      expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(MESSAGE_CHARS);
    }
  });

  it('cuts a single line longer than a section', () => {
    const [m] = topic(['y'.repeat(10_000)]);
    expect(blockTextLength(m?.blocks ?? [])).toBeLessThan(1100);
  });
});

function extremeData(): DigestData {
  // 600 groups (far more than any province), each with a plan, long names everywhere.
  const plans = Array.from({ length: 600 }, (_, i) => ({
    code: `P${i}`,
    domain: DOMAINS[i % 7] as (typeof DOMAINS)[number],
    groupCode: `G${i}`,
    stage: 'issued' as const,
  }));
  const items = plans.flatMap((p, i) => [
    { planCode: p.code, status: 'done' as const, dueOn: '2026-01-01' },
    { planCode: p.code, status: (i % 2 ? 'started' : 'not_started') as 'started', dueOn: '2026-01-01' },
  ]);
  const stats = computeStats({ plans, items }, '2026-11-30', CN_CALENDAR);
  const long = `<!channel> ${'很长的标题'.repeat(100)}`;
  const listed = <T>(rows: T[], total: number) => ({ rows, total });
  return {
    period: '2026-W49',
    asOf: '2026-11-30',
    stats,
    previous: {
      period: '2026-W48',
      figures: { doneRate: 49.9, byDomain: { economic: 10 }, byGroup: { G1: 99.9 } },
      isLastWeek: true,
    },
    groupNames: new Map(plans.map((p) => [p.groupCode, long])),
    overdue: listed(
      Array.from({ length: 30 }, (_, i) => ({
        ref: `P${i}#${'9'.repeat(40)}`,
        title: long,
        dueOn: '2026-01-01',
        status: 'started' as const,
        groupCode: `G${i}`,
        overdueWorkdays: 220,
      })),
      600,
    ),
    closable: listed(
      Array.from({ length: 50 }, (_, i) => ({ code: `P${i}`, title: long, groupCode: `G${i}` })),
      5000,
    ),
    closed: {
      ...listed(
        Array.from({ length: 50 }, (_, i) => ({
          code: `P${i}`,
          title: long,
          closedOn: '2026-11-25',
          closedBy: i % 2 ? 'U0ADM1' : 'cli:<b>',
        })),
        51,
      ),
      since: '2026-11-23',
    },
    followups: listed(
      Array.from({ length: 50 }, (_, i) => ({
        title: long,
        groupCode: `G${i}`,
        passedOn: '2026-11-02',
        arrangementDueOn: '2026-11-05',
        overdueDays: 25,
      })),
      50,
    ),
    returnedThisWeek: 250_000,
    // 600 groups and 300 departments ranked, each name long and hostile
    rankings: {
      asOf: '2026-11-30',
      previousAsOf: '2026-11-23',
      departments: Array.from({ length: 300 }, (_, i) => ({
        unit: `${long}${i}`,
        dueSoFar: 99_999,
        onTime: 99_998 - i,
        overdue: 99_999,
        rate: 99.9,
        rank: i + 1,
        movement: { kind: 'down' as const, places: 299 },
      })),
      groups: plans.map((p, i) => ({
        unit: p.groupCode,
        dueSoFar: 99_999,
        onTime: 9,
        overdue: 99_990,
        rate: 0.1,
        rank: i + 1,
        movement: i % 2 ? { kind: 'new' as const } : { kind: 'up' as const, places: 599 },
      })),
    },
    burnUp: [{ day: '2026-11-30', done: 600, total: 1200 }],
    forecast: {
      asOf: '2026-11-30',
      targetOn: '2027-12-31',
      done: 600,
      total: 1200,
      remaining: 600,
      pace: 12345.6,
      projection: { kind: 'on', finishOn: '2026-12-01' },
      needed: { kind: 'perWeek', perWeek: 11.2 },
    },
  };
}

describe.each(['zh-CN', 'en'] as Locale[])('digest messages with extreme data (%s)', (locale) => {
  const data = extremeData();
  const messages = [digestHeadline(translator(locale), data), ...digestReplies(translator(locale), data)];

  it('every message is within Slack limits and user text is escaped', () => {
    expect(messages.length).toBeGreaterThan(7); // the 600 groups need several replies
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      expect(blockTextLength(m.blocks)).toBeLessThanOrEqual(12_000);
      expect(m.text.length).toBeLessThan(3000);
    }
    const all = JSON.stringify(messages);
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('cli:<b>');
    expect(all).toContain('<@U0ADM1>');
  });

  it('the parent stays short and states the change in points', () => {
    const parent = messages[0];
    expect(parent?.blocks.length).toBeLessThanOrEqual(3);
    expect(blockTextLength(parent?.blocks ?? [])).toBeLessThan(700);
    expect(JSON.stringify(parent)).toContain(
      locale === 'en' ? '(+0.1 points on last week)' : '（较上周 +0.1 个百分点）',
    );
  });
});
