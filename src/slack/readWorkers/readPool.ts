// Read workers, seen from the main thread: threads that build what only reads the ledger (the
// answers of read-only /reform subcommands, App Home views). Node runs a listener's work after
// ack() on the same thread that reads and acknowledges the next request; a read-only answer costs
// about 2 ms of CPU (ledger queries, blocks, the response_url post), and under a burst of lookups
// the acks of the requests behind it waited for that. The pool hands those answers to worker threads
// (READ_WORKERS), each with its own read-only connection to the same SQLite file (WAL lets it
// read while the main thread writes), so the main thread only acknowledges and routes.
//
// Nothing is answered twice and nothing is dropped: a worker that dies before it starts posting
// gives its tasks back (`ReadWorkerError.mayHavePosted === false`, the caller answers on the
// main thread); one that dies while posting may have reached Slack, so that answer is not sent
// again. A worker that dies is replaced; one that cannot start, or dies too often, is given up,
// and answers are built on the main thread again.
import type { Worker } from 'node:worker_threads';
import type { Config } from '../../config.ts';
import type { WorkCalendar } from '../../domain/workdays.ts';
import type { Logger } from '../../log.ts';
import { entryModuleUrl } from '../../runtimePaths.ts';
import { spawnTsWorker } from '../../workers/spawnTsWorker.ts';
import type { HomeBuildTask } from '../homeBuild.ts';
import type { CommandTask, FromWorker, ToWorker } from './readWorkerMessages.ts';

/** What every worker gets at start (structured clone): it opens config.DATABASE_PATH and logs at config.LOG_LEVEL. No Slack token: answers need none. */
export interface ReadWorkerData {
  config: Config;
  calendar: WorkCalendar;
  /** Niceness the worker adds to its own thread (default COMMAND_THREAD_NICENESS). */
  niceness?: number;
}

export class ReadWorkerError extends Error {
  constructor(
    message: string,
    /** The answer may have reached Slack: do not send it again. */
    readonly mayHavePosted: boolean,
    /** The worker went away (or none is available): the task itself did not fail. */
    readonly workerGone: boolean,
    readonly workerStack?: string,
  ) {
    super(message);
    this.name = 'ReadWorkerError';
  }
}

interface Pending {
  resolve: (value?: unknown) => void;
  reject: (error: ReadWorkerError) => void;
  posting: boolean;
}

interface Slot {
  worker?: Worker;
  ready: boolean;
  pending: Map<number, Pending>;
  /** Exit times of the workers this slot lost, to stop replacing one that keeps dying. */
  deaths: number[];
  givenUp: boolean;
}

/** A slot whose worker died this often within DEATH_WINDOW_MS is given up. */
const MAX_DEATHS = 3;
const DEATH_WINDOW_MS = 60_000;

export interface ReadPoolOptions {
  size: number;
  data: ReadWorkerData;
  log: Logger;
  /** Tests start other modules (a worker that crashes) through this. */
  spawn?: (data: ReadWorkerData) => Worker;
}

export interface ReadPool {
  /** Resolves once the answer was posted; rejects with ReadWorkerError. */
  answerCommand(task: CommandTask): Promise<void>;
  /** Resolves with the App Home view the worker built, as JSON text (nothing is posted); rejects with ReadWorkerError. */
  buildHome(task: HomeBuildTask): Promise<string>;
  /** Workers started and able to take tasks. */
  available(): number;
  /**
   * Stops taking tasks, waits up to `graceMs` for those handed over to be answered, then
   * terminates the workers; tasks still pending then are given back (workerGone).
   */
  close(graceMs?: number): Promise<void>;
}

const WORKER_MODULE = entryModuleUrl('slack/readWorkers/readWorker');

/** The worker never needs Slack's secrets: keep them out of its memory altogether. */
function withoutSecrets(config: Config): Config {
  return { ...config, SLACK_BOT_TOKEN: undefined, SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: undefined };
}

export function startReadPool(options: ReadPoolOptions): ReadPool {
  const spawn = options.spawn ?? ((data: ReadWorkerData) => spawnTsWorker(WORKER_MODULE, data));
  const data = { ...options.data, config: withoutSecrets(options.data.config) };
  const slots: Slot[] = Array.from({ length: options.size }, () => ({
    ready: false,
    pending: new Map(),
    deaths: [],
    givenUp: false,
  }));
  let nextId = 1;
  let closing = false;

  function giveBack(slot: Slot, reason: string): void {
    for (const [id, pending] of slot.pending) {
      slot.pending.delete(id);
      pending.reject(new ReadWorkerError(reason, pending.posting, true));
    }
  }

  function start(slot: Slot): void {
    const worker = spawn(data);
    slot.worker = worker;
    slot.ready = false;
    worker.on('message', (message: FromWorker) => {
      if (message.kind === 'ready') {
        slot.ready = true;
        return;
      }
      const pending = slot.pending.get(message.id);
      if (!pending) return;
      if (message.kind === 'posting') {
        pending.posting = true;
        return;
      }
      slot.pending.delete(message.id);
      if (message.kind === 'done') pending.resolve();
      else if (message.kind === 'built') pending.resolve(message.view);
      else pending.reject(new ReadWorkerError(message.error, message.posted, false, message.stack));
    });
    worker.on('error', (error) => {
      options.log.error({ err: error.message, stack: error.stack }, 'read worker failed');
    });
    worker.on('exit', (code) => {
      if (slot.worker !== worker) return;
      slot.worker = undefined;
      const wasReady = slot.ready;
      slot.ready = false;
      giveBack(slot, `read worker exited (code ${code})`);
      if (closing) return;
      const now = performance.now();
      slot.deaths = [...slot.deaths.filter((t) => now - t < DEATH_WINDOW_MS), now];
      if (!wasReady || slot.deaths.length >= MAX_DEATHS) {
        slot.givenUp = true;
        options.log.error({ code, started: wasReady }, 'read worker given up: answers are built on the main thread');
        return;
      }
      options.log.warn({ code }, 'read worker exited; starting another');
      start(slot);
    });
  }

  for (const slot of slots) start(slot);

  /** The least busy slot with a worker (one still starting queues its tasks until it is ready). */
  function pick(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of slots) {
      if (!slot.worker || slot.givenUp) continue;
      if (!best || slot.pending.size < best.pending.size) best = slot;
    }
    return best;
  }

  function hand(message: { task: CommandTask } | { home: HomeBuildTask }): Promise<unknown> {
    const slot = closing ? undefined : pick();
    if (!slot?.worker) return Promise.reject(new ReadWorkerError('no read worker available', false, true));
    const id = nextId++;
    const worker = slot.worker;
    return new Promise<unknown>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject, posting: false });
      worker.postMessage({ id, ...message } satisfies ToWorker);
    });
  }

  return {
    answerCommand: (task) => hand({ task }).then(() => undefined),
    buildHome: (home) => hand({ home }) as Promise<string>,
    available: () => slots.filter((s) => s.worker && s.ready && !s.givenUp).length,
    async close(graceMs = 10_000) {
      closing = true;
      // Polled rather than tracked per task: nothing extra on the path of every answer.
      const deadline = performance.now() + graceMs;
      while (slots.some((slot) => slot.worker && slot.pending.size > 0) && performance.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(
        slots.map(async (slot) => {
          const worker = slot.worker;
          slot.worker = undefined;
          giveBack(slot, 'read workers closed');
          if (worker) await worker.terminate();
        }),
      );
    },
  };
}
