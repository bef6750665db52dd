// The verdict of a contention run, from what each side recorded: the load generator's requests
// (sent, answered, how fast), the database at the end (which writes were applied, which job slots
// ran), the Slack stand-in's posts (who was told what, what was posted twice) and the bot's stall
// report. Pure: facts in, figures out.
import { percentile } from '../bench/lib/slashLoad.ts';
import type { StallFigures } from '../src/stallReport.ts';
import type { CliStep } from './cliSequence.ts';
import { GIVE_UP_MS, type RequestKind, type SentRequest } from './load.ts';
import type { SlackFacts } from './slackFacts.ts';

/** Slack's limit for an acknowledgement. */
const ACK_LIMIT_MS = 3000;
export const TARGETS = { ackP99Ms: ACK_LIMIT_MS, stallMs: 200, lost: 0, slotsMissed: 0, duplicates: 0 } as const;

export interface JobRunFact {
  job: string;
  scheduledFor: string;
  finished: boolean;
}

export interface RunFacts {
  sent: readonly SentRequest[];
  /** item_history request keys present at the end. */
  appliedKeys: ReadonlySet<string>;
  slack: SlackFacts;
  jobRuns: readonly JobRunFact[];
  /** Slots (job, ISO instant) of the watched jobs that fell due while the load ran. */
  dueSlots: readonly { job: string; slot: string }[];
  stall: StallFigures | undefined;
  /**
   * The load generator's own stalls. A bot stall that the load generator, another process, had at
   * the same moment was the machine pausing both (the VM, the disk), not the bot blocking its
   * event loop: it is reported, not held against the bot.
   */
  harnessStall?: StallFigures | undefined;
  /** The load's window, wall-clock epoch ms. */
  window: { from: number; to: number };
  cli: readonly CliStep[];
  isInterim(text: string): boolean;
  /** The bot's "something went wrong" answer. */
  isFailure(text: string): boolean;
  /** Outbox rows still pending or sending when the bot had stopped. */
  outboxBacklog: number;
}

interface AckFigures {
  requests: number;
  /** 2xx within Slack's 3 s. */
  acked: number;
  late: number;
  non2xx: number;
  noAnswer: number;
  p50: number;
  p99: number;
  max: number;
}

interface WriteFigures {
  sent: number;
  applied: number;
  /** Not applied, and the person knew: the bot answered with a result, or Slack showed its error because the ack never came in time. */
  toldFailed: number;
  /** Of toldFailed: not acknowledged within 3 s (Slack tells the person itself). */
  notAcked: number;
  /** Acknowledged, yet neither applied nor answered with a result. */
  lost: number;
  lostExamples: string[];
  /** Applied, yet the person was told it failed (and may try again). */
  appliedButToldFailed: number;
}

export interface ContentionFigures {
  ack: AckFigures;
  ackByKind: Record<RequestKind, AckFigures>;
  clicks: WriteFigures;
  updates: WriteFigures;
  readsAnswered: number;
  slots: { due: number; missed: number; missedList: string[] };
  outboxBacklog: number;
  duplicates: { messages: number; answers: number; examples: string[] };
  stall: {
    inWindowMs: number | undefined;
    overallMs: number | undefined;
    delayP99Ms: number | undefined;
    /** The longest stall the load generator had at the same moment (a machine pause), not counted above. */
    machinePauseMs?: number;
  };
  cli: readonly CliStep[];
  problems: string[];
}

function ackFigures(requests: readonly SentRequest[]): AckFigures {
  // An unanswered request counts as slow as the load generator waited for it.
  const latencies = requests.map((r) => r.latencyMs ?? GIVE_UP_MS).sort((a, b) => a - b);
  const ok = (r: SentRequest) => r.status !== undefined && r.status >= 200 && r.status < 300;
  return {
    requests: requests.length,
    acked: requests.filter((r) => ok(r) && (r.latencyMs as number) <= ACK_LIMIT_MS).length,
    late: requests.filter((r) => ok(r) && (r.latencyMs as number) > ACK_LIMIT_MS).length,
    non2xx: requests.filter((r) => r.status !== undefined && !ok(r)).length,
    noAnswer: requests.filter((r) => r.status === undefined).length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

const ackedInTime = (r: SentRequest) =>
  r.status !== undefined && r.status >= 200 && r.status < 300 && (r.latencyMs as number) <= ACK_LIMIT_MS;

function writeFigures(requests: readonly SentRequest[], facts: RunFacts, answers: Map<string, string[]>): WriteFigures {
  const figures: WriteFigures = {
    sent: requests.length,
    applied: 0,
    toldFailed: 0,
    notAcked: 0,
    lost: 0,
    lostExamples: [],
    appliedButToldFailed: 0,
  };
  for (const r of requests) {
    if (r.requestKey !== undefined && facts.appliedKeys.has(r.requestKey)) {
      figures.applied += 1;
      if ((answers.get(r.id) ?? []).some(facts.isFailure)) figures.appliedButToldFailed += 1;
    } else if (!ackedInTime(r)) {
      figures.toldFailed += 1;
      figures.notAcked += 1;
    } else if ((answers.get(r.id) ?? []).some((text) => !facts.isInterim(text))) figures.toldFailed += 1;
    else {
      figures.lost += 1;
      if (figures.lostExamples.length < 5)
        figures.lostExamples.push(
          `${r.id} item ${r.itemId} (${r.requestKey}): ${(answers.get(r.id) ?? []).join(' | ') || 'no answer'}`,
        );
    }
  }
  return figures;
}

function countDuplicates(keys: string[]): { extra: number; examples: string[] } {
  const seen = new Map<string, number>();
  for (const key of keys) seen.set(key, (seen.get(key) ?? 0) + 1);
  const doubled = [...seen].filter(([, n]) => n > 1);
  return {
    extra: doubled.reduce((sum, [, n]) => sum + n - 1, 0),
    examples: doubled.slice(0, 5).map(([key, n]) => `${key.slice(0, 120)} ×${n}`),
  };
}

export function analyse(facts: RunFacts): ContentionFigures {
  const answers = new Map<string, string[]>();
  for (const post of facts.slack.responses) answers.set(post.id, [...(answers.get(post.id) ?? []), post.text]);
  const byKind = (kind: RequestKind) => facts.sent.filter((r) => r.kind === kind);

  const done = new Set(facts.jobRuns.filter((r) => r.finished).map((r) => `${r.job}@${r.scheduledFor}`));
  const missedList = facts.dueSlots.map((s) => `${s.job}@${s.slot}`).filter((slot) => !done.has(slot));

  const messageDuplicates = countDuplicates(
    facts.slack.messages.map((m) => m.key ?? `${m.method} ${m.channel} ${m.user ?? ''} ${m.text}`),
  );
  const answerDuplicates = countDuplicates(facts.slack.responses.map((p) => `${p.id} ${p.text}`));

  const stalls = facts.stall?.stalls ?? [];
  const harness = facts.harnessStall?.stalls ?? [];
  const sharedWithHarness = (s: { at: number; ms: number }) =>
    harness.some((h) => Math.min(s.at, h.at) - Math.max(s.at - s.ms, h.at - h.ms) >= s.ms / 2);
  const machinePauses = stalls.filter(
    (s) => s.at >= facts.window.from && s.at - s.ms <= facts.window.to && sharedWithHarness(s),
  );
  const inWindow = stalls.filter(
    (s) => s.at >= facts.window.from && s.at - s.ms <= facts.window.to && !sharedWithHarness(s),
  );
  // Stalls under the noted threshold are not listed: the longest in the window is then below it.
  const inWindowMs = facts.stall === undefined ? undefined : Math.max(0, ...inWindow.map((s) => s.ms));

  const figures: ContentionFigures = {
    ack: ackFigures(facts.sent),
    ackByKind: {
      click: ackFigures(byKind('click')),
      update: ackFigures(byKind('update')),
      read: ackFigures(byKind('read')),
    },
    clicks: writeFigures(byKind('click'), facts, answers),
    updates: writeFigures(byKind('update'), facts, answers),
    readsAnswered: byKind('read').filter((r) => answers.has(r.id)).length,
    slots: { due: facts.dueSlots.length, missed: missedList.length, missedList },
    outboxBacklog: facts.outboxBacklog,
    duplicates: {
      messages: messageDuplicates.extra,
      answers: answerDuplicates.extra,
      examples: [...messageDuplicates.examples, ...answerDuplicates.examples],
    },
    stall: {
      inWindowMs,
      overallMs: facts.stall?.maxMs,
      delayP99Ms: facts.stall?.delay.p99,
      machinePauseMs: Math.max(0, ...machinePauses.map((p) => p.ms)),
    },
    cli: facts.cli,
    problems: [],
  };
  figures.problems = problemsOf(figures);
  return figures;
}

function problemsOf(f: ContentionFigures): string[] {
  const problems: string[] = [];
  if (f.ack.requests === 0) problems.push('no request was sent');
  if (!(f.ack.p99 < TARGETS.ackP99Ms))
    problems.push(`acknowledgement p99 ${f.ack.p99.toFixed(0)} ms (target < ${TARGETS.ackP99Ms} ms)`);
  if (f.stall.inWindowMs === undefined) problems.push('the bot wrote no stall report');
  else if (!(f.stall.inWindowMs < TARGETS.stallMs))
    problems.push(`longest event-loop stall ${f.stall.inWindowMs} ms (target < ${TARGETS.stallMs} ms)`);
  const lost = f.clicks.lost + f.updates.lost;
  if (lost > TARGETS.lost) problems.push(`${lost} writes lost (acknowledged, neither applied nor told)`);
  if (f.slots.due === 0) problems.push('no job slot fell due during the load');
  if (f.slots.missed > TARGETS.slotsMissed)
    problems.push(`${f.slots.missed} job slots missed: ${f.slots.missedList.join(', ')}`);
  const duplicates = f.duplicates.messages + f.duplicates.answers;
  if (duplicates > TARGETS.duplicates) problems.push(`${duplicates} duplicate messages`);
  for (const step of f.cli) if (step.code !== 0) problems.push(`reform-bot ${step.args[0]} exited ${step.code}`);
  return problems;
}
