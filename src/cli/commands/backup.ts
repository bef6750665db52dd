// `reform-bot backup <file>`, or `reform-bot backup <folder> --keep N`: a checked copy of the live
// database; with --keep the copy is named by its instant in the folder and only the newest N
// such copies stay.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBackup } from '../../db/backup.ts';
import { backupDatabase } from '../../db/backupCopy.ts';
import { removeOldBackups, rotatedBackupName } from '../../db/backupRotation.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';

function parseKeep(value: string): number | undefined {
  return /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : undefined;
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'reform-bot backup <file> | reform-bot backup <folder> --keep <N>',
  help: (t) => t('cli.backup.help'),
  options: { keep: { type: 'string' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const given = positionals[0] as string;
    const keepText = values.keep as string | undefined;
    const keep = keepText === undefined ? undefined : parseKeep(keepText);
    if (keepText !== undefined && keep === undefined) {
      ctx.io.err(ctx.t('cli.backup.badKeep', { value: keepText }));
      return EXIT_USAGE;
    }
    if (keep !== undefined && existsSync(given) && !statSync(given).isDirectory()) {
      ctx.io.err(ctx.t('cli.backup.keepNeedsFolder', { path: given }));
      return EXIT_USAGE;
    }
    const target = keep === undefined ? given : join(given, rotatedBackupName(ctx.now, ctx.config.REFORM_TZ));
    if (resolve(target) === resolve(ctx.config.DATABASE_PATH)) {
      ctx.io.err(ctx.t('cli.backup.sameFile'));
      return EXIT_FAILED;
    }
    ctx.db(); // creates and migrates the database if this is a fresh machine
    await backupDatabase(ctx.config.DATABASE_PATH, target);
    const check = checkBackup(target);
    if (!check.ok) {
      ctx.io.err(ctx.t('cli.backup.checkFailed', { file: target, problems: check.problems.join('; ') }));
      return EXIT_FAILED;
    }
    ctx.io.out(ctx.t('cli.backup.done', { file: target }));
    // Only after this copy passed its check: a failed backup never costs an older good one.
    if (keep !== undefined)
      ctx.io.out(ctx.t('cli.backup.pruned', { kept: keep, removed: removeOldBackups(given, keep) }));
    return EXIT_OK;
  },
};
