// What the main thread sends the job thread, and what comes back. Plain data only: it crosses a
// MessagePort by structured clone, so an outcome's error travels as its message, code and stack.
import type { Config } from '../config.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { LogFields } from '../logContext.ts';
import type { SlotOutcome } from './runSlot.ts';

/** What the job thread gets at start: no Slack secret (the outbox dispatcher on the main thread sends). */
export interface JobWorkerData {
  config: Config;
  calendar: WorkCalendar;
  /** The module whose `JOBS` record the thread runs (registry.ts; tests give their own). */
  jobsModule: string;
  busyTimeoutMs: number;
}

export interface JobTask {
  id: number;
  job: string;
  /** The slot (the job's "now") and when the run starts, both on the main thread's clock (FAST_CLOCK included). */
  slotMs: number;
  startedAtMs: number;
  logFields: LogFields;
}

interface WireError {
  message: string;
  name?: string;
  code?: string;
  stack?: string;
}

export type WireOutcome = Exclude<SlotOutcome, { status: 'failed' }> | { status: 'failed'; error: WireError };

export type FromJobWorker = { kind: 'ready' } | { kind: 'done'; id: number; outcome: WireOutcome };

export function toWire(outcome: SlotOutcome): WireOutcome {
  if (outcome.status !== 'failed') return outcome;
  const { message, name, stack } = outcome.error;
  const code = (outcome.error as { code?: unknown }).code;
  return { status: 'failed', error: { message, name, stack, ...(typeof code === 'string' ? { code } : {}) } };
}

export function fromWire(outcome: WireOutcome): SlotOutcome {
  if (outcome.status !== 'failed') return outcome;
  const error = Object.assign(new Error(outcome.error.message), { code: outcome.error.code });
  if (outcome.error.name) error.name = outcome.error.name;
  if (outcome.error.stack) error.stack = outcome.error.stack;
  return { status: 'failed', error };
}
