// One bot per database, with real processes: a second `start` refuses naming the first, a killed
// bot frees the file, `restore` refuses under a running bot (also with --force), and after stop
// restores a backup taken while the bot ran without the lease that backup carried.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { type ProcessRun, runReformBot, runToEnd, waitForOutput } from '../support/botProcess.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const STARTED = /"msg":"reform-bot started"/;
// Short, so the test can outlive it; heartbeats come every 1.7 s, so a loaded machine may stall a bot for 3 s without losing it.
const TTL_MS = 5_000;

let standIn: StandIn;
let dir: string;
const running: ProcessRun[] = [];
beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'reform-lease-'));
});
afterAll(async () => {
  for (const r of running) r.child.kill('SIGKILL');
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function envFor(database: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_PATH: database,
    SLACK_BOT_TOKEN: 'xoxb-lease-test',
    SLACK_SIGNING_SECRET: 'lease-test-secret',
    SLACK_API_URL: standIn.url,
    PORT: '0',
    LOG_LEVEL: 'info',
    REFORM_LOCALE: 'en',
    READ_WORKERS: '0',
    BOT_LEASE_TTL_MS: String(TTL_MS),
    // Nothing falls due while the test runs.
    SCHEDULE_FOLLOWUPS: '0 0 1 1 *',
    SCHEDULE_REMINDERS: '0 0 1 1 *',
    SCHEDULE_DIGEST: '0 0 1 1 *',
    SCHEDULE_CLOSEOUT: '0 0 1 1 *',
    ...extra,
  };
}

async function startBotProcess(env: Record<string, string>): Promise<ProcessRun> {
  const r = runReformBot(['start'], dir, env);
  running.push(r);
  await waitForOutput(r.stderr, STARTED);
  return r;
}

type LeaseRow = { pid: number; host: string; command: string; heartbeatAtMs: number };
function leaseRows(file: string): LeaseRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare('select pid, host, command, heartbeat_at_ms as heartbeatAtMs from bot_lease').all() as LeaseRow[];
  } finally {
    db.close();
  }
}

function marker(file: string): string | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare("select value from settings where key = 'marker'").get() as { value: string } | undefined)
      ?.value;
  } finally {
    db.close();
  }
}

function setMarker(file: string, value: string): void {
  const db = openDatabase(file);
  db.$client
    .prepare(
      "insert into settings (key, value) values ('marker', ?) on conflict (key) do update set value = excluded.value",
    )
    .run(value);
  closeDatabase(db);
}

describe('one bot per database', { timeout: 120_000 }, () => {
  it('a second start refuses, naming the first (also after its TTL: heartbeats renew it), in the CLI language; a SIGKILLed bot frees the file', async () => {
    const database = join(dir, 'two-starts.db');
    const first = await startBotProcess(envFor(database));
    const firstPid = first.child.pid as number;
    // Longer than the TTL: only heartbeats keep the lease live by now.
    await new Promise((r) => setTimeout(r, TTL_MS + 1_500));
    const authCalls = standIn.callsTo('auth.test').length;

    const second = await runToEnd(['start'], dir, envFor(database));
    expect(second.code).toBe(1);
    expect(second.err).toContain(`Not started: ${database} is in use by reform-bot start (pid ${firstPid} on host `);
    expect(second.err).toMatch(/last heartbeat \d+ s ago/);
    expect(second.err).not.toContain('reform-bot started');
    const zh = await runToEnd(['start'], dir, envFor(database, { REFORM_LOCALE: 'zh-CN' }));
    expect(zh.code).toBe(1);
    expect(zh.err).toContain(`未启动：${database} 正被 reform-bot start（主机`);
    expect(zh.err).toContain(`进程 ${firstPid}`);
    // Refused before contacting Slack.
    expect(standIn.callsTo('auth.test').length).toBe(authCalls);
    expect(leaseRows(database)).toMatchObject([{ pid: firstPid, command: 'start' }]);

    first.child.kill('SIGKILL');
    await first.exit;
    // Same host, pid gone: the next start takes the lease at once, without waiting for the TTL.
    const third = await startBotProcess(envFor(database));
    expect(third.stderr.join('')).toContain('"reason":"process-gone"');
    expect(leaseRows(database)).toMatchObject([{ pid: third.child.pid }]);
    third.child.kill('SIGTERM');
    expect(await third.exit).toEqual({ code: 0, signal: null });
    expect(leaseRows(database)).toEqual([]);
  });

  it('a lease held on another host stays live until its heartbeat is a TTL old, then a start takes it', async () => {
    const database = join(dir, 'other-host.db');
    closeDatabase(openDatabase(database));
    const heartbeat = Date.now();
    const db = new Database(database);
    db.prepare("insert into bot_lease values (1, 'far', 'start', 1, 'office-far-away', ?, ?)").run(
      heartbeat - 3_600_000,
      heartbeat,
    );
    db.close();
    // A minute's TTL: the row is live whatever this machine's load.
    const refused = await runToEnd(['start'], dir, envFor(database, { BOT_LEASE_TTL_MS: '60000' }));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('(pid 1 on host office-far-away');
    // The same row once its heartbeat is older than the TTL (the holder was SIGKILLed over there).
    while (Date.now() - heartbeat <= TTL_MS) await new Promise((r) => setTimeout(r, 100));
    // Under a fast virtual clock too: the lease lives on the wall clock other processes share.
    const taker = await startBotProcess(envFor(database, { FAST_CLOCK: '1440,2030-06-01T00:00:00Z' }));
    expect(taker.stderr.join('')).toContain('"reason":"expired"');
    const [row] = leaseRows(database);
    expect(Math.abs((row?.heartbeatAtMs ?? 0) - Date.now())).toBeLessThan(60_000);
    taker.child.kill('SIGTERM');
    expect((await taker.exit).code).toBe(0);
  });

  it('restore refuses under a running bot, also with --force; after stop it restores, keeps .before-restore, and the restored file has no lease', async () => {
    const database = join(dir, 'restore.db');
    setMarker(database, 'in-backup');
    const bot = await startBotProcess(envFor(database));
    const backup = join(dir, 'while-running.db');
    const made = await runToEnd(['backup', backup], dir, envFor(database));
    expect(made.code).toBe(0);
    // The backup carries the running bot's lease row.
    expect(leaseRows(backup)).toMatchObject([{ pid: bot.child.pid, command: 'start' }]);
    setMarker(database, 'live');

    const refused = await runToEnd(['restore', backup], dir, envFor(database));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      `Not restored: ${database} is in use by reform-bot start (pid ${bot.child.pid} on host `,
    );
    expect(refused.err).not.toContain('--force');
    const forced = await runToEnd(['restore', backup, '--force'], dir, envFor(database));
    expect(forced.code).toBe(1);
    expect(forced.err).toContain(`Not restored, even with --force: reform-bot start (pid ${bot.child.pid} on host `);
    // Unchanged: the bot's data and lease, nothing renamed.
    expect(marker(database)).toBe('live');
    expect(leaseRows(database)).toMatchObject([{ pid: bot.child.pid }]);
    expect(existsSync(`${database}.before-restore`)).toBe(false);

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
    const restored = await runToEnd(['restore', backup], dir, envFor(database));
    expect(restored.err).toBe('');
    expect(restored.code).toBe(0);
    expect(marker(database)).toBe('in-backup');
    expect(leaseRows(database)).toEqual([]);
    expect(marker(`${database}.before-restore`)).toBe('live');
    // The restored file starts a bot at once.
    const again = await startBotProcess(envFor(database));
    again.child.kill('SIGTERM');
    expect((await again.exit).code).toBe(0);
  });
});
