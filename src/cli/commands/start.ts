import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../command.ts';

export const startCommand: CliCommand = {
  name: 'start',
  usage: 'reform-bot start',
  summary: (t) => t('cli.start.summary'),
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
    const running = await startBot(ctx.config);
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
