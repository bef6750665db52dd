// `reform-bot template <out.xlsx> [--headers zh|en] [--force]`: an empty ledger in the office's
// layout, for a new year's plans or an office starting out.
import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { writeLedgerTemplate } from '../../ledger/templateXlsx.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { headersFromArg } from './headersArg.ts';

export const templateCommand: CliCommand = {
  name: 'template',
  usage: 'reform-bot template <out.xlsx> [--headers zh|en] [--force]',
  help: (t) => t('cli.template.help'),
  options: { headers: { type: 'string' }, force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, args) {
    const { t } = ctx;
    const file = args.positionals[0] as string;
    // Only XLSX carries the dropdowns and the instructions sheet.
    if (extname(file).toLowerCase() !== '.xlsx') {
      ctx.io.err(t('cli.template.badFormat', { file }));
      return EXIT_USAGE;
    }
    // Offices write Chinese headers whatever language the admin reads: zh unless asked.
    const headers = headersFromArg(ctx, args, 'zh');
    if (headers === undefined) return EXIT_USAGE;
    // A template is written over a file only on request: the file may be a ledger already filled in.
    if (existsSync(file) && args.values.force !== true) {
      ctx.io.err(t('cli.template.exists', { file }));
      return EXIT_FAILED;
    }
    await writeLedgerTemplate(file, { headers, t, guideLocales: ctx.locale === 'en' ? ['zh-CN', 'en'] : ['zh-CN'] });
    ctx.io.out(t('cli.template.done', { file, sheet: t('export.sheet.ledger') }));
    return EXIT_OK;
  },
};
