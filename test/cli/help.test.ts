// The CLI as a person runs it: a spawned process, in both languages.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'reform-bot-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/reform-bot.js', ...args], {
    env: { PATH: process.env.PATH, DATABASE_PATH: join(dir, 'cli.db'), ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
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

  // One process per command (a dozen), each ~1 s to start on a busy 2-core machine.
  it('answers --help on every command', () => {
    for (const command of commands) {
      const result = cli([...command.name.split(' '), '--help'], { REFORM_LOCALE: 'en' });
      expect(result.code, command.name).toBe(0);
      expect(result.out, command.name).toContain(`Usage: ${command.usage}`);
      expect(result.out, command.name).toContain('Example');
    }
  }, 90_000);

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
    for (const key of ['asOf', 'plans', 'items', 'done', 'started', 'notStarted', 'doneRate', 'startedRate', 'notStartedRate', 'closablePlans', 'lights', 'byDomain', 'byGroup']) {
      expect(json).toHaveProperty(key);
    }
    expect(json.asOf).toBe('2016-06-30');
    expect(json.byDomain).toHaveLength(7);
  });
});
