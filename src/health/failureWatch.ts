// Since when delivery (posts to Slack) and writes (to the database) have been failing, and
// whether the admins were told about this outage yet. Pure state: callers pass the instants in.
// An outage is told once; a success ends it, so the next failure starts a new one (told again).

export type HealthSignal = 'delivery' | 'writes';

export interface Outage {
  signal: HealthSignal;
  since: Date;
  /** The latest failure's reason. */
  reason: string;
}

interface SignalState {
  since: Date;
  reason: string;
  told: boolean;
}

export class FailureWatch {
  private readonly failing = new Map<HealthSignal, SignalState>();

  /** A failure; the outage starts at the first one. */
  failed(signal: HealthSignal, at: Date, reason: string): void {
    const state = this.failing.get(signal);
    if (state) state.reason = reason;
    else this.failing.set(signal, { since: at, reason, told: false });
  }

  /** A success ends the outage. Returns it when the admins had been told about it. */
  ok(signal: HealthSignal): Outage | undefined {
    const state = this.failing.get(signal);
    this.failing.delete(signal);
    return state?.told ? { signal, since: state.since, reason: state.reason } : undefined;
  }

  /** Outages that have lasted at least `afterMs` and were not told yet. */
  due(at: Date, afterMs: number): Outage[] {
    return [...this.failing]
      .filter(([, state]) => !state.told && at.getTime() - state.since.getTime() >= afterMs)
      .map(([signal, state]) => ({ signal, since: state.since, reason: state.reason }));
  }

  markTold(signal: HealthSignal): void {
    const state = this.failing.get(signal);
    if (state) state.told = true;
  }
}
