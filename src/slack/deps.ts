// What every listener may use. Built once in the composition root; tests build their own.
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { WorkCalendar } from '../domain/workdays.ts';
import type { HealthCheck } from '../health/healthCheck.ts';
import type { Logger } from '../log.ts';
import type { HomeRefresher } from './homeRefresher.ts';
import type { ReadPool } from './readWorkers/readPool.ts';

export interface SlackDeps {
  config: Config;
  db: Db;
  log: Logger;
  calendar: WorkCalendar;
  /** The clock, injected so tests can fix the instant. */
  now: () => Date;
  /** Read workers for read-only /reform subcommands; without them answers are built here. */
  readWorkers?: ReadPool;
  /** What /healthz probes (the bot's is watched for the admins' alerts); built from db when absent. */
  health?: HealthCheck;
  /** Coalesced App Home refreshes after changes; createSlackApp starts it (and stops it). */
  homes?: HomeRefresher;
  /**
   * A worker of its own for App Home builds (main.ts starts it with the read workers), so a
   * burst of Home refreshes never holds up a /reform answer; without it Homes go to `readWorkers`.
   */
  homeBuilder?: ReadPool;
}
