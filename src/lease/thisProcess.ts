// The lease's edges to the operating system: who we are, and whether a pid still runs here.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

export function thisHost(): string {
  return hostname();
}

/** A fresh id per process start: a restarted bot with a reused pid is still a different holder. */
export function newInstanceId(): string {
  return randomUUID();
}

/**
 * Signal 0 checks that a process exists without touching it. EPERM means it exists but belongs
 * to another user, which is still a running holder.
 */
export function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
