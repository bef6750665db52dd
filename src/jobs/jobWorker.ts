// The job thread: runs scheduled job slots with its own connection to the database, so that a
// reminder or digest build over 250,000 items (hundreds of milliseconds of queries) and its wait
// for a lock another process holds never stall the main thread, which acknowledges Slack. One
// slot at a time, in the order the main thread sent them; exactly-once stays with runSlot
// (job_runs and the job's outbox rows in one transaction). See jobThread.ts.
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkerDatabase } from '../db/client.ts';
import { withLogContext } from '../logContext.ts';
import type { Job } from './job.ts';
import type { FromJobWorker, JobTask, JobWorkerData } from './jobTask.ts';
import { toWire } from './jobTask.ts';
import { runSlot, type SlotOutcome } from './runSlot.ts';

const port = parentPort;
if (!port) throw new Error('jobWorker.ts runs as a worker thread (see jobThread.ts)');
// Not niced like the read workers: a slot is due now, and on a machine loaded by other
// processes a niced thread was starved for seconds (the chaos run's restarts found the catch-up
// unfinished at the next kill). Its work is bounded and the main thread keeps its own core.
const data = workerData as JobWorkerData;
const { JOBS } = (await import(data.jobsModule)) as { JOBS: Record<string, Job> };
const db = openWorkerDatabase(data.config.DATABASE_PATH, data.busyTimeoutMs);
const send = (message: FromJobWorker) => port.postMessage(message);

function run(task: JobTask): SlotOutcome {
  const job = JOBS[task.job];
  if (!job) return { status: 'failed', error: new Error(`unknown job ${task.job}`) };
  const slot = new Date(task.slotMs);
  return runSlot(
    job,
    { db, now: slot, config: data.config, calendar: data.calendar },
    { startedAt: new Date(task.startedAtMs) },
  );
}

// WAL checkpoints happen here, off the main thread. SQLite runs one after any commit that leaves
// the WAL over wal_autocheckpoint pages, on the connection that committed: after a CLI import
// (tens of thousands of pages) that was the bot's next click, and while read workers held read
// snapshots the WAL stayed long, so click after click paid for copying pages back (stalls of
// 100–230 ms in the contention run). The main thread's threshold is raised (src/main.ts) and this
// thread copies what it can every few seconds; PASSIVE never waits for a lock or a reader.
const CHECKPOINT_EVERY_MS = 2_000;
const checkpoints = setInterval(() => {
  try {
    db.$client.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next tick tries again.
  }
}, CHECKPOINT_EVERY_MS);
checkpoints.unref();

port.on('message', (task: JobTask) => {
  const outcome = withLogContext(task.logFields, () => run(task));
  send({ kind: 'done', id: task.id, outcome: toWire(outcome) });
});
send({ kind: 'ready' });
