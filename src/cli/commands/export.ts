// `reform-bot export <out.xlsx|out.csv> [--plan CODE] [--headers en|zh] [--as-of DATE]`, and
// `reform-bot export --round <id> <out.xlsx>` for a supervision round's tables.
import { extname } from 'node:path';
import { loadCalendar } from '../../calendarFile.ts';
import { isIsoDate, todayIn } from '../../domain/dates.ts';
import type { HeaderLanguage } from '../../ledger/columns.ts';
import { writeLedgerCsv } from '../../ledger/exportCsv.ts';
import { writeLedgerXlsx } from '../../ledger/exportXlsx.ts';
import { loadLedgerForExport, unknownPlanCodes } from '../../store/ledgerExport.ts';
import { loadStats } from '../../store/stats.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { exportRoundCommandHandler } from './exportRound.ts';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'reform-bot export <out.xlsx|out.csv> [--plan CODE] [--headers en|zh] [--as-of YYYY-MM-DD] | export --round <id> <out.xlsx>',
  summary: (t) => t('cli.export.summary'),
  help: (t) => t('cli.export.help'),
  options: { plan: { type: 'string', multiple: true }, headers: { type: 'string' }, 'as-of': { type: 'string' }, round: { type: 'string' } },
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
    const headers = values.headers as string | undefined;
    if (headers !== undefined && headers !== 'en' && headers !== 'zh') {
      ctx.io.err(t('cli.export.badHeaders', { value: headers }));
      return EXIT_USAGE;
    }
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
    // CSV is a ledger for machines and round trips: English by default. The workbook is for
    // people: its ledger sheet follows the configured language unless told otherwise.
    const language: HeaderLanguage = (headers as HeaderLanguage | undefined) ?? (format === '.csv' || ctx.locale === 'en' ? 'en' : 'zh');
    if (format === '.csv') await writeLedgerCsv(file, plans, language);
    else {
      const stats = loadStats(db, {
        asOf,
        calendar: loadCalendar(ctx.config.REFORM_CALENDAR),
        yellowWorkdays: ctx.config.REFORM_YELLOW_WORKDAYS,
        planCodes,
      });
      await writeLedgerXlsx(file, { plans, stats, language, t });
    }
    const items = plans.reduce((sum, p) => sum + p.items.length, 0);
    ctx.io.out(t('cli.export.done', { file, plans: plans.length, items }));
    return EXIT_OK;
  },
};
