// What a job test runs a job with: a migrated in-memory database, a config with defaults, a
// job context at a fixed instant, a silent logger, the outbox rows the job queued, and a job that
// records when it ran (for the scheduler's tests). The office the jobs work on is office.ts's.
import { asc } from 'drizzle-orm';
import { type Config, parseConfig } from '../../src/config.ts';
import { type Db, openDatabase } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import type { Job, JobContext } from '../../src/jobs/job.ts';
import { createLogger, type Logger } from '../../src/log.ts';
import { enqueue, outboxKey } from '../../src/store/outbox.ts';

export function memoryDb(): Db {
  return openDatabase(':memory:');
}

/** The defaults (zh-CN, Asia/Shanghai) with `env` on top. */
export function testConfig(env: Record<string, string> = {}): Config {
  return parseConfig({ SLACK_BOT_TOKEN: 'xoxb-test', ...env });
}

export function silentLog(): Logger {
  return createLogger({ level: 'silent' });
}

export function jobContext(db: Db, iso: string, config: Config = testConfig()): JobContext {
  return { db, now: new Date(iso), config, calendar: CN_CALENDAR };
}

export interface QueuedRow {
  key: string;
  kind: string;
  target: string;
  text: string;
  blocks: Record<string, unknown>[];
  parentId: number | null;
  id: number;
}

/** The outbox's rows in the order they were queued, payloads decoded. */
export function queued(db: Db): QueuedRow[] {
  return db
    .select()
    .from(outbox)
    .orderBy(asc(outbox.id))
    .all()
    .map((r) => {
      const payload = JSON.parse(r.payload) as { text: string; blocks?: Record<string, unknown>[] };
      return {
        key: r.idempotencyKey,
        kind: r.kind,
        target: r.target,
        text: payload.text,
        blocks: payload.blocks ?? [],
        parentId: r.parentId,
        id: r.id,
      };
    });
}

/** A job that queues one message per slot it is run for, and remembers the instants. */
export function recordingJob(name: Job['name'], schedule: string): Job & { runs: Date[] } {
  const runs: Date[] = [];
  return {
    name,
    runs,
    schedule: () => schedule,
    run({ db, now }) {
      runs.push(now);
      const queued = enqueue(
        db,
        {
          idempotencyKey: outboxKey('test', 'C1', name, now.toISOString()),
          kind: 'test',
          target: 'C1',
          payload: { text: 'x' },
        },
        now,
      );
      return { queued: queued ? 1 : 0 };
    },
  };
}
