import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import type { Job } from '../../src/jobs/job.ts';
import { createScheduler } from '../../src/jobs/scheduler.ts';
import { createLogger } from '../../src/log.ts';
import { memoryDb, testConfig } from '../support/jobs.ts';

describe('scheduled job logs', () => {
  it('carry a jobId, the job and the slot on every line of a run, and a new id per run', async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, callback) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        callback();
      },
    });
    const log = createLogger({ level: 'debug', destination });
    const job: Job = {
      name: 'reminders',
      schedule: () => '0 9 * * *',
      run() {
        // Whatever the job (or code it calls) logs is part of the run.
        log.info('inside the job');
        return { queued: 0 };
      },
    };
    const failing: Job = {
      ...job,
      name: 'digest',
      run: () => {
        throw new Error('boom');
      },
    };
    const scheduler = createScheduler({
      db: memoryDb(),
      config: testConfig(),
      calendar: WEEKENDS_ONLY,
      log,
      jobs: [job, failing],
      now: () => new Date('2026-11-27T02:30:00Z'),
    });
    await scheduler.catchUp();
    await scheduler.stop();
    const runLines = lines.filter((l) => l.msg !== 'job scheduled');
    expect(runLines.map((l) => l.msg)).toEqual(['inside the job', 'job ran', 'job failed; retrying the slot']);
    const [inside, ran, failed] = runLines;
    expect(inside).toMatchObject({ job: 'reminders', slot: '2026-11-27T01:00:00.000Z' });
    expect(typeof inside?.jobId).toBe('string');
    expect(ran?.jobId).toBe(inside?.jobId);
    expect(failed).toMatchObject({ job: 'digest' });
    expect(typeof failed?.jobId).toBe('string');
    expect(failed?.jobId).not.toBe(inside?.jobId);
  });
});
