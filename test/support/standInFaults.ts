// Fault injection for the Slack stand-in: explicit queues per method and a seeded random rate.

export type Fault =
  /** Any non-200 HTTP status (the web client throws WebAPIHTTPError). */
  | { kind: 'http'; status: number; body?: string }
  /** HTTP 429 with a `Retry-After` header, as Slack rate-limits. */
  | { kind: 'ratelimit'; retryAfterSec: number }
  /** HTTP 200 `{ ok: false, error }` (the web client throws WebAPIPlatformError). */
  | { kind: 'slackError'; error: string; extra?: Record<string, unknown> }
  /** Destroy the socket without answering (the web client throws WebAPIRequestError). */
  | { kind: 'drop' }
  /** Wait `ms`, then answer normally. */
  | { kind: 'delay'; ms: number };

export interface FaultRateOptions {
  /** Only these methods are affected (default: every method, `response_url` included). */
  methods?: readonly string[];
}

/** mulberry32: small, fast, deterministic for a given seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultPlan {
  private queues = new Map<string, Fault[]>();
  private rate = 0;
  private rateFaults: readonly Fault[] = [];
  private rateMethods: ReadonlySet<string> | undefined;
  private random: () => number = Math.random;

  /** The next `n` calls to `method` get `fault`; queued after any faults already queued. */
  failNext(method: string, n: number, fault: Fault): void {
    const queue = this.queues.get(method) ?? [];
    for (let i = 0; i < n; i += 1) queue.push(fault);
    this.queues.set(method, queue);
  }

  /** Each call (not taken by `failNext`) fails with probability `rate`, picking among `faults`. */
  setRate(rate: number, faults: readonly Fault[], seed: number, options: FaultRateOptions = {}): void {
    if (rate < 0 || rate > 1) throw new RangeError(`fault rate must be within [0, 1], got ${rate}`);
    if (rate > 0 && faults.length === 0) throw new RangeError('a fault rate needs at least one fault');
    this.rate = rate;
    this.rateFaults = faults;
    this.rateMethods = options.methods ? new Set(options.methods) : undefined;
    this.random = seededRandom(seed);
  }

  /** The fault for this call of `method`, if any. Consumes queue entries and random draws. */
  take(method: string): Fault | undefined {
    const queue = this.queues.get(method);
    if (queue && queue.length > 0) return queue.shift();
    if (this.rate === 0 || (this.rateMethods && !this.rateMethods.has(method))) return undefined;
    if (this.random() >= this.rate) return undefined;
    return this.rateFaults[Math.floor(this.random() * this.rateFaults.length)];
  }

  reset(): void {
    this.queues.clear();
    this.rate = 0;
    this.rateFaults = [];
    this.rateMethods = undefined;
  }
}
