// The weekly digest (docs/PRACTICE.md rule 5): a short parent message with the headline figures and the
// change since the last digest, and thread replies with the detail leaders read. Pure: the job
// gathers the data, this turns it into messages that each stay inside Slack's limits.

import type { BurnUpPoint, Forecast } from '../../domain/forecast.ts';
import { compareNatural } from '../../domain/naturalOrder.ts';
import type { Rankings } from '../../domain/ranking.ts';
import type { Stats, StatusTally } from '../../domain/stats.ts';
import type { Domain, IsoDate, Status } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  context as contextLine,
  section as mrkdwnSection,
  type SlackMessage,
  actorText as who,
} from '../parts/index.ts';
import { escapeClip } from '../parts/text.ts';
import { packTopic } from './digestPack.ts';
import { rankingReplies } from './digestRanking.ts';
import { forecastLine } from './forecastLine.ts';

interface DigestFigures {
  doneRate: number;
  byDomain: Partial<Record<Domain, number>>;
  byGroup: Record<string, number>;
}

interface DigestOverdueItem {
  ref: string;
  title: string;
  dueOn: IsoDate;
  status: Status;
  groupCode: string | null;
  overdueWorkdays: number;
}

interface Listed<T> {
  rows: readonly T[];
  /** How many there are in all (rows may be the first of them). */
  total: number;
}

export interface DigestData {
  period: string;
  asOf: IsoDate;
  stats: Stats;
  /** The last digest's figures, if any, and its period. */
  previous: { period: string; figures: DigestFigures; isLastWeek: boolean } | null;
  groupNames: ReadonlyMap<string, string>;
  overdue: Listed<DigestOverdueItem>;
  closable: Listed<{ code: string; title: string; groupCode: string | null }>;
  closed: Listed<{ code: string; title: string; closedOn: IsoDate; closedBy: string | null }> & { since: IsoDate };
  followups: Listed<{
    title: string;
    groupCode: string;
    passedOn: IsoDate;
    arrangementDueOn: IsoDate;
    overdueDays: number;
  }>;
  /** Claimed results returned in the seven days ending asOf (README "Review of claimed results"). */
  returnedThisWeek: number;
  /** On-time completion ranking with the movement since last week (README "Ranking"). */
  rankings: Rankings;
  /** The burn-up's weekly points and the forecast (README "Progress chart"). */
  burnUp: BurnUpPoint[];
  forecast: Forecast;
}

const TITLE_MAX = 80;
const RED = ':red_circle:';
const YELLOW = ':large_yellow_circle:';

/** Change of a one-decimal rate in points, exact (in tenths): "+2.1", "-0.3", "0.0". */
export function pointsChange(now: number, before: number): string {
  const tenths = Math.round(now * 10) - Math.round(before * 10);
  const abs = Math.abs(tenths);
  const text = `${Math.floor(abs / 10)}.${abs % 10}`;
  return tenths > 0 ? `+${text}` : tenths < 0 ? `-${text}` : text;
}

function changeSuffix(t: Translate, now: number, before: number | undefined): string {
  return before === undefined ? '' : t('digest.changeShort', { change: pointsChange(now, before) });
}

function tallyText(t: Translate, s: StatusTally): string {
  return t('digest.tally', {
    plans: s.plans,
    items: s.items,
    done: s.done,
    doneRate: s.doneRate.toFixed(1),
    started: s.started,
    notStarted: s.notStarted,
  });
}

const lightsText = (lights: { red: number; yellow: number }) => `${RED} ${lights.red}  ${YELLOW} ${lights.yellow}`;

function groupLabel(data: DigestData, t: Translate, code: string | null): string {
  if (code === null || code === '-') return t('digest.noGroup');
  const name = data.groupNames.get(code);
  return name ? `${escapeMrkdwn(code)} ${escapeClip(name, 40)}` : escapeMrkdwn(code);
}

export function digestHeadline(t: Translate, data: DigestData): SlackMessage {
  const s = data.stats;
  const rate = s.doneRate.toFixed(1);
  let change: string;
  if (!data.previous) change = t('digest.firstDigest', { rate });
  else {
    const delta = pointsChange(s.doneRate, data.previous.figures.doneRate);
    change = data.previous.isLastWeek
      ? t('digest.changeLastWeek', { rate, delta })
      : t('digest.changeSince', { rate, delta, period: data.previous.period });
  }
  const lines = [
    t('digest.title', { period: data.period, asOf: data.asOf }),
    s.items === 0
      ? t('digest.noItems')
      : t('digest.counts', {
          items: s.items,
          plans: s.plans,
          done: s.done,
          doneRate: rate,
          started: s.started,
          startedRate: s.startedRate.toFixed(1),
          notStarted: s.notStarted,
          notStartedRate: s.notStartedRate.toFixed(1),
        }),
    change,
    t('digest.lights', {
      red: s.lights.red,
      yellow: s.lights.yellow,
      workdays: s.yellowWorkdays,
      closable: s.closablePlans,
      followups: data.followups.total,
    }),
    t('review.digest.returned', { count: data.returnedThisWeek }),
    forecastLine(t, data.forecast),
  ];
  return {
    text: t('digest.fallback', { period: data.period, change }),
    blocks: [mrkdwnSection(lines.join('\n')), contextLine(t('digest.seeThread'))],
  };
}

function topic(t: Translate, name: string, lines: string[], period: string) {
  return packTopic({
    title: `*${name}*`,
    continuedTitle: `*${name}* ${t('digest.continued')}`,
    lines,
    fallback: t('digest.replyFallback', { period, topic: name }),
  });
}

const more = (t: Translate, list: Listed<unknown>) =>
  list.total > list.rows.length ? [t('digest.andMore', { count: list.total - list.rows.length })] : [];

/** The thread replies, in reading order; each within Slack's limits. */
export function digestReplies(t: Translate, data: DigestData): SlackMessage[] {
  const prev = data.previous?.figures;
  const out: SlackMessage[] = [];

  const domainLines = data.stats.byDomain.map(
    (d) =>
      `• *${t(`domain.${d.domain}`)}* ${tallyText(t, d)}${changeSuffix(t, d.doneRate, prev?.byDomain[d.domain])} · ${lightsText(d.lights)}`,
  );
  out.push(...topic(t, t('digest.byDomain'), domainLines, data.period));

  const ranked = [...data.stats.byGroup].sort(
    (a, b) => b.doneRate - a.doneRate || b.items - a.items || compareNatural(a.group, b.group),
  );
  const groupLines = ranked.map(
    (g, i) =>
      `${i + 1}. *${groupLabel(data, t, g.group)}* ${tallyText(t, g)}${changeSuffix(t, g.doneRate, prev?.byGroup[g.group])} · ${lightsText(g.lights)}`,
  );
  out.push(...topic(t, t('digest.byGroup'), groupLines.length > 0 ? groupLines : [t('common.none')], data.period));
  out.push(...rankingReplies(t, data.rankings, data.period, (code) => groupLabel(data, t, code)));

  const overdueLines = data.overdue.rows.map((o) =>
    t('digest.overdueLine', {
      ref: escapeMrkdwn(o.ref),
      title: escapeClip(o.title, TITLE_MAX),
      due: o.dueOn,
      days: o.overdueWorkdays,
      group: groupLabel(data, t, o.groupCode),
      status: t(`status.${o.status}`),
    }),
  );
  out.push(
    ...topic(
      t,
      t('digest.overdue', { count: data.overdue.total }),
      overdueLines.length > 0 ? [...overdueLines, ...more(t, data.overdue)] : [t('digest.noneOverdue')],
      data.period,
    ),
  );

  const closableLines = data.closable.rows.map(
    (p) => `• *${escapeMrkdwn(p.code)}* ${escapeClip(p.title, TITLE_MAX)} · ${groupLabel(data, t, p.groupCode)}`,
  );
  out.push(
    ...topic(
      t,
      t('digest.closable', { count: data.closable.total }),
      closableLines.length > 0 ? [...closableLines, ...more(t, data.closable)] : [t('common.none')],
      data.period,
    ),
  );

  const closedLines = data.closed.rows.map((p) =>
    t('digest.closedLine', {
      code: escapeMrkdwn(p.code),
      title: escapeClip(p.title, TITLE_MAX),
      on: p.closedOn,
      who: p.closedBy ? who(p.closedBy) : '—',
    }),
  );
  out.push(
    ...topic(
      t,
      t('digest.closed', { count: data.closed.total, since: data.closed.since }),
      closedLines.length > 0 ? [...closedLines, ...more(t, data.closed)] : [t('common.none')],
      data.period,
    ),
  );

  const followupLines = data.followups.rows.map((f) =>
    t(f.overdueDays > 0 ? 'digest.followupOverdue' : 'digest.followupPending', {
      title: escapeClip(f.title, TITLE_MAX),
      group: groupLabel(data, t, f.groupCode),
      passedOn: f.passedOn,
      due: f.arrangementDueOn,
      days: f.overdueDays,
    }),
  );
  out.push(
    ...topic(
      t,
      t('digest.followups', { count: data.followups.total }),
      followupLines.length > 0 ? [...followupLines, ...more(t, data.followups)] : [t('common.none')],
      data.period,
    ),
  );
  return out;
}
