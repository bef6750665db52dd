// `startBot` wiring: after the Slack app is up, the scheduler catches up the missed slot and the
// dispatcher sends what it queued; stop() ends both; a restart sends nothing twice.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { addDays, isWeekend, todayIn } from '../../src/domain/dates.ts';
import { createLogger } from '../../src/log.ts';
import { startBot } from '../../src/main.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

let standIn: StandIn;
let dir: string;
beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'reform-start-'));
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('startBot runs the scheduler and the dispatcher', { timeout: 60_000 }, () => {
  it('catches up the missed reminder slot at start-up, sends it once, and not again after a restart', async () => {
    // Whatever day the test runs on is a working day: no holidays, weekends around today made up.
    const today = todayIn(new Date(), 'Asia/Shanghai');
    const around = Array.from({ length: 5 }, (_, i) => addDays(today, i - 2)).filter(isWeekend);
    const calendarPath = join(dir, 'calendar.json');
    writeFileSync(calendarPath, JSON.stringify({ holidays: [], makeUpWorkdays: around }));
    const dbPath = join(dir, 'bot.db');
    const db = openDatabase(dbPath);
    db.$client.exec(`
      insert into departments (id, name) values (1, 'D1');
      insert into department_members (department_id, user_id) values (1, 'UM1');
      insert into plans (id, code, title, domain, stage) values (1, 'P1', 'Plan', 'economic', 'issued');
      insert into items (id, plan_id, code, title, due_on, status) values (1, 1, '1', 'Late', '${addDays(today, -1)}', 'not_started');
      insert into item_departments (item_id, department_id) values (1, 1);
    `);
    closeDatabase(db);
    const config = parseConfig({
      DATABASE_PATH: dbPath,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.url,
      PORT: '0',
      REFORM_CALENDAR: calendarPath,
      // Every minute, so the current minute is always a missed slot at start-up.
      SCHEDULE_REMINDERS: '* * * * *',
      SCHEDULE_FOLLOWUPS: '0 0 1 1 *',
      SCHEDULE_DIGEST: '0 0 1 1 *',
      SCHEDULE_CLOSEOUT: '0 0 1 1 *',
    });
    const log = createLogger({ level: 'silent' });

    const first = await startBot(config, log);
    const call = await standIn.waitFor('chat.postMessage', (c) => c.args.channel === 'UM1', 10_000);
    expect(String(call.args.text)).toContain('1');
    await first.stop();

    const second = await startBot(config, log);
    // Give the catch-up and a dispatch pass time to (not) send anything.
    await new Promise((r) => setTimeout(r, 500));
    await second.stop();
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === 'UM1')).toHaveLength(1);
    const check = openDatabase(dbPath);
    expect(
      check.$client
        .prepare("select count(*) from job_runs where job = 'reminders' and finished_at is not null")
        .pluck()
        .get(),
    ).toBeGreaterThanOrEqual(1);
    closeDatabase(check);
  });
});
