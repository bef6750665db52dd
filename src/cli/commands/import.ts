// `reform-bot import <file.csv|file.xlsx> [--dry-run]`: check the file, read and validate it
// (streamed), then write it in one transaction, or list every defect and write nothing.
import type { Translate } from '../../i18n/index.ts';
import { checkLedgerFile, type FileRejection, MAX_LEDGER_BYTES, MAX_XLSX_BYTES } from '../../ledger/fileCheck.ts';
import { formatDefect } from '../../ledger/formatDefect.ts';
import { formatImportSummary } from '../../ledger/formatSummary.ts';
import { readLedger } from '../../ledger/readLedger.ts';
import { importLedger } from '../../store/ledgerImport.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';
import { createProgress } from '../progress.ts';

/** Below this a file imports in about a second; a bar would only flicker. */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function rejectionMessage(file: string, r: FileRejection, t: Translate): string {
  switch (r.reason) {
    case 'tooLarge':
    case 'xlsxTooLarge':
      return t(`ledger.reject.${r.reason}`, { file, size: mb(r.size), limit: mb(r.limit) });
    case 'unknownExtension':
      return t('ledger.reject.unknownExtension', { file, extension: r.extension });
    default:
      return t(`ledger.reject.${r.reason}`, { file });
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'reform-bot import <file.csv|file.xlsx> [--dry-run]',
  summary: (t) => t('cli.import.summary'),
  help: (t) => t('cli.import.help', { limitMb: MAX_LEDGER_BYTES / 1024 / 1024, xlsxLimitMb: MAX_XLSX_BYTES / 1024 / 1024 }),
  options: { 'dry-run': { type: 'boolean', default: false } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const { t } = ctx;
    const file = positionals[0] as string;
    const check = checkLedgerFile(file);
    if (!check.ok) {
      ctx.io.err(rejectionMessage(file, check.rejection, t));
      return EXIT_FAILED;
    }
    const progress = await createProgress(Boolean(process.stderr.isTTY) && check.size >= PROGRESS_MIN_BYTES);
    progress.start(t('ledger.import.progressRead'), check.size);
    const read = await readLedger(file, check.format, { onBytes: (bytes) => progress.update(bytes) });
    progress.stop();

    const language = ctx.locale === 'zh-CN' ? 'zh' : 'en';
    if (!read.ok) {
      ctx.io.err(t('ledger.import.defects', { file, count: read.defects.length }));
      const context = { labels: read.header?.labels, language } as const;
      ctx.io.err(read.defects.map((d) => `  ${formatDefect(d, t, context)}`).join('\n'));
      return EXIT_FAILED;
    }

    progress.start(t('ledger.import.progressWrite'), read.ledger.rows.length);
    const summary = importLedger(ctx.db(), read.ledger, {
      file,
      now: ctx.now,
      dryRun: values['dry-run'] === true,
      onProgress: (done) => progress.update(done),
    });
    progress.stop();
    const lines = formatImportSummary(summary, t, { file, ignoredColumns: read.header.ignored, encoding: read.encoding });
    ctx.io.out(lines.join('\n'));
    return EXIT_OK;
  },
};
