// `reform-bot export <out.xlsx|out.csv> [--plan CODE] [--headers en|zh] [--as-of DATE]`, and
// `reform-bot export --round <id> <out.xlsx>` for a supervision round's tables.
import { extname } from 'node:path';
import { loadCalendar } from '../../calendarFile.ts';
import { formatInstantIn, isIsoDate, todayIn } from '../../domain/dates.ts';
import { lightClassifier } from '../../domain/lights.ts';
import { writeLedgerCsv } from '../../ledger/exportCsv.ts';
import { writeLedgerXlsx } from '../../ledger/exportXlsx.ts';
import { loadLedgerForExport, unknownPlanCodes } from '../../store/ledgerExport.ts';
import { loadStats } from '../../store/stats.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { exportRoundCommandHandler } from './exportRound.ts';
import { headersFromArg } from './headersArg.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'reform-bot export <out.xlsx|out.csv> [--plan CODE] [--headers en|zh] [--as-of YYYY-MM-DD] | export --round <id> <out.xlsx>',
  help: (t) => t('cli.export.help'),
  options: {
    plan: { type: 'string', multiple: true },
    headers: { type: 'string' },
    'as-of': { type: 'string' },
    round: { type: 'string' },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, args) {
    // A supervision round's tables (督察评估) rather than the live ledger.
    if (args.values.round !== undefined) return exportRoundCommandHandler(ctx, args);
    const { positionals, values } = args;
    const { t } = ctx;
    const file = positionals[0] as string;
    const format = extname(file).toLowerCase();
    if (format !== '.csv' && format !== '.xlsx') {
      ctx.io.err(t('cli.export.badFormat', { file }));
      return EXIT_USAGE;
    }
    // Both formats are opened by people in Excel, in the office's language: the headers and
    // words follow the configured language unless --headers says otherwise. The import reads either.
    const language = headersFromArg(ctx, args, ctx.locale === 'en' ? 'en' : 'zh');
    if (language === undefined) return EXIT_USAGE;
    const asOf = (values['as-of'] as string | undefined) ?? todayIn(ctx.now, ctx.config.REFORM_TZ);
    if (!isIsoDate(asOf)) {
      ctx.io.err(t('cli.export.badAsOf', { value: asOf }));
      return EXIT_USAGE;
    }
    const planCodes = values.plan as string[] | undefined;
    const db = ctx.db();
    if (planCodes) {
      const unknown = unknownPlanCodes(db, planCodes);
      if (unknown.length > 0) {
        ctx.io.err(t('cli.export.unknownPlans', { list: unknown.join(', ') }));
        return EXIT_FAILED;
      }
    }
    const plans = loadLedgerForExport(db, planCodes);
    if (format === '.csv') await writeLedgerCsv(file, plans, language);
    else {
      const calendar = loadCalendar(ctx.config.REFORM_CALENDAR);
      const yellowWorkdays = ctx.config.REFORM_YELLOW_WORKDAYS;
      const stats = loadStats(db, { asOf, calendar, yellowWorkdays, planCodes });
      await writeLedgerXlsx(file, {
        plans,
        stats,
        language,
        t,
        // The same lights as the statistics sheet's counts: one as-of date, one calendar.
        lightOf: lightClassifier(asOf, calendar, yellowWorkdays),
        exportedAt: formatInstantIn(ctx.now.toISOString(), ctx.config.REFORM_TZ),
      });
    }
    const items = plans.reduce((sum, p) => sum + p.items.length, 0);
    ctx.io.out(t('cli.export.done', { file, plans: plans.length, items }));
    return EXIT_OK;
  },
};
