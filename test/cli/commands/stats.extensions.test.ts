// `reform-bot stats` says how extensions stand against the original due dates, in both languages,
// and says nothing about them while there are none (README "Extension requests").
import { describe, expect, it } from 'vitest';
import { renderStats } from '../../../src/cli/commands/stats.ts';
import { computeStats } from '../../../src/domain/stats.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { translator } from '../../../src/i18n/index.ts';

const stats = computeStats(
  {
    plans: [{ code: 'P1', domain: 'economic', groupCode: 'G1', stage: 'issued' }],
    items: [{ planCode: 'P1', status: 'started', dueOn: '2017-03-31' }],
  },
  '2017-01-10',
  WEEKENDS_ONLY,
);
const figures = { extended: 1, extendedOpen: 1, pastOriginal: 1, pending: 2, approvedSince: 0, refusedSince: 0 };
const none = { extended: 0, extendedOpen: 0, pastOriginal: 0, pending: 0, approvedSince: 0, refusedSince: 0 };

describe('stats: the extensions line', () => {
  it('zh-CN and en', () => {
    expect(renderStats(stats, new Map(), translator('zh-CN'), figures)).toContain(
      '延期：已延期 1 项，其中未完成 1 项、已过原定时限 1 项；待审批申请 2 项',
    );
    expect(renderStats(stats, new Map(), translator('en'), figures)).toContain(
      'Extensions: 1 item(s) extended, 1 not done, 1 of them past the original due date; 2 request(s) waiting',
    );
  });
  it('is left out while nothing was ever extended or asked', () => {
    expect(renderStats(stats, new Map(), translator('en'), none)).not.toContain('Extensions');
  });
});
