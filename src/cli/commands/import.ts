// `reform-bot import <file.csv|file.xlsx> [--dry-run] [--sheet NAME] [--overwrite] [--json]`:
// check the file, read it as the office keeps it (streamed), show how every kind of cell was
// read, then write it in one transaction, or list every defect and write nothing.
import type { Translate } from '../../i18n/index.ts';
import { checkLedgerFile, type FileRejection, MAX_LEDGER_BYTES } from '../../ledger/fileCheck.ts';
import { formatDefect } from '../../ledger/formatDefect.ts';
import { changeLines, MAX_LISTED, readingLines } from '../../ledger/formatPreview.ts';
import { formatImportSummary } from '../../ledger/formatSummary.ts';
import { readLedger } from '../../ledger/readLedger.ts';
import { loadLedgerContext } from '../../store/ledgerContext.ts';
import { importLedger } from '../../store/ledgerImport.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';
import { createProgress } from '../progress.ts';

/** Below this a file imports in about a second; a bar would only flicker. */
export const PROGRESS_MIN_BYTES = 5 * 1024 * 1024;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function rejectionMessage(file: string, r: FileRejection, t: Translate): string {
  switch (r.reason) {
    case 'tooLarge':
      return t(`ledger.reject.${r.reason}`, { file, size: mb(r.size), limit: mb(r.limit) });
    case 'unknownExtension':
      return t('ledger.reject.unknownExtension', { file, extension: r.extension });
    default:
      return t(`ledger.reject.${r.reason}`, { file });
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'reform-bot import <file.csv|file.xlsx> [--dry-run] [--sheet NAME] [--overwrite] [--json]',
  help: (t) => t('cli.import.help', { limitMb: MAX_LEDGER_BYTES / 1024 / 1024 }),
  options: {
    'dry-run': { type: 'boolean', default: false },
    sheet: { type: 'string' },
    overwrite: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const { t } = ctx;
    const file = positionals[0] as string;
    const json = values.json === true;
    const check = checkLedgerFile(file);
    if (!check.ok) {
      ctx.io.err(rejectionMessage(file, check.rejection, t));
      return EXIT_FAILED;
    }
    const db = ctx.db();
    const progress = await createProgress(!json && Boolean(process.stderr.isTTY) && check.size >= PROGRESS_MIN_BYTES);
    progress.start(t('ledger.import.progressRead'), check.size);
    const read = await readLedger(file, check.format, {
      context: loadLedgerContext(db),
      sheet: values.sheet as string | undefined,
      onBytes: (bytes) => progress.update(bytes),
    });
    progress.stop();

    const language = ctx.locale === 'zh-CN' ? 'zh' : 'en';
    if (!read.ok) {
      const context = { labels: read.header?.labels, language, sheet: read.sheet, header: read.header } as const;
      const lines = read.defects.map((d) => formatDefect(d, t, context));
      if (json)
        ctx.io.out(
          JSON.stringify({ ok: false, file, sheet: read.sheet, defects: read.defects, messages: lines }, null, 2),
        );
      ctx.io.err(
        t('ledger.import.defects', { file: read.sheet ? `${file} [${read.sheet}]` : file, count: read.defects.length }),
      );
      ctx.io.err(lines.map((line) => `  ${line}`).join('\n'));
      return EXIT_FAILED;
    }

    progress.start(t('ledger.import.progressWrite'), read.ledger.rows.length);
    const summary = importLedger(db, read.ledger, {
      file,
      now: ctx.now,
      dryRun: values['dry-run'] === true,
      overwrite: values.overwrite === true,
      // JSON lists every new item; the terminal shows the first few.
      newItemsListed: json ? undefined : MAX_LISTED,
      onProgress: (done) => progress.update(done),
      // How long the bot (and other commands) had to wait for this import: see CLI_WRITE_LOCK_BUDGET_MS.
      onWriteLock: (held) =>
        ctx.log.info({ wallMs: Math.round(held.wallMs), cpuMs: Math.round(held.cpuMs) }, 'import held the write lock'),
    });
    progress.stop();
    if (json) {
      const header = { lines: read.header.lines, cells: read.header.cells };
      ctx.io.out(
        JSON.stringify({ ok: true, file, encoding: read.encoding, header, reading: read.report, summary }, null, 2),
      );
      return EXIT_OK;
    }
    const lines = formatImportSummary(summary, t, { file, encoding: read.encoding });
    ctx.io.out(
      [
        ...lines.slice(0, 1),
        ...readingLines(read.report, read.header, t, language),
        '',
        ...lines.slice(1),
        ...changeLines(summary, t, ctx.config.REFORM_TZ),
      ].join('\n'),
    );
    return EXIT_OK;
  },
};
