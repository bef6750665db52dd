// The job thread, seen from the main thread. A scheduled job's build at national scale (a
// reminder or digest over 250,000 items: hundreds of milliseconds of queries) used to run on the
// thread that acknowledges Slack, and so did its wait for a database another process was
// writing. The slots now run in one worker thread (jobWorker.ts) with its own connection, whose
// busy_timeout (JOB_BUSY_TIMEOUT_MS) may be long since that thread acknowledges nothing; the
// main thread only sends (job, slot, start) and gets the outcome back.
//
// The worker needs no Slack secret (the outbox dispatcher on the main thread sends), so it gets
// none. The slot and its start come from the main thread's clock, so a FAST_CLOCK run agrees
// on the time. A worker that dies mid-slot reports the slot failed: its transaction either
// committed (job_runs has the slot, and the retry skips it) or did not (the retry runs it).
// A worker that cannot start is given up and slots run on the main thread again.
import type { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { Logger } from '../log.ts';
import { currentLogFields } from '../logContext.ts';
import { entryModuleUrl } from '../runtimePaths.ts';
import { spawnTsWorker } from '../workers/spawnTsWorker.ts';
import { type FromJobWorker, fromWire, type JobWorkerData } from './jobTask.ts';
import type { SlotOutcome } from './runSlot.ts';
import type { SlotRunner } from './slotRunner.ts';

/**
 * How long one statement of the job thread waits for the write lock before the slot fails and
 * is retried later (slotRetry.ts): longer than a CLI command may hold it (CLI_WRITE_LOCK_BUDGET_MS),
 * bounded so a stuck lock does not hold the thread for good.
 */
const JOB_BUSY_TIMEOUT_MS = 10_000;

const WORKER_MODULE = entryModuleUrl('jobs/jobWorker');
const REGISTRY_MODULE = entryModuleUrl('jobs/registry').href;

export interface JobThreadOptions {
  config: Config;
  calendar: WorkCalendar;
  log: Logger;
  /** Runs the slots once the thread is given up (it could not start). */
  fallback: SlotRunner;
  /** Tests run their own jobs (a module exporting `JOBS`); default: registry.ts. */
  jobsModule?: string;
  busyTimeoutMs?: number;
  spawn?: (data: JobWorkerData) => Worker;
}

export interface JobThread {
  run: SlotRunner;
  /** Waits up to `graceMs` for the slot in progress, then ends the thread; what is left reports failed. */
  close(graceMs?: number): Promise<void>;
}

function withoutSecrets(config: Config): Config {
  return { ...config, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: undefined };
}

const failed = (message: string): SlotOutcome => ({ status: 'failed', error: new Error(message) });

export function startJobThread(options: JobThreadOptions): JobThread {
  const log = options.log.child({ component: 'job-thread' });
  const data: JobWorkerData = {
    config: withoutSecrets(options.config),
    calendar: options.calendar,
    jobsModule: options.jobsModule ?? REGISTRY_MODULE,
    busyTimeoutMs: options.busyTimeoutMs ?? JOB_BUSY_TIMEOUT_MS,
  };
  const spawn = options.spawn ?? ((d: JobWorkerData) => spawnTsWorker(WORKER_MODULE, d));
  const pending = new Map<number, (outcome: SlotOutcome) => void>();
  let worker: Worker | undefined;
  let givenUp = false;
  let closing = false;
  let nextId = 1;

  function settleAll(message: string): void {
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve(failed(message));
    }
  }

  function start(): Worker {
    const started = spawn(data);
    let ready = false;
    started.on('message', (message: FromJobWorker) => {
      if (message.kind === 'ready') {
        ready = true;
        return;
      }
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(fromWire(message.outcome));
    });
    started.on('error', (error) => log.error({ err: error.message, stack: error.stack }, 'job thread failed'));
    started.on('exit', (code) => {
      if (worker !== started) return;
      worker = undefined;
      settleAll(`job thread exited (code ${code})`);
      if (closing) return;
      if (!ready) {
        givenUp = true;
        log.error({ code }, 'job thread could not start: jobs run on the main thread');
      } else {
        log.warn({ code }, 'job thread exited; the next slot starts another');
      }
    });
    return started;
  }

  worker = start();

  return {
    run(job, slot, startedAt) {
      if (closing) return Promise.resolve(failed('job thread closed'));
      if (givenUp) return options.fallback(job, slot, startedAt);
      worker ??= start();
      const target = worker;
      const id = nextId++;
      return new Promise<SlotOutcome>((resolve) => {
        pending.set(id, resolve);
        target.postMessage({
          id,
          job: job.name,
          slotMs: slot.getTime(),
          startedAtMs: startedAt.getTime(),
          logFields: { ...currentLogFields() },
        });
      });
    },
    async close(graceMs = 10_000) {
      closing = true;
      const deadline = performance.now() + graceMs;
      while (pending.size > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      const ending = worker;
      worker = undefined;
      settleAll('job thread closed');
      if (ending) await ending.terminate();
    },
  };
}
