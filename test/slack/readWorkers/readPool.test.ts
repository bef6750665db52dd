// The read pool's promises: a task given back when its worker dies before posting (the caller
// answers it), never given back once posting began (no second answer), a dead worker replaced,
// one that cannot start given up, and no Slack secret handed to a worker. Real worker threads;
// the misbehaving ones are small eval'd scripts.
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config.ts';
import { WEEKENDS_ONLY } from '../../../src/domain/workdays.ts';
import { createLogger } from '../../../src/log.ts';
import {
  type ReadPool,
  type ReadWorkerData,
  ReadWorkerError,
  startReadPool,
} from '../../../src/slack/readWorkers/readPool.ts';
import type { CommandTask } from '../../../src/slack/readWorkers/readWorkerMessages.ts';

const TASK: CommandTask = {
  command: { kind: 'help' },
  userId: 'U1',
  locale: 'en',
  nowMs: 0,
  responseUrl: 'http://127.0.0.1:9/x',
  logFields: {},
};

/** A worker that says it is ready (or not) and then does what `onTask` says with each task. */
function scripted(onTask: string, ready = true): Worker {
  return new Worker(
    `const { parentPort } = require('node:worker_threads');
     ${ready ? "parentPort.postMessage({ id: 0, kind: 'ready' });" : 'process.exit(7);'}
     parentPort.on('message', ({ id }) => { ${onTask} });`,
    { eval: true },
  );
}

const log = createLogger({ level: 'silent' });
const data = (config = parseConfig({ DATABASE_PATH: '/nonexistent.db', LOG_LEVEL: 'silent' })): ReadWorkerData => ({
  config,
  calendar: WEEKENDS_ONLY,
});
let pool: ReadPool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

async function rejection(promise: Promise<unknown>): Promise<ReadWorkerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadWorkerError);
  return error as ReadWorkerError;
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
};

describe('read pool', () => {
  it('resolves when the worker reports the answer posted', async () => {
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () =>
        scripted("parentPort.postMessage({ id, kind: 'posting' }); parentPort.postMessage({ id, kind: 'done' });"),
    });
    await expect(pool.answerCommand(TASK)).resolves.toBeUndefined();
  });

  it('gives a task back when its worker dies before posting, and starts another worker', async () => {
    let spawned = 0;
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () => {
        spawned++;
        return scripted('process.exit(3);');
      },
    });
    await until(() => pool?.available() === 1);
    const error = await rejection(pool.answerCommand(TASK));
    expect(error).toMatchObject({ workerGone: true, mayHavePosted: false });
    await until(() => spawned === 2);
  });

  it('does not give a task back once its worker began posting: that answer may be in Slack already', async () => {
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () => scripted("parentPort.postMessage({ id, kind: 'posting' }); setTimeout(() => process.exit(3), 20);"),
    });
    const error = await rejection(pool.answerCommand(TASK));
    expect(error).toMatchObject({ workerGone: true, mayHavePosted: true });
  });

  it("passes on the worker's own failure with its stack, saying whether the post was tried", async () => {
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () =>
        scripted(
          "parentPort.postMessage({ id, kind: 'failed', error: 'no such table: items', stack: 'Error: no such table: items\\n    at findItem', posted: false });",
        ),
    });
    const error = await rejection(pool.answerCommand(TASK));
    expect(error).toMatchObject({ workerGone: false, mayHavePosted: false, message: 'no such table: items' });
    expect(error.workerStack).toContain('at findItem');
  });

  it('gives up a worker that cannot start: every task is handed back at once', async () => {
    let spawned = 0;
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () => {
        spawned++;
        return scripted('', false);
      },
    });
    // A task sent while it was starting comes back when it exits.
    expect(await rejection(pool.answerCommand(TASK))).toMatchObject({ workerGone: true, mayHavePosted: false });
    expect((await rejection(pool.answerCommand(TASK))).message).toBe('no read worker available');
    expect(pool.available()).toBe(0);
    expect(spawned).toBe(1);
  });

  it('gives up a worker that keeps dying (3 times within a minute)', async () => {
    let spawned = 0;
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () => {
        spawned++;
        return scripted('process.exit(3);');
      },
    });
    for (let death = 1; death <= 3; death++) {
      await until(() => pool?.available() === 1);
      await rejection(pool.answerCommand(TASK));
    }
    await new Promise((r) => setTimeout(r, 100));
    expect(spawned).toBe(3);
    expect((await rejection(pool.answerCommand(TASK))).message).toBe('no read worker available');
  });

  it('close() hands pending tasks back and refuses new ones', async () => {
    pool = startReadPool({ size: 2, data: data(), log, spawn: () => scripted('/* never answers */') });
    const pending = rejection(pool.answerCommand(TASK));
    await pool.close(50);
    expect(await pending).toMatchObject({ workerGone: true, mayHavePosted: false });
    expect((await rejection(pool.answerCommand(TASK))).message).toBe('no read worker available');
  });

  it('close() first lets the workers finish what they were given (within its grace)', async () => {
    pool = startReadPool({
      size: 1,
      data: data(),
      log,
      spawn: () => scripted("setTimeout(() => parentPort.postMessage({ id, kind: 'done' }), 100);"),
    });
    await until(() => pool?.available() === 1);
    const answered = pool.answerCommand(TASK);
    await pool.close(5000);
    await expect(answered).resolves.toBeUndefined();
  });

  it('never hands a worker the Slack token, signing secret or app token', async () => {
    const seen: ReadWorkerData[] = [];
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-secret',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_APP_TOKEN: 'xapp-secret',
    });
    pool = startReadPool({
      size: 1,
      data: data(config),
      log,
      spawn: (d) => {
        seen.push(d);
        return scripted('');
      },
    });
    expect(seen).toHaveLength(1);
    expect(JSON.stringify(seen[0])).not.toMatch(/xoxb-secret|shh|xapp-secret/);
    expect(seen[0]?.config.REFORM_TZ).toBe('Asia/Shanghai');
  });
});
