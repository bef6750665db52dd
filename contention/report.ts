// The contention run's summary: one JSON object (for the test and the bench) and the table a
// person reads, each figure beside its target.
import type { ContentionFigures } from './analyse.ts';
import { TARGETS } from './analyse.ts';
import { GIVE_UP_MS } from './load.ts';
import type { ContentionOptions } from './options.ts';

export interface ContentionSummary {
  ok: boolean;
  problems: string[];
  form: ContentionOptions['form'];
  options: Omit<ContentionOptions, 'json' | 'keep'>;
  seconds: { prepare: number; load: number; total: number };
  /** When the watched slots fell, in seconds after the load started (negative: before it). */
  slotOffsetsSeconds: number[];
  /** The load generator's own longest event-loop stall: if long, requests left late. */
  harnessStallMs: number;
  /** The machine's 1-minute load average when the run started and ended (other work skews the figures). */
  loadAverage: { before: number; after: number };
  /** How the bot stopped on SIGTERM at the end (SHUTDOWN_BUDGET_MS: within 20 s). */
  botStop: { ms: number; forced: boolean; code: number | null };
  figures: ContentionFigures;
  kept?: string;
}

export interface Row {
  measure: string;
  figure: string;
  target: string;
  met: boolean | null;
}

const ms = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? 'n/a' : v >= GIVE_UP_MS ? `≥ ${GIVE_UP_MS} ms` : `${v.toFixed(0)} ms`;
const plainMs = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(0)} ms`);
const n = (v: number) => v.toLocaleString('en');

/** The figures as rows: measure, figure, target, whether met (null: no target). */
export function summaryRows(s: ContentionSummary): Row[] {
  const f = s.figures;
  const o = s.options;
  const lost = f.clicks.lost + f.updates.lost;
  const duplicates = f.duplicates.messages + f.duplicates.answers;
  const cli = f.cli
    .map((step) => `${step.args[0]} ${(step.ms / 1000).toFixed(1)} s${step.code === 0 ? '' : ` (exit ${step.code})`}`)
    .join(', ');
  return [
    {
      measure: `load: ${n(o.items)} items, ${o.clickRate} clicks/s + ${o.commandRate} commands/s (${Math.round(o.updateShare * 100)}% updates), ${s.seconds.load.toFixed(0)} s`,
      figure: '',
      target: '',
      met: null,
    },
    { measure: `CLI alongside: ${cli || 'none'}`, figure: '', target: '', met: null },
    {
      measure: `requests sent (${n(f.ack.acked)} acked in 3 s, ${n(f.ack.late)} late, ${n(f.ack.non2xx)} non-2xx, ${n(f.ack.noAnswer)} unanswered)`,
      figure: n(f.ack.requests),
      target: '',
      met: null,
    },
    { measure: 'ack latency p50', figure: ms(f.ack.p50), target: '', met: null },
    {
      measure: `ack latency p99 (clicks ${ms(f.ackByKind.click.p99)}, updates ${ms(f.ackByKind.update.p99)}, reads ${ms(f.ackByKind.read.p99)})`,
      figure: ms(f.ack.p99),
      target: `< ${TARGETS.ackP99Ms} ms`,
      met: f.ack.p99 < TARGETS.ackP99Ms,
    },
    { measure: 'ack latency max', figure: ms(f.ack.max), target: '', met: null },
    {
      // A bot killed at the end wrote its figures last up to 5 s before (or before a stall still going on).
      measure: `longest event-loop stall during the load (whole run ${plainMs(f.stall.overallMs)}, delay p99 ${plainMs(f.stall.delayP99Ms)}, machine pauses the load generator shared ${plainMs(f.stall.machinePauseMs ?? 0)}${s.botStop.forced ? '; bot killed: figures up to its last write' : ''})`,
      figure: plainMs(f.stall.inWindowMs),
      target: `< ${TARGETS.stallMs} ms`,
      met: f.stall.inWindowMs !== undefined && f.stall.inWindowMs < TARGETS.stallMs,
    },
    {
      measure: `clicks: applied / told failed (of which not acked in 3 s) / lost`,
      figure: `${n(f.clicks.applied)} / ${n(f.clicks.toldFailed)} (${n(f.clicks.notAcked)}) / ${n(f.clicks.lost)}`,
      target: '',
      met: null,
    },
    {
      measure: `/reform update: applied / told failed (of which not acked in 3 s) / lost`,
      figure: `${n(f.updates.applied)} / ${n(f.updates.toldFailed)} (${n(f.updates.notAcked)}) / ${n(f.updates.lost)}`,
      target: '',
      met: null,
    },
    {
      measure: 'writes applied, yet the person was told it failed (may click again)',
      figure: n(f.clicks.appliedButToldFailed + f.updates.appliedButToldFailed),
      target: '',
      met: null,
    },
    {
      measure: 'writes lost (acked, neither applied nor told)',
      figure: n(lost),
      target: String(TARGETS.lost),
      met: lost === TARGETS.lost,
    },
    {
      measure: `read commands answered`,
      figure: `${n(f.readsAnswered)} / ${n(f.ackByKind.read.requests)}`,
      target: '',
      met: null,
    },
    {
      measure: `job slots missed (reminders + digest; ${f.slots.due} due, at ${s.slotOffsetsSeconds.map((x) => `${x.toFixed(0)} s`).join(', ')} into the load)`,
      figure: n(f.slots.missed),
      target: String(TARGETS.slotsMissed),
      met: f.slots.due > 0 && f.slots.missed === 0,
    },
    {
      measure: 'outbox messages still undelivered when the bot stopped',
      figure: n(f.outboxBacklog),
      target: '',
      met: null,
    },
    {
      measure: 'load generator: longest stall of its own (a long one makes the latencies above suspect)',
      figure: plainMs(s.harnessStallMs),
      target: '',
      met: null,
    },
    {
      measure: `bot stop on SIGTERM after the load${s.botStop.forced ? ' (had to be killed)' : ` (exit ${s.botStop.code})`}`,
      figure: plainMs(s.botStop.ms),
      target: '',
      met: null,
    },
    {
      measure: 'machine load average (1 min) before / after',
      figure: `${s.loadAverage.before.toFixed(2)} / ${s.loadAverage.after.toFixed(2)}`,
      target: '',
      met: null,
    },
    {
      measure: `duplicate messages (posts ${f.duplicates.messages}, answers ${f.duplicates.answers})`,
      figure: n(duplicates),
      target: String(TARGETS.duplicates),
      met: duplicates === 0,
    },
  ];
}

export function renderSummary(s: ContentionSummary): string {
  const rows = summaryRows(s);
  const w = [
    Math.max(...rows.map((r) => r.measure.length)),
    Math.max(6, ...rows.map((r) => r.figure.length)),
    Math.max(6, ...rows.map((r) => r.target.length)),
  ];
  const line = (a: string[]) => a.map((x, i) => x.padEnd(w[i] ?? 0)).join('  ');
  const out = [
    `contention run (${s.form}, seed ${s.options.seed}): ${s.ok ? 'PASSED' : 'FAILED'} in ${s.seconds.total.toFixed(0)} s`,
    '',
    `${line(['measure', 'figure', 'target'])}  met`,
    ...rows.map((r) => `${line([r.measure, r.figure, r.target])}  ${r.met === null ? '-' : r.met ? 'yes' : 'NO'}`),
  ];
  if (s.problems.length > 0) out.push('', 'problems:', ...s.problems.map((p) => `  - ${p}`));
  const f = s.figures;
  const examples = [...f.clicks.lostExamples, ...f.updates.lostExamples, ...f.duplicates.examples];
  if (examples.length > 0) out.push('', 'examples:', ...examples.map((e) => `  ${e}`));
  for (const step of f.cli) if (step.errorTail) out.push('', `reform-bot ${step.args.join(' ')}:`, step.errorTail);
  if (s.kept) out.push('', `kept: ${s.kept} (database, bot.log, stalls.json, requests.json, slack.json)`);
  return out.join('\n');
}
