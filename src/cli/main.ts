// The admin CLI: `reform-bot <command> [options]`. Parses the environment once, finds the
// command, checks its arguments, and runs it with the database opened on demand.
import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import { translator } from '../i18n/index.ts';
import { type CliCommand, type CliContext, type CliIo, EXIT_FAILED, EXIT_USAGE } from './command.ts';
import { COMMAND_ENTRIES, type CommandEntry, findCommandEntry } from './commands/index.ts';
import { groupMembers, renderCommandHelp, renderGroupHelp, renderOverview } from './help.ts';

const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  isTty: Boolean(process.stdout.isTTY),
};

/** The command argv names, loaded, and the arguments after its name. */
async function findCommand(
  argv: string[],
): Promise<{ entry: CommandEntry; command: CliCommand; rest: string[] } | undefined> {
  const found = findCommandEntry(argv);
  return found ? { entry: found.entry, command: await found.entry.load(), rest: found.rest } : undefined;
}

export async function runCli(argv: string[], io: CliIo = processIo, now = new Date()): Promise<number> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.problems) io.err(line);
      return EXIT_USAGE;
    }
    throw error;
  }
  const t = translator(config.REFORM_LOCALE);
  const wantsHelp = (args: string[]) => args.includes('--help') || args.includes('-h');

  if (argv.length === 0 || argv[0] === 'help' || (argv.length === 1 && wantsHelp(argv))) {
    const asked = argv[0] === 'help' ? argv.slice(1) : [];
    const named = asked.length > 0 ? await findCommand(asked) : undefined;
    const group = groupMembers(COMMAND_ENTRIES, asked[0]);
    if (named) io.out(renderCommandHelp(named.entry, named.command, t));
    else if (group.length > 0) io.out(renderGroupHelp(asked[0] as string, group, t));
    else io.out(renderOverview(COMMAND_ENTRIES, t));
    return 0;
  }
  const found = await findCommand(argv);
  if (!found) {
    // A group word (`round`, `central`, `plan`) alone or with --help lists what it offers.
    const group = groupMembers(COMMAND_ENTRIES, argv[0]);
    const groupHelp = () => renderGroupHelp(argv[0] as string, group, t);
    if (group.length > 0 && wantsHelp(argv.slice(1))) {
      io.out(groupHelp());
      return 0;
    }
    if (group.length > 0 && argv.length === 1) {
      io.err(t('cli.group.missing', { group: argv[0] as string }));
      io.err(groupHelp());
      return EXIT_USAGE;
    }
    io.err(t('cli.unknownCommand', { command: argv.join(' ') }));
    io.err(group.length > 0 ? groupHelp() : renderOverview(COMMAND_ENTRIES, t));
    return EXIT_USAGE;
  }
  const { entry, command, rest } = found;
  if (wantsHelp(rest)) {
    io.out(renderCommandHelp(entry, command, t));
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (error) {
    io.err(`${command.name}: ${(error as Error).message}`);
    io.err(t('cli.usageLine', { usage: command.usage }));
    return EXIT_USAGE;
  }
  const { min, max } = command.positionals;
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    io.err(t('cli.wrongArgCount', { command: command.name, min, max, got: parsed.positionals.length }));
    io.err(t('cli.usageLine', { usage: command.usage }));
    return EXIT_USAGE;
  }

  // Loaded here, not at the top: help and usage errors need neither drizzle nor pino.
  const { closeDatabase, openDatabase } = await import('../db/client.ts');
  const { createLogger } = await import('../log.ts');
  let db: Db | undefined;
  const log = createLogger({ level: config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, pretty: io.isTty });
  const ctx: CliContext = {
    config,
    locale: config.REFORM_LOCALE,
    t,
    io,
    log,
    now,
    db: () => {
      db ??= openDatabase(config.DATABASE_PATH);
      return db;
    },
  };
  try {
    return await command.run(ctx, parsed);
  } catch (error) {
    io.err(t('cli.failed', { command: command.name, message: (error as Error).message }));
    log.debug({ err: error }, 'command failed');
    return EXIT_FAILED;
  } finally {
    if (db) closeDatabase(db);
  }
}

/** `runCli` as the process's own command line (bin/reform-bot.js and bin/reform-bot-source.js). */
export function runCliProcess(argv: string[]): Promise<number> {
  // `reform-bot stats | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return runCli(argv);
}
