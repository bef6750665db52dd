// The shape of one admin CLI command. Each command lives in its own file under commands/.
import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { Logger } from '../log.ts';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stdout is a terminal: progress bars and colours only then. */
  isTty: boolean;
}

export interface CliContext {
  config: Config;
  locale: Locale;
  t: Translate;
  io: CliIo;
  log: Logger;
  /** Opens (creating and migrating) the database on first use. */
  db(): Db;
  /** The instant the command runs at; commands never read the clock themselves. */
  now: Date;
}

type CliOptions = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: { [option: string]: string | boolean | (string | boolean)[] | undefined };
  positionals: string[];
}

export interface CliCommand {
  /** One or two words: `import`, `plan close`. */
  name: string;
  /** Usage line, e.g. `reform-bot import <file.csv|file.xlsx> [--dry-run]`. */
  usage: string;
  /** i18n text: the full help (options, examples); the summary is in commands/index.ts. */
  help: (t: Translate) => string;
  options: CliOptions;
  /** Exact count or range of positional arguments accepted. */
  positionals: { min: number; max: number };
  run(ctx: CliContext, args: ParsedArgs): Promise<number>;
}

/** Exit codes: 0 ok, 1 the work failed (bad data, refused), 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
