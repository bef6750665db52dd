// Answers can wait a few milliseconds; acks cannot (Slack gives 3 seconds, and a late ack is a
// failed command). On Linux, setpriority() on a thread id applies to that thread alone, so an
// read worker lowers its own priority and the main thread wins the CPU whenever both want it
// (measured: see the README's Benchmarks). Elsewhere this quietly does nothing.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Niceness added to the calling thread: 10 yields clearly, without starving the thread. */
export const COMMAND_THREAD_NICENESS = 10;
/**
 * App Home builders yield to answers too: a person waits for an answer, while a Home refreshed
 * a few seconds later is still fresh (see src/slack/homeRefresh.ts).
 */
export const HOME_THREAD_NICENESS = 15;

/** Returns the thread id whose priority was lowered, or undefined where that is not possible. */
export function lowerThisThreadPriority(niceness = COMMAND_THREAD_NICENESS): number | undefined {
  try {
    // "/proc/thread-self" -> "<pid>/task/<tid>"
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid)) return undefined;
    setPriority(tid, niceness);
    return tid;
  } catch {
    return undefined;
  }
}
