// Replays every payload of test/fixtures/slack-payloads/ (real shapes from Slack's documentation
// and the official SDKs' tests, adapted only in ids; sources in that folder's README) signed at
// the running bot, each against a fresh seeded office: Slack gets its 200 within its 3 s deadline,
// nothing is logged as an error or as unhandled, and where a person waits they are answered.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { centralPlans, itemEvidenceFiles, items } from '../../src/db/schema.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { createRound } from '../../src/store/rounds.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { postEvent, postInteraction, postSigned, type SlackHttpResult } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const CORPUS = join(import.meta.dirname, '../fixtures/slack-payloads');
/** Slack's deadline for the HTTP acknowledgement. */
const ACK_DEADLINE_MS = 3000;

/** What a person (or Slack) is waiting for after the acknowledgement. */
type Answer =
  /** A post on the payload's response_url (ephemeral reply or in-place update). */
  | 'response_url'
  | 'views.open'
  | 'views.update'
  | 'views.publish'
  /** The answer is in the acknowledgement itself: external-select options. */
  | 'ack-options'
  /** The answer is in the acknowledgement itself: inline errors on the form's blocks. */
  | 'ack-errors'
  /** The answer is in the acknowledgement itself: inline form errors, or the form closes. */
  | 'ack-view-response'
  /** Nobody waits (a modal closed, the Messages tab opened): acknowledged quietly. */
  | 'quiet';

const ANSWERS: Record<string, Answer> = {
  'commands/foreign-command.json': 'quiet',
  'commands/reform-help-enterprise-fields.json': 'response_url',
  'commands/reform-mine.json': 'response_url',
  'commands/reform-update-opens-modal.json': 'views.open',
  'commands/reform-update-text-escaped.json': 'response_url',
  'actions/item-mark-started-ephemeral.json': 'response_url',
  'actions/item-mark-started-enterprise-team-null.json': 'response_url',
  'actions/item-open-update-message.json': 'views.open',
  'actions/item-mark-started-app-home.json': 'views.publish',
  // Done needs evidence: the update form opens with done chosen.
  'actions/item-mark-done-app-home.json': 'views.open',
  'actions/update-plan-chosen-in-modal.json': 'views.update',
  'actions/unknown-action-stale-button.json': 'response_url',
  'options/update-plan-suggestion.json': 'ack-options',
  'options/update-item-suggestion.json': 'ack-options',
  'options/unknown-suggestion.json': 'ack-options',
  'views/item-update-submit.json': 'ack-view-response',
  'views/item-update-submit-enterprise-team-null.json': 'ack-view-response',
  'views/item-update-submit-with-files.json': 'ack-view-response',
  'views/item-update-state-without-values.json': 'ack-errors',
  'views/item-update-metadata-truncated.json': 'ack-view-response',
  'views/central-register-submit-enterprise.json': 'ack-view-response',
  'views/central-register-state-without-values.json': 'ack-errors',
  'views/followup-answer-submit.json': 'ack-view-response',
  'views/followup-answer-state-without-values.json': 'ack-errors',
  'views/round-self-check-state-without-values.json': 'ack-view-response',
  'views/round-self-check-submit.json': 'ack-view-response',
  'views/view-closed.json': 'quiet',
  'views/view-closed-enterprise-team-null.json': 'quiet',
  'events/app-home-opened-first-visit.json': 'views.publish',
  'events/app-home-opened-with-view.json': 'views.publish',
  'events/app-home-opened-enterprise-team-null.json': 'views.publish',
  'events/app-home-opened-messages-tab-enterprise.json': 'quiet',
};

/** A central plan of group G1 (id 1), passed the day before: what the follow-up forms refer to. */
function arrangeCentralPlan(bot: Harness): void {
  const at = {
    now: bot.deps.now(),
    timeZone: bot.deps.config.REFORM_TZ,
    deadlineDays: bot.deps.config.FOLLOWUP_DEADLINE_DAYS,
  };
  const result = registerCentralPlan(
    bot.db,
    {
      title: '关于深化国有企业改革的指导意见',
      passedOn: '2016-06-29',
      groupCode: 'G1',
      groupId: 1,
      createdBy: 'UADMIN',
    },
    at,
  );
  expect(result).toMatchObject({ kind: 'created', id: 1 });
}

/** A year-end round (id 1) as of today; P1 (id 1, group G1) is in it, so G1's leader fills it. */
function arrangeRound(bot: Harness): void {
  const result = createRound(bot.db, {
    kind: 'year-end',
    asOf: '2016-06-30',
    minAgeMonths: 6,
    createdBy: 'cli',
    now: bot.deps.now(),
  });
  expect(result).toMatchObject({ kind: 'created', round: { id: 1 } });
}

/** State a payload refers to beyond the seeded office. */
const ARRANGE: Record<string, (bot: Harness) => void> = {
  'views/followup-answer-submit.json': arrangeCentralPlan,
  'views/followup-answer-state-without-values.json': arrangeCentralPlan,
  'views/round-self-check-submit.json': arrangeRound,
  'views/round-self-check-state-without-values.json': arrangeRound,
};

const statusOf = (bot: Harness, itemId: number) =>
  bot.db.select().from(items).where(eq(items.id, itemId)).get()?.status;

/** What the ledger must show afterwards, where the payload asks for a change (or must not make one). */
const LEDGER_CHECKS: Record<string, (bot: Harness) => void> = {
  // Slack's `&amp;` `&lt;` `&gt;` in slash text are unescaped once: the note is kept as typed.
  'commands/reform-update-text-escaped.json': (bot) =>
    expect(bot.db.select().from(items).where(eq(items.id, 3)).get()?.note).toBe('联调 & 测试 <v2>'),
  // P1#3 (id 3, started) marked done with a note: saved.
  'views/item-update-submit.json': (bot) => expect(statusOf(bot, 3)).toBe('done'),
  // P1#3 (id 3, started) marked done with two evidence files and no note: saved, each file kept once.
  'views/item-update-submit-with-files.json': (bot) => {
    expect(statusOf(bot, 3)).toBe('done');
    expect(bot.db.select().from(itemEvidenceFiles).all()).toMatchObject([
      { itemId: 3, slackFileId: 'F0REFORM01', name: '中介服务清单.pdf', mimetype: 'application/pdf', size: 6545778 },
      { itemId: 3, slackFileId: 'F0REFORM02', name: '公告栏照片.jpg', permalink: expect.stringMatching(/^https:/) },
    ]);
  },
  // P1#2 (id 2, not started) marked started from an org-wide install: saved.
  'views/item-update-submit-enterprise-team-null.json': (bot) => expect(statusOf(bot, 2)).toBe('started'),
  // Unreadable metadata: "open the form again", nothing saved.
  'views/item-update-metadata-truncated.json': (bot) => expect(statusOf(bot, 3)).toBe('started'),
  'actions/item-mark-started-ephemeral.json': (bot) => expect(statusOf(bot, 2)).toBe('started'),
  'actions/item-mark-started-app-home.json': (bot) => expect(statusOf(bot, 2)).toBe('started'),
  // Mark done without evidence changes nothing: the form asks for the note first.
  'actions/item-mark-done-app-home.json': (bot) => expect(statusOf(bot, 3)).toBe('started'),
  // Plain text, datepicker, static select and URL inputs of an org-wide install: registered.
  'views/central-register-submit-enterprise.json': (bot) =>
    expect(bot.db.select().from(centralPlans).all()).toMatchObject([
      { title: '关于全面推进政务公开工作的意见', passedOn: '2016-06-28', groupId: 1 },
    ]),
  // Radio buttons and datepicker of the docking arrangement: recorded.
  'views/followup-answer-submit.json': (bot) =>
    expect(bot.db.select().from(centralPlans).all()).toMatchObject([
      { arrangementLeadDepartment: '省发改委', arrangementDraftsPlan: true, arrangementTargetOn: '2016-09-30' },
    ]),
};

/**
 * Replays that fail on main today, with the fix of issue 11 each waits for. They run as
 * `it.fails` so the suite stays green; the integrator deletes an entry once its fix is merged
 * (the test then fails loudly if the entry is left behind, because the replay passes).
 */
/** Replays that fail until a named fix lands (none left: every fix of issue 11 is in). */
const EXPECTED_FAILURES: Record<string, string> = {};

function fixtureFiles(): string[] {
  return readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.split('\\').join('/'))
    .sort();
}

/** Points every `response_url` in the payload at the stand-in (the only change made at replay). */
function withResponseUrls(node: unknown, url: string): unknown {
  if (Array.isArray(node)) return node.map((n) => withResponseUrls(n, url));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [
        k,
        k === 'response_url' && typeof v === 'string' ? url : withResponseUrls(v, url),
      ]),
    );
  }
  return node;
}

function send(bot: Harness, file: string, payload: Record<string, unknown>): Promise<SlackHttpResult> {
  if (file.startsWith('commands/')) {
    const form = new URLSearchParams(payload as Record<string, string>).toString();
    return postSigned(bot.baseUrl, SIGNING_SECRET, form, 'application/x-www-form-urlencoded');
  }
  if (file.startsWith('events/')) return postEvent(bot.baseUrl, SIGNING_SECRET, payload);
  return postInteraction(bot.baseUrl, SIGNING_SECRET, payload);
}

/** Log lines at error level or above, or naming an unhandled request. */
function errorLines(logs: readonly string[]): string[] {
  return logs.filter((line) => {
    try {
      const entry = JSON.parse(line) as { level?: number };
      if ((entry.level ?? 0) >= 50) return true;
    } catch {
      // not JSON: judged by its text alone
    }
    return /unhandled/i.test(line);
  });
}

async function expectAnswered(
  bot: Harness,
  answer: Answer,
  http: SlackHttpResult,
  responseUrlId: string,
): Promise<void> {
  switch (answer) {
    case 'response_url': {
      const call = await bot.standIn.waitFor('response_url', (c) => c.responseUrlId === responseUrlId, 5000);
      // Something a person can read: text or blocks.
      expect(String(call.args.text ?? '') + JSON.stringify(call.args.blocks ?? [])).not.toMatch(/^(\[\])?$/);
      return;
    }
    case 'views.open':
    case 'views.update':
    case 'views.publish':
      await bot.standIn.waitFor(answer, undefined, 5000);
      return;
    case 'ack-options':
      expect(http.json).toMatchObject({ options: expect.any(Array) });
      return;
    case 'ack-errors':
      expect(http.json).toMatchObject({ response_action: 'errors', errors: expect.any(Object) });
      expect(Object.keys((http.json as { errors: object }).errors).length).toBeGreaterThan(0);
      return;
    case 'ack-view-response': {
      // Either an empty body (the form closes) or Slack's view response (inline errors, update).
      if (http.body !== '')
        expect(http.json).toMatchObject({ response_action: expect.stringMatching(/^(errors|update|push|clear)$/) });
      return;
    }
    case 'quiet':
      return;
  }
}

let bot: Harness | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

describe('the payload corpus, replayed signed at the running bot', () => {
  const files = fixtureFiles();

  it('has an expected answer for every fixture, and a fixture for every expected answer', () => {
    expect(files).toEqual(Object.keys(ANSWERS).sort());
  });

  for (const file of files) {
    const reason = EXPECTED_FAILURES[file];
    const title = reason ? `${file} (expected to fail until: ${reason})` : file;
    (reason ? it.fails : it)(title, async () => {
      bot = await startHarness({ logLevel: 'debug' });
      ARRANGE[file]?.(bot);
      const responseUrlId = `corpus-${file}`;
      const raw = JSON.parse(readFileSync(join(CORPUS, file), 'utf8')) as Record<string, unknown>;
      const payload = withResponseUrls(raw, bot.standIn.responseUrl(responseUrlId)) as Record<string, unknown>;

      const started = performance.now();
      const http = await send(bot, file, payload);
      const ackMs = performance.now() - started;

      expect(http.status, http.body).toBe(200);
      expect(ackMs).toBeLessThan(ACK_DEADLINE_MS);
      await expectAnswered(bot, ANSWERS[file] ?? 'quiet', http, responseUrlId);
      // Give work after the ack a moment to finish (or fail) before reading the logs.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(errorLines(bot.logs)).toEqual([]);
      LEDGER_CHECKS[file]?.(bot);
    });
  }
});
