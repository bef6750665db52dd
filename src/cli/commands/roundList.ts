// `reform-bot round list`: every round, newest first, with how far its self-check has got.

import { formatInstant } from '../../ledger/roundWorkbookFormat.ts';
import { listRounds } from '../../store/rounds.ts';
import { type CliCommand, EXIT_OK } from '../command.ts';
import { renderTable } from '../textTable.ts';

export const roundListCommand: CliCommand = {
  name: 'round list',
  usage: 'reform-bot round list [--json]',
  help: (t) => t('round.cli.list.help'),
  options: { json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const rounds = listRounds(ctx.db());
    if (values.json) {
      ctx.io.out(JSON.stringify(rounds, null, 2));
      return EXIT_OK;
    }
    if (rounds.length === 0) {
      ctx.io.out(ctx.t('round.cli.noRounds'));
      return EXIT_OK;
    }
    const t = ctx.t;
    const header = [
      t('round.cli.colId'),
      t('round.cli.colKind'),
      t('round.cli.colAsOf'),
      t('round.cli.colMinAge'),
      t('round.cli.colPlans'),
      t('round.cli.colFilled'),
      t('round.cli.colItems'),
      t('round.cli.colCreated'),
    ];
    const rows = rounds.map((r) => [
      r.id,
      t(`round.kind.${r.kind}`),
      r.asOf,
      r.minAgeMonths,
      r.plans,
      r.filledPlans,
      r.items,
      formatInstant(r.createdAt, ctx.config.REFORM_TZ),
    ]);
    ctx.io.out(renderTable(header, rows, ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'left']));
    return EXIT_OK;
  },
};
