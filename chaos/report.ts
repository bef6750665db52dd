// The chaos run's summary: one JSON object (for the CI test) and the table a person reads.
import type { Analysis, KillRecord } from './analyse.ts';

export interface ChaosSummary {
  ok: boolean;
  problems: string[];
  form: 'full' | 'short';
  seed: number;
  seconds: { total: number; chaos: number; drain: number };
  clock: { speed: number; from: string; to: string; virtualDays: number };
  world: { plans: number; items: number; centralPlans: number };
  kills: { total: number; onPost: number; random: number; leftRowsSending: number; startupMedianMs: number | null };
  botExitsByItself: { n: number; code: number | null; signal: string | null }[];
  standIn: Record<string, number>;
  messages: Analysis['messages'];
  byKind: Analysis['byKind'];
  slots: Analysis['slots'];
  integrity: string;
  foreignKeyProblems: number;
  examples: Analysis['examples'];
  /** The temporary folder, kept when the run failed (database and bot.log). */
  kept?: string;
}

export function killFigures(kills: readonly KillRecord[]) {
  return {
    total: kills.length,
    onPost: kills.filter((k) => k.mode === 'post').length,
    random: kills.filter((k) => k.mode === 'random').length,
    leftRowsSending: kills.filter((k) => k.sendingKeys.length > 0).length,
  };
}

/** Asia/Shanghai wall time, e.g. `Mon 2026-11-30 09:00`. */
function local(iso: string): string {
  const d = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Shanghai',
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('weekday')} ${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}`;
}

export function renderSummary(s: ChaosSummary): string {
  const m = s.messages;
  const rows: [string, string | number, string][] = [
    ['messages expected (outbox rows)', m.expected, ''],
    ['delivered (accepted by Slack)', m.delivered, ''],
    ['lost', m.lost, 'must be 0'],
    ['  of which still queued at the end', m.stillQueued, ''],
    ['  of which recorded sent, never accepted', m.sentButNotDelivered, ''],
    ['delivered twice, explained by a kill', m.doubledExplained, 'kill between Slack accepting and the bot recording'],
    ['delivered twice, unexplained', m.doubledUnexplained, 'must be 0'],
    ['failed permanently', m.failed, 'should be 0 with these faults'],
    ["thread replies outside their parent's thread", m.repliesOutsideThread, 'must be 0'],
    ['deliveries of no outbox row', m.unknownDeliveries, 'must be 0'],
    ['PRAGMA integrity_check', s.integrity, 'must be ok'],
    ['PRAGMA foreign_key_check problems', s.foreignKeyProblems, 'must be 0'],
    ['daily job slots missed', s.slots.reduce((n, x) => n + x.missed, 0), 'must be 0'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  const v = Math.max(...rows.map((r) => String(r[1]).length));
  const f = s.standIn;
  const kw = Math.max(4, ...Object.keys(s.byKind).map((k) => k.length));
  const lines = [
    `reform-bot chaos run (${s.form}), seed ${s.seed}: ${s.seconds.total.toFixed(0)} s (kills ${s.seconds.chaos.toFixed(0)} s, drain ${s.seconds.drain.toFixed(0)} s)`,
    `clock: ${s.clock.speed}x, ${local(s.clock.from)} -> ${local(s.clock.to)} Asia/Shanghai (${s.clock.virtualDays.toFixed(1)} virtual days)`,
    `ledger: ${s.world.plans} plans, ${s.world.items} items, ${s.world.centralPlans} central plans`,
    `kills (SIGKILL): ${s.kills.total} - ${s.kills.onPost} right after Slack accepted a chat.postMessage, ${s.kills.random} at random moments; ${s.kills.leftRowsSending} left a message claimed but unrecorded; median start-up ${s.kills.startupMedianMs ?? '?'} ms`,
    `bot exits by itself: ${s.botExitsByItself.length}`,
    `Slack stand-in: ${f.calls ?? 0} calls, failed: HTTP 500 ×${f.http500 ?? 0}, 429 ×${f.ratelimit ?? 0}, dropped ×${f.drop ?? 0}, slow ×${f.slow ?? 0} (auth.test at start-up: ${f.authTestFailed ?? 0} of ${f.authTest ?? 0} failed)`,
    '',
    ...rows.map(([name, value, note]) => `  ${name.padEnd(w)}  ${String(value).padStart(v)}  ${note}`),
    '',
    `  ${'kind'.padEnd(kw)}  expected  delivered  doubled`,
    ...Object.entries(s.byKind).map(
      ([kind, k]) =>
        `  ${kind.padEnd(kw)}  ${String(k.expected).padStart(8)}  ${String(k.delivered).padStart(9)}  ${String(k.doubled).padStart(7)}`,
    ),
    '',
    `  job slots run: ${s.slots.map((x) => `${x.job} ${x.ran}/${x.slots}`).join(', ')} (follow-up slots missed while the bot was down are superseded by the next one, by design)`,
  ];
  for (const [what, list] of Object.entries(s.examples))
    if (list.length > 0) lines.push(`  e.g. ${what}: ${list.join(', ')}`);
  lines.push('', s.ok ? 'PASS' : `FAIL: ${s.problems.join('; ')}`);
  if (s.kept) lines.push(`database and bot log kept in ${s.kept}`);
  return lines.join('\n');
}
