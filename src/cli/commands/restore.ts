import { checkBackup, restoreDatabase } from '../../db/backup.ts';
import { closeDatabase, openDatabase } from '../../db/client.ts';
import { describeLeaseHolder } from '../../lease/leaseText.ts';
import { clearLeaseInFile, takeRestoreLease } from '../../lease/restoreLease.ts';
import { setAsideQueue, spoolFolderOf } from '../../spool/changeSpool.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'reform-bot restore <file> [--force]',
  help: (t) => t('cli.restore.help'),
  options: { force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals, values }) {
    const source = positionals[0] as string;
    const database = ctx.config.DATABASE_PATH;
    const check = checkBackup(source);
    if (!check.ok) {
      ctx.io.err(ctx.t('cli.restore.refused', { file: source, problems: check.problems.join('; ') }));
      return EXIT_FAILED;
    }
    // Renaming a backup over the file a bot is writing would lose everything it writes afterwards.
    const lease = takeRestoreLease({
      databasePath: database,
      ttlMs: ctx.config.BOT_LEASE_TTL_MS,
      nowMs: ctx.now.getTime(),
      force: values.force === true,
    });
    if (!lease.taken) {
      const holder = describeLeaseHolder(
        lease.refusal.holder,
        lease.refusal.heartbeatAgeMs,
        ctx.t,
        ctx.config.REFORM_TZ,
      );
      if (lease.refusal.reason === 'running-here')
        ctx.io.err(ctx.t('cli.lease.restoreForceRefused', { database, holder }));
      else ctx.io.err(ctx.t('cli.lease.restoreRefused', { database, holder, otherHost: lease.otherHost }));
      return EXIT_FAILED;
    }
    if (lease.overriding) {
      const holder = describeLeaseHolder(
        lease.overriding.holder,
        lease.overriding.heartbeatAgeMs,
        ctx.t,
        ctx.config.REFORM_TZ,
      );
      ctx.io.err(ctx.t('cli.lease.restoreOverriding', { database, holder }));
    }
    let previous: string | undefined;
    try {
      ({ previous } = restoreDatabase(source, database, { prepareCopy: clearLeaseInFile }));
    } catch (error) {
      lease.release();
      throw error;
    }
    // An older backup is brought up to the current schema right away.
    closeDatabase(openDatabase(database));
    ctx.io.out(ctx.t('cli.restore.done', { file: source, database, previous: previous ?? '-' }));
    const queue = spoolFolderOf(database);
    if (queue) {
      const aside = `${database}.before-restore.pending`;
      const count = setAsideQueue(queue, aside);
      if (count > 0) ctx.io.out(ctx.t('cli.restore.pendingSetAside', { count, folder: aside }));
    }
    return EXIT_OK;
  },
};
