// `reform-bot run` and `reform-bot outbox` as spawned processes against the Slack stand-in
// (SLACK_API_URL + SLACK_BOT_TOKEN): the job queues, the dispatcher sends, a second run of the
// same period sends nothing, failures stay listed and can be retried.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../../src/db/client.ts';
import { type StandIn, startSlackStandIn } from '../../support/slackStandIn.ts';
import { BOT_TOKEN } from '../../support/workspace.ts';

let standIn: StandIn;
let dir: string;
let dbPath: string;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'reform-dispatch-'));
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

let counter = 0;
beforeEach(() => {
  standIn.reset();
  counter += 1;
  dbPath = join(dir, `run-${counter}.db`);
  const db = openDatabase(dbPath);
  db.$client.exec(`
    insert into groups (id, code, name, channel) values (1, 'G1', '经济体制改革专项小组', 'C0G1');
    insert into group_members (group_id, user_id, role) values (1, 'UL1', 'leader');
    insert into departments (id, name) values (1, 'D1');
    insert into department_members (department_id, user_id) values (1, 'UM1'), (1, 'UM2');
    insert into admins (user_id) values ('UADM');
    insert into plans (id, code, title, domain, lead_group_id, stage) values (1, 'P1', 'Plan one', 'economic', 1, 'issued');
    insert into items (id, plan_id, code, title, due_on, status) values (1, 1, '1', 'Overdue item', '2026-11-02', 'not_started'),
      (2, 1, '2', 'Due soon', '2026-11-30', 'started');
    insert into item_departments (item_id, department_id) values (1, 1), (2, 1);
  `);
  closeDatabase(db);
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/reform-bot.js', ...args],
      {
        env: {
          PATH: process.env.PATH,
          DATABASE_PATH: dbPath,
          REFORM_LOCALE: 'en',
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_API_URL: standIn.url,
          LOG_LEVEL: 'silent',
          ...env,
        },
        encoding: 'utf8',
        timeout: 90_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout, err: stderr }),
    );
  });
}

const posts = () => standIn.callsTo('chat.postMessage');

describe('reform-bot run', { timeout: 90_000 }, () => {
  it('queues the reminders, sends them, and sends nothing when run again for the same day', async () => {
    const first = await cli(['run', 'reminders', '--at', '2026-11-27T09:00:00+08:00']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('reminders for 2026-11-27T09:00:00+08:00: 4 message(s) queued.');
    expect(first.out).toContain('reminder → UM1');
    expect(first.out).toContain('Sent 4, failed 0, still queued 0.');
    expect(
      posts()
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(['UADM', 'UL1', 'UM1', 'UM2']);

    const second = await cli(['run', 'reminders', '--at', '2026-11-27T15:00:00+08:00']);
    expect(second.code).toBe(0);
    expect(second.out).toContain('0 message(s) queued.');
    expect(second.out).toContain('Sent 0, failed 0, still queued 0.');
    expect(posts()).toHaveLength(4);
  });

  it('waits out a 500 and a 429 with Retry-After, and delivers each message once', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'http', status: 500 });
    standIn.failNext('chat.postMessage', 1, { kind: 'ratelimit', retryAfterSec: 1 });
    const result = await cli(['run', 'reminders', '--at', '2026-11-27T09:00:00+08:00']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Sent 4, failed 0, still queued 0.');
    const delivered = posts().filter((c) => c.fault === undefined);
    expect(delivered).toHaveLength(4);
    expect(new Set(delivered.map((c) => c.args.channel)).size).toBe(4);
  });

  it('sends nothing on a Saturday', async () => {
    const result = await cli(['run', 'reminders', '--at', '2026-11-28T09:00:00+08:00']);
    expect(result.code).toBe(0);
    expect(result.out).toContain('0 message(s) queued.');
    expect(result.out).toContain('skipped: not a working day');
    expect(posts()).toHaveLength(0);
  });

  it('reports a permanent failure, tells the admin, lists it, and sends it again on --retry', async () => {
    standIn.failNext('chat.postMessage', 1, { kind: 'slackError', error: 'user_not_found' });
    const run = await cli(['run', 'reminders', '--at', '2026-11-27T09:00:00+08:00']);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/#\d+ reminder → U\w+: user_not_found/);
    const failedTarget = String(posts()[0]?.args.channel);
    // The admin was told, in a direct message naming the recipient.
    const alert = posts().find((c) => c.args.channel === 'UADM' && String(c.args.text).includes('could not deliver'));
    expect(alert?.args.text).toContain(`<@${failedTarget}>`);

    const listed = await cli(['outbox', '--failed', '--json']);
    const json = JSON.parse(listed.out) as {
      counts: Record<string, number>;
      rows: { id: number; state: string; target: string; lastError: string; attempts: number }[];
    };
    expect(json.rows).toEqual([
      expect.objectContaining({ state: 'failed', target: failedTarget, lastError: 'user_not_found', attempts: 1 }),
    ]);
    expect(json.counts).toMatchObject({ failed: 1, pending: 0, sent: 4 });
    const table = await cli(['outbox', '--failed']);
    expect(table.out).toContain('Outbox: 0 pending, 0 sending, 4 sent, 1 failed.');
    expect(table.out).toContain('user_not_found');

    const retried = await cli(['outbox', '--retry', String(json.rows[0]?.id)]);
    expect(retried.out).toContain('1 message(s) queued again');
    const again = await cli(['run', 'reminders', '--at', '2026-11-27T09:00:00+08:00']);
    expect(again.code).toBe(0);
    expect(again.out).toContain('0 message(s) queued.');
    expect(again.out).toContain('Sent 1, failed 0, still queued 0.');
    expect(posts().filter((c) => c.args.channel === failedTarget && c.fault === undefined)).toHaveLength(1);
  });

  it('refuses a bad job name, a bad instant, or a missing token', async () => {
    expect((await cli(['run', 'nap'])).code).toBe(2);
    const badAt = await cli(['run', 'reminders', '--at', '2026-11-27 09:00']);
    expect(badAt.code).toBe(2);
    expect(badAt.err).toContain('not an ISO 8601 instant with an offset');
    const noToken = await cli(['run', 'reminders'], { SLACK_BOT_TOKEN: '' });
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('SLACK_BOT_TOKEN is not set');
    const queueOnly = await cli(['run', 'reminders', '--at', '2026-11-27T09:00:00+08:00', '--queue-only'], {
      SLACK_BOT_TOKEN: '',
    });
    expect(queueOnly.code).toBe(0);
    expect(queueOnly.out).toContain('4 message(s) queued.');
    expect(posts()).toHaveLength(0);
  });
});
