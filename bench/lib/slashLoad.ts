// Signed `/reform` slash commands at a steady rate, with autocannon, on loopback.
//
// autocannon's rate limit lets each connection send its per-second quota back to back at the
// start of every second, so one instance with N connections fires the whole second's requests
// at once. To get an even 200/s instead, the load is split into `streams` instances of one
// connection each, started 1/streams of a second apart. Latency is taken from every response
// (float milliseconds) rather than autocannon's whole-millisecond histogram, because the bare
// app answers in about a millisecond.
import autocannon from 'autocannon';
import { slashCommand } from '../../test/support/payloads.ts';
import { signSlackRequest } from '../../test/support/signedRequest.ts';

export interface SlashLoad {
  baseUrl: string;
  signingSecret: string;
  /** Requests per second, all streams together. */
  rate: number;
  seconds: number;
  /** Command texts, cycled per stream (`stats`, `item P1#1`). */
  texts: string[];
  /** Askers, cycled over all requests. */
  users: string[];
  /** Where the answer goes: a stand-in URL per request. */
  responseUrl: (id: string) => string;
  streams?: number;
  /** Unique across runs (trigger ids and response ids start with it). */
  label: string;
}

export interface LoadFigures {
  sent: number;
  ok: number;
  non2xx: number;
  timeouts: number;
  /** Connection errors other than timeouts. */
  otherErrors: number;
  p50: number;
  p99: number;
  max: number;
  /** Every 2xx response's latency in ms, sorted. */
  latencies: number[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

const FORM = 'application/x-www-form-urlencoded';
/** Slack gives up on an answer after 3 seconds; slower is a failure. */
const TIMEOUT_SECONDS = 3;

export async function driveSlashCommands(load: SlashLoad): Promise<LoadFigures> {
  const streams = load.streams ?? 20;
  let counter = 0;
  const latencies: number[] = [];
  const setupRequest =
    (text: string) =>
    (request: autocannon.Request): autocannon.Request => {
      counter += 1;
      const id = `${load.label}-${counter}`;
      const body = new URLSearchParams(
        slashCommand({
          text,
          user_id: load.users[counter % load.users.length] as string,
          channel_id: 'C0BENCH',
          trigger_id: `${Math.floor(Date.now() / 1000)}${counter}.1234567890123.${id}`,
          response_url: load.responseUrl(id),
        }),
      ).toString();
      return {
        ...request,
        method: 'POST',
        path: '/slack/events',
        headers: { 'content-type': FORM, ...signSlackRequest(load.signingSecret, body) },
        body,
      };
    };
  const runs: Promise<autocannon.Result>[] = [];
  for (let s = 0; s < streams; s++) {
    if (s > 0) await new Promise((r) => setTimeout(r, 1000 / streams));
    runs.push(
      new Promise((resolve, reject) => {
        const instance = autocannon(
          {
            url: load.baseUrl,
            connections: 1,
            overallRate: Math.round(load.rate / streams),
            duration: load.seconds,
            timeout: TIMEOUT_SECONDS,
            requests: load.texts.map((text) => ({ setupRequest: setupRequest(text) })),
          },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
        });
      }),
    );
  }
  const results = await Promise.all(runs);
  latencies.sort((a, b) => a - b);
  const sum = (f: (r: autocannon.Result) => number) => results.reduce((n, r) => n + f(r), 0);
  const timeouts = sum((r) => r.timeouts);
  return {
    sent: sum((r) => r.requests.sent),
    ok: latencies.length,
    non2xx: sum((r) => r.non2xx),
    timeouts,
    otherErrors: sum((r) => r.errors) - timeouts,
    ...latencyFigures(latencies),
  };
}

function latencyFigures(sorted: number[]): Pick<LoadFigures, 'p50' | 'p99' | 'max' | 'latencies'> {
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    latencies: sorted,
  };
}

/** Several runs against the same server as one: counts added, percentiles over all responses. */
export function poolLoads(runs: LoadFigures[]): LoadFigures {
  const sum = (f: (r: LoadFigures) => number) => runs.reduce((n, r) => n + f(r), 0);
  return {
    sent: sum((r) => r.sent),
    ok: sum((r) => r.ok),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
    otherErrors: sum((r) => r.otherErrors),
    ...latencyFigures(runs.flatMap((r) => r.latencies).sort((a, b) => a - b)),
  };
}
