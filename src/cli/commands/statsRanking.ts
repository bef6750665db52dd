// `reform-bot stats --by department|group`: the digest's ranking (README "Ranking") as a table,
// with the rule under it and the forecast line. Both from the same store and domain functions
// as the digest, so the two never disagree.
import { movementText } from '../../blocks/messages/digestRanking.ts';
import type { RankingRow, Rankings } from '../../domain/ranking.ts';
import type { Translate } from '../../i18n/index.ts';
import { renderTable } from '../textTable.ts';

const RANK_BY = ['department', 'group'] as const;
export type RankBy = (typeof RANK_BY)[number];

export function isRankBy(value: string): value is RankBy {
  return (RANK_BY as readonly string[]).includes(value);
}

function rankingRows(rankings: Rankings, by: RankBy): RankingRow[] {
  return by === 'department' ? rankings.departments : rankings.groups;
}

export function renderRanking(
  rankings: Rankings,
  by: RankBy,
  label: (unit: string) => string,
  t: Translate,
  forecast: string,
): string {
  const header = [
    t('cli.stats.colRank'),
    t('cli.stats.colName'),
    t('cli.stats.colRate'),
    t('cli.stats.colOnTime'),
    t('cli.stats.colDue'),
    t('cli.stats.colOverdue'),
    t('cli.stats.colMovement'),
  ];
  const rows = rankingRows(rankings, by).map((r) => [
    r.rank,
    label(r.unit),
    r.rate.toFixed(1),
    r.onTime,
    r.dueSoFar,
    r.overdue,
    movementText(t, r.movement),
  ]);
  const title = t('cli.stats.rankingTitle', {
    by: t(by === 'department' ? 'cli.stats.byDepartmentWord' : 'cli.stats.byGroupWord'),
    asOf: rankings.asOf,
    previousAsOf: rankings.previousAsOf,
  });
  return [
    title,
    '',
    rows.length > 0
      ? renderTable(header, rows, ['right', 'left', 'right', 'right', 'right', 'right', 'left'])
      : t('ranking.nothingDue'),
    '',
    t('cli.stats.rankingRule'),
    forecast,
  ].join('\n');
}

/** The --json form: each row with its name beside its key. */
export function rankingForJson(rankings: Rankings, by: RankBy, name: (unit: string) => string | null) {
  return {
    asOf: rankings.asOf,
    previousAsOf: rankings.previousAsOf,
    by,
    ranking: rankingRows(rankings, by).map((r) => ({
      rank: r.rank,
      unit: r.unit,
      name: name(r.unit),
      rate: r.rate,
      onTime: r.onTime,
      dueSoFar: r.dueSoFar,
      overdue: r.overdue,
      movement: r.movement,
    })),
  };
}
