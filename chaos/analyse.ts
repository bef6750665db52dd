// What the chaos run found, from three records: the outbox at the end (what the bot meant to
// send), the stand-in's accepted posts (what Slack showed, by outbox key), and the kill log (which
// rows were claimed but not recorded when each kill fell). Pure: facts in, summary out.
import type { Config } from '../src/config.ts';
import { cronMatcher, slotsBackwards } from '../src/jobs/catchUp.ts';
import { ALL_JOBS } from '../src/jobs/registry.ts';
import type { FinalFacts } from './db.ts';
import type { Delivery } from './slack.ts';

export interface KillRecord {
  n: number;
  /** `post`: right after Slack accepted a chat.postMessage, before the bot could record it. */
  mode: 'post' | 'random';
  /** Real seconds since the run started. */
  at: number;
  /** How long that child had lived (ms). */
  upMs: number;
  virtualAt: string;
  /** Outbox rows left `sending` by the kill. */
  sendingKeys: string[];
}

interface MessageFigures {
  expected: number;
  delivered: number;
  lost: number;
  /** Of the lost: still pending or sending when the run ended (not drained). */
  stillQueued: number;
  /** Of the lost: recorded `sent` though Slack never accepted them. */
  sentButNotDelivered: number;
  doubledExplained: number;
  doubledUnexplained: number;
  failed: number;
  repliesOutsideThread: number;
  unknownDeliveries: number;
}

interface SlotFigures {
  job: string;
  ran: number;
  slots: number;
  /** Slots with no completed run. Only counted for jobs whose every slot must run. */
  missed: number;
}

export interface Analysis {
  messages: MessageFigures;
  byKind: Record<string, { expected: number; delivered: number; doubled: number }>;
  slots: SlotFigures[];
  integrity: string;
  foreignKeyProblems: number;
  /** Examples, for the report: a few keys of each kind of problem. */
  examples: { lost: string[]; doubledUnexplained: string[]; failed: string[] };
}

/**
 * Jobs whose every slot must run despite the kills (a day at most between slots, and the
 * catch-up looks back 24 hours). Follow-ups run every 15 minutes: slots missed while the bot was
 * down are superseded by the next one, by design (see src/jobs/catchUp.ts).
 */
const EVERY_SLOT = new Set(['reminders', 'digest', 'closeout']);

export function analyse(
  facts: FinalFacts,
  deliveries: readonly Delivery[],
  kills: readonly KillRecord[],
  clock: { from: Date; to: Date; config: Config },
): Analysis {
  const byKey = new Map<string, Delivery[]>();
  let unknownDeliveries = 0;
  const keys = new Set(facts.outbox.map((row) => row.key));
  for (const d of deliveries) {
    if (d.key === undefined || !keys.has(d.key)) {
      unknownDeliveries += 1;
      continue;
    }
    byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  }
  const sendingAtKills = new Map<string, number>();
  for (const kill of kills)
    for (const key of kill.sendingKeys) sendingAtKills.set(key, (sendingAtKills.get(key) ?? 0) + 1);

  const m: MessageFigures = {
    expected: facts.outbox.length,
    delivered: 0,
    lost: 0,
    stillQueued: 0,
    sentButNotDelivered: 0,
    doubledExplained: 0,
    doubledUnexplained: 0,
    failed: 0,
    repliesOutsideThread: 0,
    unknownDeliveries,
  };
  const examples: Analysis['examples'] = { lost: [], doubledUnexplained: [], failed: [] };
  const note = (list: string[], key: string) => void (list.length < 5 && list.push(key));
  const byKind: Analysis['byKind'] = {};
  for (const row of facts.outbox) {
    const got = byKey.get(row.key) ?? [];
    const kind = byKind[row.kind] ?? { expected: 0, delivered: 0, doubled: 0 };
    byKind[row.kind] = kind;
    kind.expected += 1;
    if (row.state === 'failed') {
      m.failed += 1;
      note(examples.failed, `${row.key} (${row.lastError ?? ''})`);
    }
    if (got.length > 0) {
      m.delivered += 1;
      kind.delivered += 1;
    } else if (row.state !== 'failed') {
      m.lost += 1;
      note(examples.lost, `${row.key} (${row.state})`);
      if (row.state === 'pending' || row.state === 'sending') m.stillQueued += 1;
      if (row.state === 'sent') m.sentButNotDelivered += 1;
    }
    if (got.length > 1) {
      kind.doubled += 1;
      // Each extra delivery needs its own kill that left this row claimed but unrecorded.
      if (got.length - 1 <= (sendingAtKills.get(row.key) ?? 0)) m.doubledExplained += 1;
      else {
        m.doubledUnexplained += 1;
        note(examples.doubledUnexplained, `${row.key} ×${got.length}`);
      }
    }
    if (row.parentKey !== null) {
      const parentTs = new Set((byKey.get(row.parentKey) ?? []).map((d) => d.ts));
      if (got.some((d) => d.threadTs === undefined || !parentTs.has(d.threadTs))) m.repliesOutsideThread += 1;
    }
  }

  const slots = ALL_JOBS.map((job): SlotFigures => {
    const matcher = cronMatcher(job.schedule(clock.config), clock.config.REFORM_TZ);
    const due = [...slotsBackwards(matcher, clock.from, clock.to)].map((d) => d.toISOString());
    const done = new Set(facts.jobRuns.filter((r) => r.job === job.name && r.finished).map((r) => r.scheduledFor));
    const ran = due.filter((slot) => done.has(slot)).length;
    return { job: job.name, ran, slots: due.length, missed: EVERY_SLOT.has(job.name) ? due.length - ran : 0 };
  });

  return {
    messages: m,
    byKind,
    slots,
    integrity: facts.integrity,
    foreignKeyProblems: facts.foreignKeyProblems,
    examples,
  };
}
