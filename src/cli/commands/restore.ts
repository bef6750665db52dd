import { closeDatabase, openDatabase } from '../../db/client.ts';
import { checkBackup, restoreDatabase } from '../../db/backup.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'reform-bot restore <file>',
  summary: (t) => t('cli.restore.summary'),
  help: (t) => t('cli.restore.help'),
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const source = positionals[0] as string;
    const check = checkBackup(source);
    if (!check.ok) {
      ctx.io.err(ctx.t('cli.restore.refused', { file: source, problems: check.problems.join('; ') }));
      return EXIT_FAILED;
    }
    const { previous } = restoreDatabase(source, ctx.config.DATABASE_PATH);
    // An older backup is brought up to the current schema right away.
    closeDatabase(openDatabase(ctx.config.DATABASE_PATH));
    ctx.io.out(ctx.t('cli.restore.done', { file: source, database: ctx.config.DATABASE_PATH, previous: previous ?? '-' }));
    return EXIT_OK;
  },
};
