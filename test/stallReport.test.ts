// The opt-in stall report (REFORM_STALL_REPORT): a loop blocked for 300 ms is recorded as a stall
// of about that length, with the wall-clock instant it ended, and the file is written at stop.
// The assertions are lower bounds on a stall the test itself causes: a loaded machine can only
// make the measured stall longer, never shorter.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { noteTick, STALL_NOTE_MS, type StallFigures, startStallReport } from '../src/stallReport.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // busy: the event loop cannot run
  }
}

describe('stall report', () => {
  it('records a blocked event loop as a stall and writes it to the file at stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stall-report-'));
    dirs.push(dir);
    const file = join(dir, 'stalls.json');
    const report = startStallReport(file, { tickMs: 10, writeEveryMs: 60_000 });
    await sleep(50);
    const before = Date.now();
    blockFor(300);
    await sleep(50);
    report.stop();
    const written = JSON.parse(readFileSync(file, 'utf8')) as StallFigures;
    expect(written.maxMs).toBeGreaterThanOrEqual(250);
    const stall = written.stalls.find((s) => s.ms >= 250);
    expect(stall?.at).toBeGreaterThanOrEqual(before);
    expect(written.delay.max).toBeGreaterThanOrEqual(250);
    expect(written.until).toBeGreaterThanOrEqual(written.since);
  });

  it('notes only stalls worth noting, and keeps the longest when the list is full', () => {
    expect(noteTick([], { at: 1, ms: STALL_NOTE_MS - 1 })).toEqual([]);
    let stalls = noteTick([], { at: 1, ms: 900 });
    for (let i = 0; i < 600; i++) stalls = noteTick(stalls, { at: 2 + i, ms: STALL_NOTE_MS + (i % 7) });
    expect(stalls).toHaveLength(500);
    expect(stalls[0]).toEqual({ at: 1, ms: 900 });
  });
});
