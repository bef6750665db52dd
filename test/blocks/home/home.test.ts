// The App Home builder with the largest realistic data, in both languages: Slack's limits hold,
// long lists are summarised with a pointer to the command, ledger text is escaped.
import { describe, expect, it } from 'vitest';
import { HOME_BLOCKS_MAX, homeView, MAX_GROUPS } from '../../../src/blocks/home/home.ts';
import { ACTIONS, decodeItemButton } from '../../../src/blocks/ids.ts';
import { computeStats } from '../../../src/domain/stats.ts';
import type { Light, Locale, Status } from '../../../src/domain/types.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { allKeys, translator } from '../../../src/i18n/index.ts';
import {
  DEFAULT_TOP,
  type GroupProgress,
  type HomeData,
  summariseByLight,
  type WorkItem,
} from '../../../src/store/home.ts';
import { mrkdwnTexts, viewProblems } from '../../support/slackLimits.ts';

const LOCALES: Locale[] = ['zh-CN', 'en'];
/** 200 CJK characters with markup that must not become a ping or a link. */
const LONG_TITLE = `<!channel> & <@U123> ${'深化改革推进落实'.repeat(25)}`;

function workItems(n: number): WorkItem[] {
  const lights: Light[] = ['red', 'yellow', 'green'];
  const statuses: Status[] = ['started', 'not_started', 'done'];
  return Array.from({ length: n }, (_, i) => ({
    id: i + 1,
    version: 1,
    planCode: `P${(i % 40) + 1}`,
    itemCode: String(i + 1),
    title: LONG_TITLE,
    dueOn: `2016-0${(i % 9) + 1}-15`,
    status: statuses[Math.floor(i / 3) % 3] as Status,
    light: statuses[Math.floor(i / 3) % 3] === 'done' ? 'green' : (lights[i % 3] as Light),
  }));
}

function bigGroup(code: string, plans = 40): GroupProgress {
  return {
    code,
    name: `${'专项小组名称'.repeat(10)} <!here>`,
    roles: ['leader', 'deputy', 'liaison'],
    closedPlans: 3,
    plans: Array.from({ length: plans }, (_, i) => ({
      code: `${code}-P${i + 1}`,
      title: LONG_TITLE,
      items: 300,
      done: 100 + i,
      started: 100,
      notStarted: 100 - i,
      lights: { red: 30, yellow: 20, green: 250 },
    })),
  };
}

function adminStats() {
  const plans = Array.from({ length: 82 }, (_, i) => ({
    code: `P${i + 1}`,
    domain: 'economic' as const,
    groupCode: `G${(i % 12) + 1}`,
    stage: 'issued' as const,
  }));
  const items = plans.flatMap((p, i) =>
    Array.from({ length: 10 }, (_, j) => ({
      planCode: p.code,
      status: (i < 40 || j < 5 ? 'done' : 'started') as Status,
      dueOn: '2016-06-01',
    })),
  );
  return computeStats({ plans, items }, '2016-06-30', WEEKENDS_ONLY);
}

function largest(): HomeData {
  const stats = adminStats();
  return {
    asOf: '2016-06-30',
    isAdmin: true,
    departments: Array.from({ length: 12 }, (_, i) => `${'省直部门'.repeat(5)}${i} <!everyone>`),
    mine: summariseByLight(workItems(300), DEFAULT_TOP),
    groups: ['G1', 'G2', 'G3', 'G4', 'G5', 'G6'].map((g) => bigGroup(g)),
    admin: {
      stats,
      closable: stats.closablePlanCodes.slice(0, 20).map((code) => ({ code, title: LONG_TITLE, items: 10 })),
    },
    // Claims waiting for review (README "Review of claimed results"): the oldest with buttons, the rest counted.
    reviews: {
      rows: workItems(5).map((w) => ({
        itemId: w.id,
        claimId: 1_000_000 + w.id,
        version: 7,
        planCode: `${'P'.repeat(40)}${w.planCode}`,
        itemCode: '9'.repeat(40),
        title: LONG_TITLE,
        claimedBy: 'cli:<!channel>',
        claimedAt: '2016-06-29T08:00:00Z',
      })),
      total: 250_000,
      timeZone: 'Asia/Shanghai',
    },
  };
}

describe('homeView with the largest data', () => {
  for (const locale of LOCALES) {
    it(`stays within Slack's limits and escapes ledger text (${locale})`, () => {
      const t = translator(locale);
      const view = homeView(t, largest());
      expect(view.type).toBe('home');
      expect(viewProblems(view, { maxBlocks: HOME_BLOCKS_MAX })).toEqual([]);
      const texts = mrkdwnTexts(view.blocks);
      for (const text of texts) expect(text).not.toMatch(/<!|<@/);
      const all = texts.join('\n');
      expect(all).toContain('&lt;!channel&gt; &amp; &lt;@U123&gt;');
      // 300 items: counts, the 13 most urgent with buttons, a pointer to /reform mine.
      const blocks = view.blocks as unknown as {
        type: string;
        accessory?: { type: string; action_id: string; value?: string };
      }[];
      const buttons = blocks.flatMap((b) =>
        b.type === 'section' && b.accessory?.type === 'button' ? [b.accessory] : [],
      );
      expect(buttons).toHaveLength(DEFAULT_TOP.red + DEFAULT_TOP.yellow + DEFAULT_TOP.green);
      for (const b of buttons) {
        expect(b.action_id).toBe(ACTIONS.itemOpenUpdate);
        expect(decodeItemButton(b.value ?? '')).toBeDefined();
      }
      expect(all).toContain('/reform mine');
      // 6 groups of 40 plans: 4 shown in full, the rest pointed to /reform stats.
      expect(all).toContain('G4-P40');
      expect(all).not.toContain('G5-P1*');
      expect(all).toContain(t('home.group.moreGroups', { count: 6 - MAX_GROUPS }));
      expect(all).toContain(t('home.admin.closableMore', { count: 40 - 20 }));
      const reviewButtons = (view.blocks as unknown as { type: string; elements?: { action_id: string }[] }[])
        .filter((b) => b.type === 'actions')
        .flatMap((b) => (b.elements ?? []).map((e) => e.action_id));
      expect(reviewButtons.filter((id) => id === ACTIONS.reviewConfirm)).toHaveLength(5);
      expect(all).toContain(t('review.home.more', { count: 250_000 - 5 }));
    });
  }

  it('every Home string exists in both languages', () => {
    const en = allKeys('en').filter((k) => k.startsWith('home.'));
    expect(en.length).toBeGreaterThan(20);
    expect(
      allKeys('zh-CN')
        .filter((k) => k.startsWith('home.'))
        .sort(),
    ).toEqual(en.sort());
  });
});

describe('homeView for ordinary people', () => {
  const empty: HomeData = {
    asOf: '2016-06-30',
    isAdmin: false,
    departments: [],
    mine: summariseByLight([], DEFAULT_TOP),
    groups: [],
  };

  it('tells a person without items that nothing is assigned, and shows no group or office sections', () => {
    const view = homeView(translator('en'), empty);
    const all = mrkdwnTexts(view.blocks).join('\n');
    expect(all).toContain('No items are assigned to you');
    expect(all).not.toContain('Office overview');
    expect(JSON.stringify(view.blocks)).not.toContain('Office overview');
  });

  it('says nothing is urgent when every item is done', () => {
    const done = workItems(3).map((i) => ({ ...i, status: 'done' as const, light: 'green' as const }));
    const view = homeView(translator('zh-CN'), { ...empty, mine: summariseByLight(done, DEFAULT_TOP) });
    expect(mrkdwnTexts(view.blocks).join('\n')).toContain('没有逾期或即将到期的事项');
  });

  it('lists a group without open plans as such', () => {
    const view = homeView(translator('zh-CN'), {
      ...empty,
      groups: [{ code: 'G9', name: '纪律检查体制改革专项小组', roles: ['liaison'], plans: [], closedPlans: 2 }],
    });
    const all = mrkdwnTexts(view.blocks).join('\n');
    expect(all).toContain('您是联络员');
    expect(all).toContain('已销账方案 2 个');
    expect(all).toContain('该专项小组目前没有牵头的未销账方案');
  });
});

describe('summariseByLight', () => {
  it('counts every item and keeps the most urgent open ones per light: most overdue first', () => {
    const items: WorkItem[] = [
      {
        id: 1,
        version: 1,
        planCode: 'P1',
        itemCode: '1',
        title: 'a',
        dueOn: '2016-06-20',
        status: 'started',
        light: 'red',
      },
      {
        id: 2,
        version: 1,
        planCode: 'P1',
        itemCode: '2',
        title: 'b',
        dueOn: '2016-01-01',
        status: 'not_started',
        light: 'red',
      },
      { id: 3, version: 1, planCode: 'P1', itemCode: '3', title: 'c', dueOn: null, status: 'done', light: 'green' },
      { id: 4, version: 1, planCode: 'P1', itemCode: '4', title: 'd', dueOn: null, status: 'started', light: 'green' },
      {
        id: 5,
        version: 1,
        planCode: 'P1',
        itemCode: '5',
        title: 'e',
        dueOn: '2016-12-01',
        status: 'started',
        light: 'green',
      },
    ];
    const s = summariseByLight(items, { red: 1, yellow: 5, green: 5 });
    expect(s).toMatchObject({ total: 5, done: 1, counts: { red: 2, yellow: 0, green: 3 } });
    expect(s.top.red.map((i) => i.id)).toEqual([2]);
    expect(s.top.green.map((i) => i.id)).toEqual([5, 4]); // dated before undated; done items are not listed
  });
});
