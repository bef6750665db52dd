// `reform-bot export --round <id> <out.xlsx>`: the round's supervision tables. The export command
// hands over to this handler when it is given --round.
import { loadCalendar } from '../../calendarFile.ts';
import { roundExportItems, roundExportPlans, roundPlanTallies } from '../../store/roundExportRows.ts';
import { loadRoundStats } from '../../store/rounds.ts';
import { type CliContext, EXIT_FAILED, EXIT_OK, EXIT_USAGE, type ParsedArgs } from '../command.ts';
import { roundFromArg } from './roundArgs.ts';

/** Reads `--round <id>` and the one positional output file from already-parsed arguments. */
export async function exportRoundCommandHandler(ctx: CliContext, args: ParsedArgs): Promise<number> {
  const file = args.positionals[0];
  if (typeof args.values.round !== 'string' || !file) {
    ctx.io.err(ctx.t('cli.usageLine', { usage: 'reform-bot export --round <id> <out.xlsx>' }));
    return EXIT_USAGE;
  }
  const round = roundFromArg(ctx, args.values.round);
  if (!round) return EXIT_FAILED;
  const db = ctx.db();
  const stats = loadRoundStats(db, round, loadCalendar(ctx.config.REFORM_CALENDAR), ctx.config.REFORM_YELLOW_WORKDAYS);
  // exceljs is loaded only when a workbook is written, not on every CLI start.
  const { writeRoundWorkbook } = await import('../../ledger/roundWorkbook.ts');
  const { planSheets } = await writeRoundWorkbook(file, {
    round,
    stats,
    plans: roundExportPlans(db, round.id),
    tallies: roundPlanTallies(db, round.id),
    itemsOf: roundExportItems(db, round.id),
    t: ctx.t,
    timeZone: ctx.config.REFORM_TZ,
  });
  ctx.io.out(ctx.t('round.cli.exported', { file, plans: planSheets }));
  return EXIT_OK;
}
