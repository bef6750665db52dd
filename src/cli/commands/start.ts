import { LeaseHeldError } from '../../lease/botLease.ts';
import { describeLeaseHolder } from '../../lease/leaseText.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';

export const startCommand: CliCommand = {
  name: 'start',
  usage: 'reform-bot start',
  help: (t) => t('cli.start.help'),
  options: {},
  positionals: { min: 0, max: 0 },
  async run(ctx) {
    // Loaded on demand: Bolt is heavy and other commands should start fast.
    const { startBot, slackSettingProblems } = await import('../../main.ts');
    const problems = slackSettingProblems(ctx.config);
    if (problems.length > 0) {
      for (const line of problems) ctx.io.err(line);
      return EXIT_USAGE;
    }
    let running: Awaited<ReturnType<typeof startBot>>;
    try {
      running = await startBot(ctx.config);
    } catch (error) {
      if (!(error instanceof LeaseHeldError)) throw error;
      const holder = describeLeaseHolder(error.holder, error.heartbeatAgeMs, ctx.t, ctx.config.REFORM_TZ);
      ctx.io.err(ctx.t('cli.lease.startRefused', { database: error.databasePath, holder }));
      return EXIT_FAILED;
    }
    // SIGTERM/SIGINT: stop accepting, let in-flight work finish, close the database.
    await new Promise<void>((resolve) => {
      const shutdown = () => {
        process.off('SIGTERM', shutdown);
        process.off('SIGINT', shutdown);
        running.stop().finally(resolve);
      };
      process.on('SIGTERM', shutdown);
      process.on('SIGINT', shutdown);
    });
    return EXIT_OK;
  },
};
