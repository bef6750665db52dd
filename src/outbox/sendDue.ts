// What `reform-bot run` does after the job: send what is due, waiting out short delays within a
// bounded total, and say what happened to each message that did not go out.
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import type { Logger } from '../log.ts';
import type { PostMessage } from '../slackApi/slackPoster.ts';
import { getOutboxRow, type OutboxRow } from '../store/outboxQueue.ts';
import { createDispatcher, type DrainReport, type Sleep } from './dispatcher.ts';

export interface SendDueOptions {
  db: Db;
  post: PostMessage;
  log: Logger;
  defaultLocale: Locale;
  budgetMs: number;
  now?: () => Date;
  sleep?: Sleep;
}

export interface SendDueReport extends DrainReport {
  /** Rows that failed during this dispatch (admins were told). */
  newlyFailed: OutboxRow[];
}

export async function sendDue(options: SendDueOptions): Promise<SendDueReport> {
  const { db } = options;
  const failedBefore = new Set(
    db.$client.prepare(`select id from outbox where state = 'failed'`).pluck().all() as number[],
  );
  const dispatcher = createDispatcher({
    db,
    post: options.post,
    log: options.log,
    defaultLocale: options.defaultLocale,
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
  });
  const report = await dispatcher.drain(options.budgetMs);
  const failedNow = db.$client
    .prepare(`select id from outbox where state = 'failed' order by id`)
    .pluck()
    .all() as number[];
  const newlyFailed = failedNow.filter((id) => !failedBefore.has(id)).flatMap((id) => getOutboxRow(db, id) ?? []);
  return { ...report, newlyFailed };
}
