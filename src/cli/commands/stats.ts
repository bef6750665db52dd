import { isIsoDate, todayIn } from '../../domain/dates.ts';
import type { Stats, StatusTally } from '../../domain/stats.ts';
import type { Translate } from '../../i18n/index.ts';
import { loadCalendar } from '../../calendarFile.ts';
import { loadStats } from '../../store/stats.ts';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { renderTable } from '../textTable.ts';

export function renderStats(stats: Stats, t: Translate): string {
  const header = [
    t('cli.stats.colName'),
    t('cli.stats.colPlans'),
    t('cli.stats.colItems'),
    t('status.done'),
    '%',
    t('status.started'),
    '%',
    t('status.not_started'),
    '%',
  ];
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
    table(t('cli.stats.byDomain'), [...stats.byDomain.map((d) => row(t(`domain.${d.domain}`), d)), row(t('common.overall'), stats)]),
    '',
    table(t('cli.stats.byGroup'), [...stats.byGroup.map((g) => row(g.group, g)), row(t('common.overall'), stats)]),
    '',
    t('cli.stats.lightsLine', { ...stats.lights, yellowWorkdays: stats.yellowWorkdays }),
    t('cli.stats.closableLine', { closable: stats.closablePlans, closed: stats.closedPlans }),
  ].join('\n');
}

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'reform-bot stats [--json] [--as-of YYYY-MM-DD]',
  summary: (t) => t('cli.stats.summary'),
  help: (t) => t('cli.stats.help'),
  options: { json: { type: 'boolean' }, 'as-of': { type: 'string' } },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const asOf = (values['as-of'] as string | undefined) ?? todayIn(ctx.now, ctx.config.REFORM_TZ);
    if (!isIsoDate(asOf)) {
      ctx.io.err(ctx.t('cli.badDate', { option: '--as-of', value: asOf }));
      return EXIT_USAGE;
    }
    const stats = loadStats(ctx.db(), {
      asOf,
      calendar: loadCalendar(ctx.config.REFORM_CALENDAR),
      yellowWorkdays: ctx.config.REFORM_YELLOW_WORKDAYS,
    });
    ctx.io.out(values.json ? JSON.stringify(stats, null, 2) : renderStats(stats, ctx.t));
    return EXIT_OK;
  },
};
