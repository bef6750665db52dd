// The CLI as a person runs it: a spawned process, in both languages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_ENTRIES } from '../../../src/cli/commands/index.ts';
import { runCli } from '../../../src/cli/main.ts';
import { translator } from '../../../src/i18n/index.ts';

// Each command with the summary its listing shows.
const commands = await Promise.all(
  COMMAND_ENTRIES.map(async (entry) => ({ ...(await entry.load()), summary: entry.summary })),
);

const dir = mkdtempSync(join(tmpdir(), 'reform-bot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/reform-bot.js', ...args], {
    env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'cli.db'), ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function inProcess(argv: string[]) {
  let out = '';
  let err = '';
  const io = {
    out: (text: string) => {
      out += `${text}\n`;
    },
    err: (text: string) => {
      err += `${text}\n`;
    },
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** True when `text` has the line `  <name>   <summary>` (names padded to one column). */
function lists(text: string, command: (typeof commands)[number], t: ReturnType<typeof translator>): boolean {
  return text
    .split('\n')
    .some((line) => line.startsWith(`  ${command.name} `) && line.endsWith(`  ${command.summary(t)}`));
}

describe('reform-bot CLI', () => {
  it('lists every command in both languages', () => {
    const zh = cli(['--help']);
    const en = cli(['--help'], { REFORM_LOCALE: 'en' });
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    expect(zh.out).toContain('清单式');
    expect(en.out).toContain('checklist-style');
    for (const command of commands) {
      expect(zh.out).toContain(command.name);
      expect(en.out).toContain(command.name);
    }
  });

  // In process: a spawn per command would cost a second each; the spawned tests above and below
  // already prove the binary itself.
  it('answers --help on every command', async () => {
    const saved = process.env.REFORM_LOCALE;
    process.env.REFORM_LOCALE = 'en';
    try {
      for (const command of commands) {
        let out = '';
        const io = {
          out: (text: string) => {
            out += `${text}\n`;
          },
          err: () => {},
          isTty: false,
        };
        const code = await runCli([...command.name.split(' '), '--help'], io);
        expect(code, command.name).toBe(0);
        expect(out, command.name).toContain(`Usage: ${command.usage}`);
        expect(out, command.name).toContain('Example');
      }
    } finally {
      if (saved === undefined) delete process.env.REFORM_LOCALE;
      else process.env.REFORM_LOCALE = saved;
    }
  });

  // `central --help` was an unknown command: the group words only existed inside two-word names.
  it('answers a group word alone or with --help with its subcommands, in both languages', async () => {
    const groups = [
      ...new Set(commands.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0] as string)),
    ];
    expect(groups.sort()).toEqual(['central', 'plan', 'round']);
    const saved = process.env.REFORM_LOCALE;
    try {
      for (const locale of ['en', 'zh-CN'] as const) {
        process.env.REFORM_LOCALE = locale;
        const t = translator(locale);
        for (const group of groups) {
          const members = commands.filter((c) => c.name.startsWith(`${group} `));
          for (const argv of [
            [group, '--help'],
            [group, '-h'],
            ['help', group],
          ]) {
            const help = await inProcess(argv);
            expect(help.code, argv.join(' ')).toBe(0);
            for (const c of members) expect(lists(help.out, c, t), `${argv.join(' ')} ${locale}: ${c.name}`).toBe(true);
            const others = commands.filter((c) => !members.includes(c));
            expect(others.filter((c) => lists(help.out, c, t))).toEqual([]);
          }
          const bare = await inProcess([group]);
          expect(bare.code, group).toBe(2);
          expect(bare.out).toBe('');
          for (const c of members) expect(lists(bare.err, c, t), `${group} ${locale}: ${c.name}`).toBe(true);
        }
      }
    } finally {
      if (saved === undefined) delete process.env.REFORM_LOCALE;
      else process.env.REFORM_LOCALE = saved;
    }
  });

  it('stops on a bad setting with one line naming it', () => {
    const result = cli(['stats'], { REFORM_TZ: 'Nowhere/City' });
    expect(result.code).toBe(2);
    expect(result.err.trim()).toBe('REFORM_TZ: not an IANA time zone (e.g. Asia/Shanghai)');
  });

  it('refuses unknown commands and options with usage', () => {
    expect(cli(['frobnicate']).code).toBe(2);
    const bad = cli(['stats', '--colour'], { REFORM_LOCALE: 'en' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Usage: reform-bot stats');
  });

  it('stats --json on an empty ledger has the documented keys', () => {
    const result = cli(['stats', '--json', '--as-of', '2016-06-30']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out);
    for (const key of [
      'asOf',
      'plans',
      'items',
      'done',
      'started',
      'notStarted',
      'doneRate',
      'startedRate',
      'notStartedRate',
      'closablePlans',
      'lights',
      'byDomain',
      'byGroup',
    ]) {
      expect(json).toHaveProperty(key);
    }
    expect(json.asOf).toBe('2016-06-30');
    expect(json.byDomain).toHaveLength(7);
  });
});
