// Issue 10 point 4: the office admins are told ONCE, in their language, by a direct message
// through the Web API (not the outbox), once delivery or writes have failed for longer than
// HEALTH_ALERT_AFTER_MINUTES; again only after a recovery and a new outage. Fixed clock.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, type Db, openDatabase } from '../../src/db/client.ts';
import { outbox, userLocales } from '../../src/db/schema.ts';
import type { HealthCheck, HealthReport } from '../../src/health/healthCheck.ts';
import { createHealthMonitor, type HealthMonitor } from '../../src/health/healthMonitor.ts';
import { createLogger } from '../../src/log.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { addAdmins, FakeClock } from '../support/dispatcherKit.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN } from '../support/workspace.ts';

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
});

const MINUTE = 60_000;
let db: Db;
let clock: FakeClock;
/** What the write probe answers next. */
let probe: HealthReport;
let monitor: HealthMonitor;
beforeEach(() => {
  standIn.reset();
  db = openDatabase(':memory:');
  addAdmins(db, 'UADMIN1', 'UADMIN2');
  db.insert(userLocales).values({ userId: 'UADMIN2', locale: 'zh-CN', fetchedAt: '2026-11-27T00:00:00Z' }).run();
  clock = new FakeClock();
  probe = { ok: true };
  const check: HealthCheck = { check: async () => probe };
  monitor = createHealthMonitor({
    db,
    check,
    post: createSlackPoster({ token: BOT_TOKEN, apiUrl: standIn.url }, createLogger({ level: 'silent' })),
    log: createLogger({ level: 'silent' }),
    now: clock.now,
    defaultLocale: 'en',
    alertAfterMs: 5 * MINUTE,
  });
});
afterEach(() => closeDatabase(db));

const dms = () =>
  standIn.callsTo('chat.postMessage').map((c) => ({ channel: String(c.args.channel), text: String(c.args.text) }));
async function at(minutes: number): Promise<void> {
  clock.ms += minutes * MINUTE;
  await monitor.tick();
}

describe('health alerts to the admins', () => {
  it('writes failing: nothing before the threshold, one DM per admin in their language after it, then silence', async () => {
    probe = { ok: false, reason: 'database read-only' };
    await at(0);
    await at(4);
    expect(dms()).toEqual([]);
    await at(1);
    expect(dms()).toEqual([
      {
        channel: 'UADMIN1',
        text: expect.stringMatching(/database has not been able to take writes for 5 minutes \(database read-only\)/),
      },
      { channel: 'UADMIN2', text: expect.stringMatching(/数据库已有 5 分钟无法正常写入（database read-only）/) },
    ]);
    await at(10);
    await at(60);
    expect(dms()).toHaveLength(2);
    // Sent directly, never queued in the outbox (which may be what is failing).
    expect(db.select().from(outbox).all()).toEqual([]);
  });

  it('tells again only after the writes recovered and failed again for the threshold', async () => {
    probe = { ok: false, reason: 'disk almost full: 42 MB free' };
    await at(0);
    await at(6);
    expect(dms()).toHaveLength(2);
    probe = { ok: true };
    await at(1);
    probe = { ok: false, reason: 'database busy for 3 s' };
    await at(1);
    await at(3);
    expect(dms()).toHaveLength(2);
    await at(2);
    expect(dms()).toHaveLength(4);
    expect(dms()[2]?.text).toContain('database busy for 3 s');
  });

  it('delivery failing: told once after the threshold; a success in between starts over', async () => {
    monitor.onDelivery({ ok: false, reason: 'http_503' });
    await at(3);
    monitor.onDelivery({ ok: true });
    await at(1);
    monitor.onDelivery({ ok: false, reason: 'network: socket hang up' });
    await at(4);
    expect(dms()).toEqual([]);
    monitor.onDelivery({ ok: false, reason: 'http_500' });
    await at(1);
    expect(dms().map((d) => d.channel)).toEqual(['UADMIN1', 'UADMIN2']);
    expect(dms()[0]?.text).toMatch(
      /cannot deliver messages to Slack: posting has been failing for 5 minutes \(http_500\)/,
    );
    monitor.onDelivery({ ok: false, reason: 'http_500' });
    await at(30);
    expect(dms()).toHaveLength(2);
  });

  it('keeps trying to tell when the direct message itself fails, and tells once it goes through', async () => {
    probe = { ok: false, reason: 'database read-only' };
    standIn.failNext('chat.postMessage', 2, { kind: 'http', status: 503 });
    await at(0);
    await at(5);
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.fault === undefined)).toHaveLength(0);
    await at(1);
    expect(
      standIn
        .callsTo('chat.postMessage')
        .filter((c) => c.fault === undefined)
        .map((c) => c.args.channel),
    ).toEqual(['UADMIN1', 'UADMIN2']);
    await at(5);
    expect(standIn.callsTo('chat.postMessage')).toHaveLength(4);
  });
});
