// The short chaos run, as CI runs it inside `npm test`: about a minute of SIGKILLs and restarts of
// the real bot process, on a fast clock, against a Slack stand-in failing 20% of calls (see
// chaos/run.ts). The run checks itself; here its JSON summary is held to the terms.
// The full run (`npm run chaos`, 20+ kills, under 5 minutes) is a script, not part of the tests.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChaosSummary } from '../../chaos/report.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function runShortChaos(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'chaos/run.ts', '--short', '--json'], {
      cwd: ROOT,
      env: { ...process.env, CHAOS_SECONDS: process.env.CHAOS_SECONDS ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += String(c)));
    child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('chaos run, short form', () => {
  it('kills the bot again and again; nothing is lost, nothing doubled without a kill to explain it, the database intact', {
    timeout: 240_000,
  }, async () => {
    const run = await runShortChaos();
    // The human-readable table, for whoever reads a failed CI log.
    if (run.code !== 0) process.stderr.write(run.stderr);
    const summary = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as ChaosSummary;
    expect(summary.messages.expected).toBeGreaterThan(100);
    expect(summary.messages.lost).toBe(0);
    expect(summary.messages.delivered).toBe(summary.messages.expected);
    expect(summary.messages.doubledUnexplained).toBe(0);
    expect(summary.messages.failed).toBe(0);
    expect(summary.messages.repliesOutsideThread).toBe(0);
    expect(summary.messages.unknownDeliveries).toBe(0);
    expect(summary.integrity).toBe('ok');
    expect(summary.foreignKeyProblems).toBe(0);
    expect(summary.slots.reduce((n, s) => n + s.missed, 0)).toBe(0);
    // A minute holds about ten kills on this kind of machine (a restart takes seconds); the full
    // run does at least twenty.
    expect(summary.kills.total).toBeGreaterThanOrEqual(10);
    expect(summary.botExitsByItself).toEqual([]);
    expect(summary.problems).toEqual([]);
    expect(run.code).toBe(0);
  });
});
