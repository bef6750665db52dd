// Where a scheduled job's work lands, measured: the reminders and digest slots of a 250,000-item
// ledger run once on the main thread (as it ran before the job thread) and once on the job thread (the bot
// now), while the main thread's event-loop delay is recorded (what an acknowledgement waiting
// behind the job would have waited). Each on a fresh copy of the same synthetic ledger.
//
//   node --import tsx bench/jobThread.ts [items]      (default 250,000)
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseConfig } from '../src/config.ts';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { CN_CALENDAR } from '../src/domain/calendars/cn.ts';
import { startJobThread } from '../src/jobs/jobThread.ts';
import { JOBS } from '../src/jobs/registry.ts';
import type { SlotRunner } from '../src/jobs/slotRunner.ts';
import { runSlotsHere } from '../src/jobs/slotRunner.ts';
import { createLogger } from '../src/log.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';

const items = Number(process.argv[2] ?? 250_000);
const dir = mkdtempSync(join(tmpdir(), 'reform-job-thread-'));
const template = join(dir, 'ledger.db');
writeSyntheticLedger(template, { plans: Math.max(1, Math.round(items / 25)), items, around: '2026-11-27' });
// Monday 2026-11-30 09:00 in Shanghai: both the reminders and the digest are due.
const slot = new Date('2026-11-30T01:00:00Z');
const log = createLogger({ level: 'silent' });

async function measure(label: string, makeRunner: (path: string) => { run: SlotRunner; close(): Promise<void> }) {
  const path = join(dir, `${label}.db`);
  copyFileSync(template, path);
  const { run, close } = makeRunner(path);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the thread has started
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 20));
  const started = performance.now();
  const outcomes = [await run(JOBS.reminders, slot, slot), await run(JOBS.digest, slot, slot)];
  const ms = performance.now() - started;
  // Let the delay monitor's timer fire once after the work: a block is recorded when it ends.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  await close();
  const statuses = outcomes.map((o) => o.status).join(', ');
  process.stdout.write(
    `${label}: reminders + digest ${ms.toFixed(0)} ms (${statuses}); main thread's longest event-loop delay ${(delay.max / 1e6).toFixed(0)} ms\n`,
  );
}

try {
  await measure('main thread', (path) => {
    const db = openDatabase(path);
    const config = parseConfig({ DATABASE_PATH: path });
    return { run: runSlotsHere({ db, config, calendar: CN_CALENDAR }), close: async () => closeDatabase(db) };
  });
  await measure('job thread', (path) => {
    const db = openDatabase(path);
    const config = parseConfig({ DATABASE_PATH: path });
    const thread = startJobThread({
      config,
      calendar: CN_CALENDAR,
      log,
      fallback: runSlotsHere({ db, config, calendar: CN_CALENDAR }),
    });
    return {
      run: thread.run,
      close: async () => {
        await thread.close();
        closeDatabase(db);
      },
    };
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
