// `reform-bot round show <id>`: each plan of the round, its confirmed items and three checks.
import { formatInstant } from '../../ledger/roundWorkbookFormat.ts';
import { roundPlanStatuses } from '../../store/rounds.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';
import { renderTable } from '../textTable.ts';
import { roundFromArg, roundRef } from './roundArgs.ts';

export const roundShowCommand: CliCommand = {
  name: 'round show',
  usage: 'reform-bot round show <round> [--json]',
  help: (t) => t('round.cli.show.help'),
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const round = roundFromArg(ctx, positionals[0]);
    if (!round) return EXIT_FAILED;
    const plans = roundPlanStatuses(ctx.db(), round.id);
    const filledPlans = plans.filter((p) => p.filled).length;
    if (values.json) {
      ctx.io.out(JSON.stringify({ round, totalPlans: plans.length, filledPlans, plans }, null, 2));
      return EXIT_OK;
    }
    const t = ctx.t;
    const answer = (v: boolean | null) =>
      v === null ? t('round.answer.none') : v ? t('round.answer.yes') : t('round.answer.no');
    const tz = ctx.config.REFORM_TZ;
    ctx.io.out(
      t('round.cli.showTitle', {
        ...roundRef(ctx, round),
        createdAt: formatInstant(round.createdAt, tz),
        createdBy: round.createdBy,
      }),
    );
    ctx.io.out(t('round.cli.filledLine', { filled: filledPlans, plans: plans.length }));
    ctx.io.out('');
    const header = [
      t('round.cli.colPlan'),
      t('round.cli.colGroup'),
      t('round.cli.colItems'),
      t('round.cli.colConfirmed'),
      t('round.check.coordinatedShort'),
      t('round.check.onScheduleShort'),
      t('round.check.breakthroughsShort'),
      t('round.cli.colFilledBy'),
      t('round.cli.colFilledAt'),
    ];
    const rows = plans.map((p) => [
      p.code,
      p.group,
      p.items,
      p.confirmedItems,
      answer(p.coordinated),
      answer(p.onSchedule),
      answer(p.breakthroughs),
      p.filledBy ?? '',
      formatInstant(p.filledAt, tz),
    ]);
    ctx.io.out(renderTable(header, rows, ['left', 'left', 'right', 'right', 'left', 'left', 'left', 'left', 'left']));
    return EXIT_OK;
  },
};
