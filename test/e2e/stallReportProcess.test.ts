// The real process with REFORM_STALL_REPORT set (the contention run's stall figure): the bot
// writes its event-loop figures to that file when it starts measuring, and once more when it
// stops on SIGTERM (the first write's `until` equals `since`; only a later one can pass it).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StallFigures } from '../../src/stallReport.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';

const BIN = resolve(import.meta.dirname, '../../bin/reform-bot.js');

let dir: string;
let standIn: StandIn;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reform-bot-stall-'));
  standIn = await startSlackStandIn();
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function startAndStop(extra: Record<string, string>): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, 'start'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DATABASE_PATH: join(dir, 'bot.db'),
      SLACK_BOT_TOKEN: 'xoxb-stall-test',
      SLACK_SIGNING_SECRET: 'stall-secret',
      SLACK_API_URL: standIn.url,
      PORT: '0',
      ...extra,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const until = Date.now() + 15_000;
  while (!stderr.includes('"msg":"reform-bot started"') && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGTERM');
  return exit;
}

describe('REFORM_STALL_REPORT', () => {
  it('makes the bot write its event-loop figures, last at stop', { timeout: 30_000 }, async () => {
    const file = join(dir, 'stalls.json');
    const before = Date.now();
    expect(await startAndStop({ REFORM_STALL_REPORT: file })).toBe(0);
    const figures = JSON.parse(readFileSync(file, 'utf8')) as StallFigures;
    expect(figures.since).toBeGreaterThanOrEqual(before);
    expect(figures.until).toBeGreaterThan(figures.since);
    expect(typeof figures.maxMs).toBe('number');
    expect(Array.isArray(figures.stalls)).toBe(true);
  });
});
