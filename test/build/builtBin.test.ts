// The build as production runs it: `npm run build` (esbuild.config.mjs) into dist/, then the
// installed bin (bin/reform-bot.js, which runs dist/) as processes: help, the demo office's
// ledger imported and counted, and `start` in HTTP mode answering /healthz and a signed command
// through a read worker, with the job thread running the catch-up, both started from dist/
// (src/runtimePaths.ts).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSlashCommand } from '../support/signedRequest.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/reform-bot.js');

let dir: string;
beforeAll(() => {
  // dist/ was built by vitest's global set-up (test/support/buildOnce.ts); building again here
  // would delete it under the other test files that are running the bin at the same moment.
  dir = mkdtempSync(join(tmpdir(), 'reform-bot-built-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'office.db'), ...env },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function waitFor(lines: string[], pattern: RegExp, ms = 20_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = pattern.exec(lines.join(''));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${pattern} in: ${lines.join('')}`);
}

describe('the built bin (dist/)', { timeout: 60_000 }, () => {
  it('lists the commands and counts the demo office ledger', () => {
    const help = cli(['--help'], { REFORM_LOCALE: 'en' });
    expect(help.code, help.err).toBe(0);
    for (const name of ['start', 'import', 'stats', 'round create', 'backup']) expect(help.out).toContain(name);
    expect(cli(['import-org', 'examples/demo-org.yml']).code).toBe(0);
    expect(cli(['import', 'examples/demo-ledger.csv']).code).toBe(0);
    const stats = cli(['stats', '--json']);
    expect(stats.code, stats.err).toBe(0);
    expect(JSON.parse(stats.out).items).toBe(717);
  });

  describe('start', () => {
    let standIn: StandIn;
    let child: ChildProcess | undefined;
    beforeAll(async () => {
      standIn = await startSlackStandIn();
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      await standIn.close();
    });

    it('answers /healthz and a command from its read worker, its job thread catching up', async () => {
      const database = join(dir, 'bot', 'bot.db');
      mkdirSync(join(dir, 'bot'));
      copyFileSync(join(dir, 'office.db'), database);
      const secret = 'built-bin-secret';
      child = spawn(process.execPath, [BIN, 'start'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          DATABASE_PATH: database,
          SLACK_BOT_TOKEN: 'xoxb-built-bin',
          SLACK_SIGNING_SECRET: secret,
          SLACK_API_URL: standIn.url,
          PORT: '0',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      const stderr: string[] = [];
      child.stderr?.on('data', (c: Buffer) => stderr.push(String(c)));
      const exit = new Promise<number | null>((done) => child?.on('exit', (code) => done(code)));
      const started = await waitFor(stderr, /"port":(\d+)[^\n]*"msg":"reform-bot started"/);
      const base = `http://127.0.0.1:${started[1]}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const command = await postSlashCommand(base, secret, {
        user_id: 'U0BUILT',
        channel_id: 'C0BUILT',
        text: 'help',
        response_url: standIn.responseUrl('built'),
      });
      expect(command.status).toBe(200);
      await standIn.waitFor('response_url', (c) => c.responseUrlId === 'built', 10_000);
      // The demo ledger's follow-ups have a slot in the last 24 hours: the job thread runs it.
      await waitFor(stderr, /"msg":"caught up a missed slot"/);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      const log = stderr.join('');
      expect(log).not.toContain('read worker');
      expect(log).not.toContain('job thread');
    });
  });

  it('without dist/ says to run the build', () => {
    const copy = join(dir, 'checkout');
    mkdirSync(join(copy, 'bin'), { recursive: true });
    copyFileSync(BIN, join(copy, 'bin', 'reform-bot.js'));
    const result = spawnSync(process.execPath, [join(copy, 'bin', 'reform-bot.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run build');
  });
});
