// No token or signing secret in what `reform-bot` writes, run as offices run it (a spawned
// process, LOG_LEVEL=trace, stderr captured): a job whose messages meet server errors and a
// refused token, the outbox listing, the bot started in HTTP mode taking signed and forged
// requests, and a start that fails (its error is logged with every field it has).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { PEOPLE, seedOrg, seedPlans } from '../support/office.ts';
import { BASE_PLANS } from '../support/officePlans.ts';
import { postSlashCommand } from '../support/signedRequest.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const BOT = 'xoxb-9876-5432-SECRETcliBotToken';
const SIGNING = 'SECRETcliSigningSecret0123456789';
const APP = 'xapp-1-A0REFORM-SECRETcliAppToken';
const SECRETS = [BOT, SIGNING, APP, 'SECRETcli'];

let standIn: StandIn;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'reform-security-logs-'));
  const dbPath = join(dir, 'reform.db');
  const db = openDatabase(dbPath);
  seedOrg(db);
  seedPlans(db, structuredClone(BASE_PLANS));
  closeDatabase(db);
  env = {
    PATH: process.env.PATH ?? '',
    DATABASE_PATH: dbPath,
    REFORM_LOCALE: 'en',
    LOG_LEVEL: 'trace',
    SLACK_BOT_TOKEN: BOT,
    SLACK_SIGNING_SECRET: SIGNING,
    SLACK_API_URL: standIn.url,
  };
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function cli(
  args: string[],
  extra: Record<string, string> = {},
  timeout = 60_000,
): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/reform-bot.js', ...args],
      { env: { ...env, ...extra }, encoding: 'utf8', timeout },
      (error, out, err) =>
        // A process killed at the timeout reports -1, never a plausible exit code.
        resolve({
          code: error
            ? (error as { killed?: boolean }).killed
              ? -1
              : Number((error as { code?: number }).code ?? 1)
            : 0,
          out,
          err,
        }),
    );
  });
}

const leaks = (text: string) => SECRETS.filter((s) => text.includes(s));

describe('reform-bot at LOG_LEVEL=trace', { timeout: 90_000 }, () => {
  it('run reminders: a 500, then a refused token; stdout and stderr hold no secret', async () => {
    standIn.reset();
    standIn.failNext('chat.postMessage', 1, { kind: 'http', status: 500 });
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error: 'invalid_auth' });
    const run = await cli(['run', 'reminders', '--at', '2016-06-30T09:00:00+08:00'], { SLACK_APP_TOKEN: APP });
    expect(run.out).toContain('message(s) queued');
    expect(run.err).toContain('"level":20'); // debug lines: the Web API client's requests
    expect(run.err).toContain('Slack refused the bot token');
    expect(standIn.callsTo('chat.postMessage')[0]?.token).toBe(BOT);
    const list = await cli(['outbox'], { SLACK_APP_TOKEN: APP });
    expect(list.out).toContain('invalid_auth');
    expect(leaks(run.out + run.err + list.out + list.err)).toEqual([]);
  });

  it('start (HTTP): signed and forged commands, then SIGTERM; stderr holds no secret', async () => {
    standIn.reset();
    const child = spawn(process.execPath, ['bin/reform-bot.js', 'start'], { env: { ...env, PORT: '0' } });
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += String(chunk)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const port = await startedOn(child, () => err);
      const base = `http://127.0.0.1:${port}`;
      const command = (text: string, id: string, secret = SIGNING) =>
        postSlashCommand(base, secret, {
          user_id: PEOPLE.admin,
          channel_id: 'C0REFORM',
          text,
          response_url: standIn.responseUrl(id),
        });
      expect((await command('stats', 'cli-stats')).status).toBe(200);
      await standIn.waitFor('response_url', (c) => c.responseUrlId === 'cli-stats', 10_000);
      expect((await command('update P1#2 done', 'cli-forged', 'not-the-secret')).status).toBe(401);
      standIn.failNext('views.open', 3, { kind: 'slackError', error: 'invalid_auth' });
      await command('update', 'cli-modal');
      await standIn.waitFor('response_url', (c) => c.responseUrlId === 'cli-modal', 10_000);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(err).toContain('reform-bot stopped');
    expect(err).toContain('signature mismatch');
    expect(leaks(err)).toEqual([]);
  });

  it('start (Socket Mode) with an app token Slack refuses: exits 1, the token not logged', async () => {
    standIn.reset();
    standIn.failNext('apps.connections.open', 1, { kind: 'slackError', error: 'invalid_auth' });
    const failed = await cli(['start'], { SLACK_APP_TOKEN: APP, PORT: '0' }, 20_000);
    expect(standIn.callsTo('apps.connections.open')[0]?.token).toBe(APP);
    expect(failed.code).toBe(1); // it used to report the failure and hang, /healthz still listening
    expect(failed.err).toContain('start failed: An API error occurred: invalid_auth');
    expect(leaks(failed.out + failed.err)).toEqual([]);
  });

  it('start that fails (the port is taken): the error is logged in full, without a secret', async () => {
    const port = new URL(standIn.url).port;
    const failed = await cli(['start'], { PORT: port });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('EADDRINUSE');
    expect(failed.err).toContain('command failed');
    expect(leaks(failed.out + failed.err)).toEqual([]);
  });
});

/** The port from the "reform-bot started" line (the bot listens on PORT=0, any free port). */
async function startedOn(child: ChildProcess, err: () => string): Promise<number> {
  for (let waited = 0; waited < 30_000; waited += 100) {
    const line = err()
      .split('\n')
      .find((l) => l.includes('reform-bot started'));
    if (line) return (JSON.parse(line) as { port: number }).port;
    if (child.exitCode !== null) throw new Error(`start exited: ${err()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`start did not report its port: ${err()}`);
}
