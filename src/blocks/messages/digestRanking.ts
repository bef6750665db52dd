// The digest's ranking replies (动态排名, README "Ranking"): departments, then special groups,
// by on-time completion, each line with its movement since last week and its overdue count, and
// the rule as a footnote at the end of each list. Long lists are split like every digest topic.
import type { Movement, RankingRow, Rankings } from '../../domain/ranking.ts';
import type { Translate } from '../../i18n/index.ts';
import type { SlackMessage } from '../parts/index.ts';
import { escapeClip } from '../parts/text.ts';
import { packTopic } from './digestPack.ts';

const NAME_MAX = 60;

export function movementText(t: Translate, m: Movement): string {
  switch (m.kind) {
    case 'up':
      return t('ranking.up', { places: m.places });
    case 'down':
      return t('ranking.down', { places: m.places });
    case 'same':
      return t('ranking.same');
    case 'new':
      return t('ranking.new');
  }
}

function rankingLines(t: Translate, rows: readonly RankingRow[], label: (unit: string) => string): string[] {
  return rows.map((r) =>
    t('ranking.line', {
      rank: r.rank,
      name: label(r.unit),
      rate: r.rate.toFixed(1),
      onTime: r.onTime,
      due: r.dueSoFar,
      overdue: r.overdue,
      movement: movementText(t, r.movement),
    }),
  );
}

/**
 * Two topics: by responsible department, by special group (`groupLabel` gives a group's code and
 * name, already escaped). Each ends with the rule.
 */
export function rankingReplies(
  t: Translate,
  rankings: Rankings,
  period: string,
  groupLabel: (code: string) => string,
): SlackMessage[] {
  const footnote = t('ranking.footnote', { previousAsOf: rankings.previousAsOf });
  const topic = (title: string, lines: string[]) =>
    packTopic({
      title: `*${title}*`,
      continuedTitle: `*${title}* ${t('digest.continued')}`,
      lines: [...(lines.length > 0 ? lines : [t('ranking.nothingDue')]), footnote],
      fallback: t('digest.replyFallback', { period, topic: title }),
    });
  return [
    ...topic(
      t('ranking.departments'),
      rankingLines(t, rankings.departments, (name) => escapeClip(name, NAME_MAX)),
    ),
    ...topic(t('ranking.groups'), rankingLines(t, rankings.groups, groupLabel)),
  ];
}
