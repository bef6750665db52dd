// Who a log line is about, without passing a logger around: the Slack request or the scheduled
// job being handled is kept in AsyncLocalStorage, and the logger's mixin (src/log.ts) copies its
// fields into EVERY line written meanwhile, by our code, Bolt or the Web API client, however
// deep in the call chain and across awaits.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/** Fields printed on every line: requestId (+ slackId, kind, name, userId) or jobId (+ job, slot). */
export type LogFields = Record<string, string | number | undefined>;

const storage = new AsyncLocalStorage<LogFields>();

const ID_BYTES = 6;
// One getrandom call per 1,024 ids instead of one per request: ids are made on every ack's path.
let randomPool = Buffer.alloc(0);
let poolOffset = 0;

/** Short, random, unique enough to grep a day of logs: 8 url-safe characters. */
export function newLogId(): string {
  if (poolOffset + ID_BYTES > randomPool.length) {
    randomPool = randomBytes(ID_BYTES * 1024);
    poolOffset = 0;
  }
  poolOffset += ID_BYTES;
  return randomPool.toString('base64url', poolOffset - ID_BYTES, poolOffset);
}

/** The fields of the request or job being handled now (the live object: add to it, never replace). */
export function currentLogFields(): LogFields | undefined {
  return storage.getStore();
}

/** A copy for one log line (pino merges into what the mixin returns). */
export function logFieldsForLine(): LogFields {
  const fields = storage.getStore();
  return fields ? { ...fields } : {};
}

/** Runs fn with `fields` on every line it logs, including after awaits and in callbacks it schedules. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return storage.run(fields, fn);
}

/**
 * For the scheduler: every line a job run writes carries `jobId` (new per run), `job` and `slot`
 * (the scheduled instant it runs for), e.g. `withJobLog('digest', slot, () => runDigest(now))`.
 */
export function withJobLog<T>(jobName: string, slot: string | Date, fn: () => T): T {
  return withLogContext(
    { jobId: newLogId(), job: jobName, slot: typeof slot === 'string' ? slot : slot.toISOString() },
    fn,
  );
}
