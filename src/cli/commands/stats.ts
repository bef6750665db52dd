import { forecastLine } from '../../blocks/messages/forecastLine.ts';
import { loadCalendar } from '../../calendarFile.ts';
import { isIsoDate, todayIn } from '../../domain/dates.ts';
import type { Stats, StatusTally } from '../../domain/stats.ts';
import type { Translate } from '../../i18n/index.ts';
import { statusTableHeader } from '../../ledger/statusTableHeader.ts';
import { loadProgress } from '../../store/burnUp.ts';
import { type ExtensionFigures, extensionFigures } from '../../store/extensionFigures.ts';
import { groupNames } from '../../store/plans.ts';
import { loadRankings } from '../../store/ranking.ts';
import { loadStats, NO_GROUP } from '../../store/stats.ts';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { renderTable } from '../textTable.ts';
import { isRankBy, rankingForJson, renderRanking } from './statsRanking.ts';

/** Group code → name from the org file (store/plans.ts groupNames). */
export type GroupNames = ReadonlyMap<string, string>;

/** `G1 经济体制改革专项小组`: the code alone when the org file has not named the group yet. */
function groupLabel(code: string, names: GroupNames, t: Translate): string {
  if (code === NO_GROUP) return t('stats.noGroup');
  const name = names.get(code);
  return name && name !== code ? `${code} ${name}` : code;
}

/** The figures for --json, each group's `name` beside its `group` code (null for plans without a lead group). */
export function statsForJson(stats: Stats, names: GroupNames) {
  return {
    ...stats,
    byGroup: stats.byGroup.map(({ group, ...rest }) => ({ group, name: names.get(group) ?? null, ...rest })),
  };
}

export function renderStats(stats: Stats, names: GroupNames, t: Translate, extensions?: ExtensionFigures): string {
  const header = statusTableHeader(t);
  const row = (name: string, s: StatusTally) => [
    name,
    s.plans,
    s.items,
    s.done,
    s.doneRate.toFixed(1),
    s.started,
    s.startedRate.toFixed(1),
    s.notStarted,
    s.notStartedRate.toFixed(1),
  ];
  const align = ['left', ...Array(8).fill('right')];
  const table = (title: string, rows: (string | number)[][]) => `${title}\n${renderTable(header, rows, align)}`;
  return [
    t('cli.stats.title', { asOf: stats.asOf }),
    '',
    table(t('cli.stats.byDomain'), [
      ...stats.byDomain.map((d) => row(t(`domain.${d.domain}`), d)),
      row(t('common.overall'), stats),
    ]),
    '',
    table(t('cli.stats.byGroup'), [
      ...stats.byGroup.map((g) => row(groupLabel(g.group, names, t), g)),
      row(t('common.overall'), stats),
    ]),
    '',
    t('cli.stats.lightsLine', { ...stats.lights, yellowWorkdays: stats.yellowWorkdays }),
    t('cli.stats.closableLine', { closable: stats.closablePlans, closed: stats.closedPlans }),
    // README "Extension requests": late against the original due date, whatever the current one says.
    ...(extensions && (extensions.extended > 0 || extensions.pending > 0) ? [t('extension.stats', extensions)] : []),
  ].join('\n');
}

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'reform-bot stats [--json] [--as-of YYYY-MM-DD] [--by department|group]',
  help: (t) => t('cli.stats.help'),
  options: { json: { type: 'boolean' }, 'as-of': { type: 'string' }, by: { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const asOf = (values['as-of'] as string | undefined) ?? todayIn(ctx.now, ctx.config.REFORM_TZ);
    if (!isIsoDate(asOf)) {
      ctx.io.err(ctx.t('cli.badDate', { option: '--as-of', value: asOf }));
      return EXIT_USAGE;
    }
    const by = values.by as string | undefined;
    if (by !== undefined && !isRankBy(by)) {
      ctx.io.err(ctx.t('cli.stats.badBy', { value: by }));
      return EXIT_USAGE;
    }
    const db = ctx.db();
    const names = groupNames(db);
    const { forecast } = loadProgress(db, {
      asOf,
      timeZone: ctx.config.REFORM_TZ,
      targetOn: ctx.config.OFFICE_TARGET_DATE,
    });
    if (by !== undefined) {
      const rankings = loadRankings(db, { asOf, timeZone: ctx.config.REFORM_TZ });
      const name = (unit: string) => (by === 'group' ? (names.get(unit) ?? null) : unit);
      ctx.io.out(
        values.json
          ? JSON.stringify({ ...rankingForJson(rankings, by, name), forecast }, null, 2)
          : renderRanking(
              rankings,
              by,
              (unit) => (by === 'group' ? groupLabel(unit, names, ctx.t) : unit),
              ctx.t,
              forecastLine(ctx.t, forecast),
            ),
      );
      return EXIT_OK;
    }
    const stats = loadStats(db, {
      asOf,
      calendar: loadCalendar(ctx.config.REFORM_CALENDAR),
      yellowWorkdays: ctx.config.REFORM_YELLOW_WORKDAYS,
    });
    ctx.io.out(
      values.json
        ? JSON.stringify({ ...statsForJson(stats, names), forecast }, null, 2)
        : `${renderStats(stats, names, ctx.t, extensionFigures(db, asOf))}\n${forecastLine(ctx.t, forecast)}`,
    );
    return EXIT_OK;
  },
};
