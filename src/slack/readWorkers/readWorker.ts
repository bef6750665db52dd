// A read worker: a thread with its own read-only connection to the ledger that builds the
// answers of read-only /reform subcommands and posts them to their response_url, and builds App
// Home views for the main thread to publish. The main thread
// only acknowledges and hands the task over, so a burst of lookups cannot delay the next
// request's ack (Slack allows 3 seconds; see readPool.ts).
import { parentPort, workerData } from 'node:worker_threads';
import { openReadOnlyDatabase } from '../../db/client.ts';
import { translator } from '../../i18n/index.ts';
import { createLogger } from '../../log.ts';
import { withLogContext } from '../../logContext.ts';
import type { SlackDeps } from '../deps.ts';
import { buildHomeView, type HomeBuildTask } from '../homeBuild.ts';
import { readOnlyAnswer } from '../listeners/commands/readOnly.ts';
import { postEphemeral } from '../postResponse.ts';
import type { ReadWorkerData } from './readPool.ts';
import type { CommandTask, FromWorker, ToWorker } from './readWorkerMessages.ts';
import { lowerThisThreadPriority } from './threadPriority.ts';

const port = parentPort;
if (!port) throw new Error('readWorker.ts runs as a worker thread (see readPool.ts)');
const data = workerData as ReadWorkerData;
lowerThisThreadPriority(data.niceness);
const db = openReadOnlyDatabase(data.config.DATABASE_PATH);
const log = createLogger({ level: data.config.LOG_LEVEL });
const send = (message: FromWorker) => port.postMessage(message);

async function handle({ id, task }: { id: number; task: CommandTask }): Promise<void> {
  let posting = false;
  try {
    const deps: SlackDeps = { config: data.config, db, log, calendar: data.calendar, now: () => new Date(task.nowMs) };
    const message = readOnlyAnswer(
      { deps, userId: task.userId, locale: task.locale, t: translator(task.locale) },
      task.command,
    );
    posting = true;
    send({ id, kind: 'posting' });
    await postEphemeral(task.responseUrl, message);
    send({ id, kind: 'done' });
  } catch (error) {
    const err = error as Error;
    send({ id, kind: 'failed', error: err.message, stack: err.stack, posted: posting });
  }
}

/** An App Home: built here, published by the main thread (Slack's token never enters a worker). */
function buildHome(id: number, task: HomeBuildTask): void {
  try {
    // As JSON text: one flat string crosses to the main thread and goes to Slack as it is, where a
    // view object would be cloned, then serialised again there (the main thread's time).
    send({
      id,
      kind: 'built',
      view: JSON.stringify(buildHomeView({ db, config: data.config, calendar: data.calendar }, task)),
    });
  } catch (error) {
    const err = error as Error;
    send({ id, kind: 'failed', error: err.message, stack: err.stack, posted: false });
  }
}

// One build per turn of the event loop. Messages from the main thread arrive in batches, and
// building them back to back left no turn for the sockets: under a burst, answers already built
// waited for their response_url replies behind later builds until their posts timed out (the
// contention run: 509 of them). Between two builds the loop now reads what the network brought.
const queue: ToWorker[] = [];
let pumping = false;

function pump(): void {
  const message = queue.shift();
  if (!message) {
    pumping = false;
    return;
  }
  if ('home' in message) buildHome(message.id, message.home);
  else void withLogContext(message.task.logFields, () => handle(message));
  setImmediate(pump);
}

port.on('message', (message: ToWorker) => {
  queue.push(message);
  if (!pumping) {
    pumping = true;
    setImmediate(pump);
  }
});
send({ id: 0, kind: 'ready' });
