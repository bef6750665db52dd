// Issue 10 point 9: `stop` finishes within SHUTDOWN_BUDGET_MS (20 s) even while Slack never
// answers a post: the post is abandoned after a few seconds and its row stays claimable (not
// sent, not failed), then the database is closed. Before, the hung post alone took 30 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { closeDatabase, openDatabase } from '../../src/db/client.ts';
import { outbox } from '../../src/db/schema.ts';
import { createLogger } from '../../src/log.ts';
import { startBot } from '../../src/main.ts';
import { enqueue } from '../../src/store/outbox.ts';
import { claimRow } from '../../src/store/outboxQueue.ts';
import { type StandIn, startSlackStandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

let standIn: StandIn;
let dir: string;
beforeAll(async () => {
  standIn = await startSlackStandIn();
  dir = mkdtempSync(join(tmpdir(), 'reform-shutdown-'));
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('shutdown with a post Slack never answers', { timeout: 90_000 }, () => {
  it('stop() resolves within the budget and the message stays claimable', async () => {
    const dbPath = join(dir, 'bot.db');
    const seed = openDatabase(dbPath);
    enqueue(
      seed,
      { idempotencyKey: 'hung', kind: 'test', target: 'C1', payload: { text: 'never answered' } },
      new Date(),
    );
    closeDatabase(seed);
    // The stand-in takes the request and never answers it (a hung connection to Slack).
    standIn.on('chat.postMessage', () => new Promise(() => {}));
    const config = parseConfig({
      DATABASE_PATH: dbPath,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standIn.url,
      PORT: '0',
      READ_WORKERS: '0',
      CATCH_UP_HOURS: '0',
    });
    expect(config.SHUTDOWN_BUDGET_MS).toBe(20_000);
    const running = await startBot(config, createLogger({ level: 'silent' }));
    await standIn.waitFor('chat.postMessage', (c) => c.args.text === 'never answered', 10_000);

    const started = performance.now();
    await running.stop();
    const tookMs = performance.now() - started;
    expect(tookMs).toBeLessThan(config.SHUTDOWN_BUDGET_MS);

    const db = openDatabase(dbPath);
    try {
      const row = db.select().from(outbox).all()[0];
      expect(row).toMatchObject({ state: 'pending', sentTs: null, attempts: 1 });
      expect(row?.lastError).toMatch(/interrupted by shutdown/);
      // Claimable at once by the next start (or `reform-bot run`).
      expect(claimRow(db, row?.id as number, new Date())).toBe(true);
    } finally {
      closeDatabase(db);
    }
  });
});
