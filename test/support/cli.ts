// Runs the CLI in this process with a captured terminal, the way bin/reform-bot.js does (from dist/).
import { runCli } from '../../src/cli/main.ts';
import type { Locale } from '../../src/domain/types.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export const TEST_NOW = new Date('2016-07-01T02:00:00Z');

export async function cli(
  argv: string[],
  env: { DATABASE_PATH: string; REFORM_LOCALE?: Locale },
  now = TEST_NOW,
): Promise<CliRun> {
  const saved = { DATABASE_PATH: process.env.DATABASE_PATH, REFORM_LOCALE: process.env.REFORM_LOCALE };
  process.env.DATABASE_PATH = env.DATABASE_PATH;
  process.env.REFORM_LOCALE = env.REFORM_LOCALE ?? 'en';
  const out: string[] = [];
  const err: string[] = [];
  try {
    const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), isTty: false }, now);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
