import { resolve } from 'node:path';
import { backupDatabase, checkBackup } from '../../db/backup.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'reform-bot backup <file>',
  summary: (t) => t('cli.backup.summary'),
  help: (t) => t('cli.backup.help'),
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const target = positionals[0] as string;
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
    return EXIT_OK;
  },
};
