// The real process: `node bin/reform-bot.js start` refuses to start without its Slack settings
// (one line per problem), and with HTTP settings starts, answers /healthz and signed commands,
// and exits cleanly on SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postSlashCommand } from '../support/signedRequest.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const BIN = resolve(import.meta.dirname, '../../bin/reform-bot.js');

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'reform-bot-process-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(env: Record<string, string>): Run {
  // A clean environment: nothing inherited may supply (or spoil) the Slack settings.
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'bot.db'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  child.stdout?.on('data', (c: Buffer) => stdout.push(String(c)));
  child.stderr?.on('data', (c: Buffer) => stderr.push(String(c)));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  return { child, stdout, stderr, exit };
}

async function waitForLine(lines: string[], pattern: RegExp, ms = 15_000): Promise<RegExpExecArray> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const found = pattern.exec(lines.join(''));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no ${pattern} in: ${lines.join('')}`);
}

describe('reform-bot start', () => {
  it('without Slack settings exits non-zero with one line per problem', async () => {
    const r = run({});
    const { code } = await r.exit;
    expect(code).not.toBe(0);
    const lines = r.stderr.join('').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^SLACK_BOT_TOKEN: /);
    expect(lines[1]).toMatch(/^SLACK_SIGNING_SECRET: /);
  });

  it('with bad values names each variable', async () => {
    const r = run({ SLACK_BOT_TOKEN: 'not-a-token', PORT: 'eighty', SLACK_API_URL: 'nowhere' });
    const { code } = await r.exit;
    expect(code).not.toBe(0);
    const lines = r.stderr.join('').trim().split('\n');
    expect(lines.map((l) => l.split(':')[0]).sort()).toEqual(['PORT', 'SLACK_API_URL', 'SLACK_BOT_TOKEN']);
  });

  describe('in HTTP mode', () => {
    let standIn: StandIn;
    beforeAll(async () => {
      standIn = await startSlackStandIn();
    });
    afterAll(async () => {
      await standIn.close();
    });

    it('starts, answers /healthz and a signed command, and exits 0 on SIGTERM', async () => {
      const secret = 'process-test-secret';
      const r = run({
        SLACK_BOT_TOKEN: 'xoxb-process-test',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: standIn.url,
        PORT: '0',
        LOG_LEVEL: 'info',
      });
      try {
        const started = await waitForLine(r.stderr, /"port":(\d+)[^\n]*"msg":"reform-bot started"/);
        const base = `http://127.0.0.1:${started[1]}`;
        const health = await fetch(`${base}/healthz`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ ok: true, database: 'ok' });
        const command = await postSlashCommand(base, secret, {
          user_id: 'U0PROC',
          channel_id: 'C0PROC',
          text: 'help',
          response_url: standIn.responseUrl('proc'),
        });
        expect(command.status).toBe(200);
        await standIn.waitFor('response_url', (c) => c.responseUrlId === 'proc', 5000);
        r.child.kill('SIGTERM');
        const { code, signal } = await r.exit;
        expect({ code, signal }).toEqual({ code: 0, signal: null });
        expect(r.stderr.join('')).toContain('"msg":"reform-bot stopped"');
        // The answer came from the read worker (READ_WORKERS=1): no fallback, no failure.
        expect(r.stderr.join('')).not.toContain('read worker');
        expect(r.stderr.join('')).not.toContain('xoxb-process-test');
        expect(r.stderr.join('')).not.toContain(secret);
      } finally {
        r.child.kill('SIGKILL');
      }
    });

    it('survives Slack failing auth.test at start-up: it retries, starts, and answers', async () => {
      // Three 500s outlast a web client's two retries: Bolt's own auth.test used to reject
      // unhandled here, and the process exited with code 1 just after "started".
      standIn.failNext('auth.test', 3, { kind: 'http', status: 500 });
      const before = standIn.callsTo('auth.test').length;
      const secret = 'process-test-secret';
      const r = run({
        SLACK_BOT_TOKEN: 'xoxb-process-test',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: standIn.url,
        PORT: '0',
        LOG_LEVEL: 'info',
      });
      let exited = false;
      void r.exit.then(() => {
        exited = true;
      });
      try {
        const started = await waitForLine(r.stderr, /"port":(\d+)[^\n]*"msg":"reform-bot started"/);
        const command = await postSlashCommand(`http://127.0.0.1:${started[1]}`, secret, {
          user_id: 'U0PROC',
          channel_id: 'C0PROC',
          text: 'help',
          response_url: standIn.responseUrl('auth-retry'),
        });
        expect(command.status).toBe(200);
        await standIn.waitFor('response_url', (c) => c.responseUrlId === 'auth-retry', 5000);
        expect(exited).toBe(false);
        // Three failures and one success; Bolt asks nothing more.
        expect(standIn.callsTo('auth.test').length - before).toBe(4);
        expect(r.stderr.join('')).toContain('auth.test failed at start-up; trying again');
        r.child.kill('SIGTERM');
        expect(await r.exit).toEqual({ code: 0, signal: null });
      } finally {
        r.child.kill('SIGKILL');
      }
    });
  });
});
