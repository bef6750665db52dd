// The bot runs its job slots off the main thread: a long job does not hold the event loop that
// acknowledges Slack, and the thread uses the main thread's clock and holds no Slack secret.
import { writeFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { realSleep } from '../../src/clock.ts';
import { jobRuns, outbox } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { startScheduledWork } from '../../src/jobs/scheduler.ts';
import { type TempDb, tempDb } from '../support/db.ts';
import { silentLog, testConfig } from '../support/jobs.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { EVIDENCE_KEY, releaseFile, waitingJob } from '../support/waitingJobs.ts';
import { BOT_TOKEN } from '../support/workspace.ts';

const JOBS_MODULE = new URL('../support/waitingJobs.ts', import.meta.url).href;

let standIn: StandIn;
let temp: TempDb;
beforeAll(async () => {
  standIn = await startSlackStandIn();
  temp = tempDb();
});
afterAll(async () => {
  await standIn.close();
  temp.cleanup();
});

describe('scheduled jobs in the bot', { timeout: 60_000 }, () => {
  it("run on the job thread, on the main thread's (virtual) clock, while the main event loop keeps going", async () => {
    const config = testConfig({
      DATABASE_PATH: temp.path,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: standIn.url,
      CATCH_UP_HOURS: '24',
    });
    // A virtual clock far from the wall clock, standing still: Friday 09:30 in Shanghai.
    const virtualNow = new Date('2026-11-27T01:30:00Z');
    const clock = { now: () => virtualNow, sleep: realSleep, speed: 1000 };
    // The token in the environment too, as a service's EnvironmentFile puts it there.
    const savedToken = process.env.SLACK_BOT_TOKEN;
    process.env.SLACK_BOT_TOKEN = BOT_TOKEN;
    const work = startScheduledWork({
      config,
      db: temp.db,
      calendar: WEEKENDS_ONLY,
      log: silentLog(),
      clock,
      jobs: [waitingJob],
      jobsModule: JOBS_MODULE,
    });
    try {
      // The catch-up handed the missed 09:00 slot over; the main thread releases the job from a timer.
      setTimeout(() => writeFileSync(releaseFile(temp.path), ''), 50);
      const run = await vi.waitFor(
        () => {
          const row = temp.db.select().from(jobRuns).where(eq(jobRuns.job, 'reminders')).get();
          if (!row?.finishedAt) throw new Error('slot not done yet');
          return row;
        },
        { timeout: 30_000, interval: 50 },
      );
      expect(run).toMatchObject({
        scheduledFor: '2026-11-27T01:00:00.000Z',
        startedAt: virtualNow.toISOString(),
        queued: 1,
      });
      const evidence = temp.db.select().from(outbox).where(eq(outbox.idempotencyKey, EVIDENCE_KEY)).get();
      const seen = JSON.parse((JSON.parse(evidence?.payload ?? '{}') as { text: string }).text) as Record<
        string,
        unknown
      >;
      // The main thread's threadId is 0; the job was released by the main thread's timer while it ran.
      expect(seen).toMatchObject({
        released: true,
        now: '2026-11-27T01:00:00.000Z',
        hasBotToken: false,
        envHasBotToken: false,
      });
      expect(seen.threadId).not.toBe(0);
    } finally {
      await work.stop();
      if (savedToken === undefined) delete process.env.SLACK_BOT_TOKEN;
      else process.env.SLACK_BOT_TOKEN = savedToken;
    }
  });
});
