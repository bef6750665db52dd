// The environment, parsed once with zod. A bad value stops start-up with one line per problem,
// naming the variable and what is wrong.
import { existsSync } from 'node:fs';
import cron from 'node-cron';
import { z } from 'zod';
import { parseFastClock } from './clock.ts';
import { isIsoDate } from './domain/dates.ts';
import { LOCALES } from './domain/types.ts';
import { type SlackTokenKind, slackTokenProblem } from './slackTokens.ts';

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Empty is unset; otherwise the token must have Slack's shape (see slackTokens.ts for why). */
const slackToken = (kind: SlackTokenKind) =>
  optionalText.superRefine((value, ctx) => {
    const problem = value === undefined ? undefined : slackTokenProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** A node-cron expression (5 fields, or 6 with seconds first), read in REFORM_TZ. */
/** true/false, 1/0, yes/no, on/off (any case); empty or unset: the default. */
const flag = (fallback: boolean) =>
  optionalText.transform((value, ctx) => {
    if (value === undefined) return fallback;
    const word = value.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(word)) return true;
    if (['false', '0', 'no', 'off'].includes(word)) return false;
    ctx.addIssue({ code: 'custom', message: `"${value}" is not true or false (also 1/0, yes/no, on/off)` });
    return z.NEVER;
  });

const cronText = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => cron.validate(v), {
      message: 'not a cron expression (e.g. "0 9 * * *": minute hour day month weekday)',
    });

const configSchema = z.object({
  DATABASE_PATH: z.string().trim().min(1).default('./data/reform-bot.db'),
  REFORM_TZ: z
    .string()
    .default('Asia/Shanghai')
    .refine(isTimeZone, { message: 'not an IANA time zone (e.g. Asia/Shanghai)' }),
  REFORM_LOCALE: z.enum(LOCALES, { message: 'must be zh-CN or en' }).default('zh-CN'),
  REFORM_YELLOW_WORKDAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** JSON file of holidays and make-up working days (see README "Working days"). */
  REFORM_CALENDAR: optionalText,
  SLACK_BOT_TOKEN: slackToken('bot'),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: slackToken('app'),
  SLACK_API_URL: optionalText.pipe(z.url({ message: 'must be a URL such as https://slack.com/api/' }).optional()),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FOLLOWUP_DEADLINE_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Local hour (REFORM_TZ) from which overdue follow-ups are chased on working days. */
  FOLLOWUP_CHASE_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  SCHEDULE_FOLLOWUPS: cronText('*/15 * * * *'),
  SCHEDULE_REMINDERS: cronText('0 9 * * *'),
  SCHEDULE_DIGEST: cronText('0 9 * * 1'),
  SCHEDULE_CLOSEOUT: cronText('0 9 * * *'),
  CATCH_UP_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 7)
    .default(24),
  ADMIN_OVERDUE_WORKDAYS: z.coerce.number().int().min(0).max(365).default(10),
  /**
   * Read workers: threads that build read-only /reform answers and App Home views off the main
   * thread (0: on it). Formerly ANSWER_WORKERS, still read when READ_WORKERS is unset (RENAMED_VARIABLES).
   */
  READ_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  /** Testing only (the chaos run): a virtual clock N times faster than the wall clock (src/clock.ts). */
  FAST_CLOCK: optionalText.transform((value, ctx) => {
    if (value === undefined) return undefined;
    const spec = parseFastClock(value);
    if (typeof spec !== 'string') return spec;
    ctx.addIssue({ code: 'custom', message: spec });
    return z.NEVER;
  }),
  // --- Health and shutdown (README "Running in production")
  /** /healthz answers 503 when the database's folder has less free space than this. */
  HEALTH_MIN_FREE_MB: z.coerce.number().int().min(0).max(1_000_000).default(100),
  /** Admins get one direct message once Slack posts or database writes have failed this long. */
  HEALTH_ALERT_AFTER_MINUTES: z.coerce
    .number()
    .min(1)
    .max(24 * 60)
    .default(5),
  /** `stop` (SIGTERM) finishes within this: requests, in-flight posts and writes, then the database. */
  SHUTDOWN_BUDGET_MS: z.coerce.number().int().min(1000).max(600_000).default(20_000),
  // --- The contention run (README "The contention run", contention/run.ts) ---
  /** Testing only: write the event loop's longest stall to this file (src/stallReport.ts). */
  REFORM_STALL_REPORT: optionalText,
  // --- Housekeeping (README "Running in production"): retention of the outbox and job history, and its schedule.
  /**
   * Sent/failed outbox rows and job runs older than this many days are pruned daily. At least 30:
   * `run --at` and the outbox's idempotency keys rely on this history (see src/jobs/housekeeping.ts).
   */
  RETENTION_DAYS: z.coerce.number().int().min(30).max(3650).default(180),
  SCHEDULE_HOUSEKEEPING: cronText('30 3 * * *'),
  // --- One bot per database (README "Running in production", src/lease) ---
  /**
   * How long a bot's lease on the database outlives its last heartbeat (renewed every third of
   * it): a bot killed on another host frees the file after this (on the same host at once).
   */
  BOT_LEASE_TTL_MS: z.coerce.number().int().min(300).max(600_000).default(30_000),
  // --- Statistics under load (README "The contention run") ---
  /** Office-wide figures computed this recently are reused although the ledger changed (0: always fresh). */
  STATS_REUSE_MS: z.coerce.number().int().min(0).max(60_000).default(2_000),
  // App Home refresh after a change: see src/slack/homeRefresher.ts.
  /** A person's Home is re-published once per this window however many changes concern them. */
  HOME_REFRESH_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** People waiting for a refresh at most; beyond it a refresh is dropped (the tab is fresh when opened). */
  HOME_REFRESH_MAX_PENDING: z.coerce.number().int().min(1).max(100_000).default(1000),
  /** Homes built and published at the same time. */
  HOME_REFRESH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  // --- Extension requests (README "Extension requests") ---
  /** A request unanswered this many working days is raised to the office admins (once). */
  EXTENSION_ESCALATE_WORKDAYS: z.coerce.number().int().min(1).max(60).default(3),
  /** When unanswered requests are looked for (the job skips non-working days). */
  SCHEDULE_EXTENSIONS: cronText('0 9 * * *'),
  // --- Review of claimed results (README "Review of claimed results") ---
  /** Close-out counts only done items a reviewer confirmed; off: every reported done item counts. */
  REVIEW_REQUIRED_FOR_CLOSEOUT: flag(false),
  // --- Ranking and progress chart (README "Ranking", "Progress chart") ---
  /**
   * The day the office means to have every item done: the forecast's "pace needed". The default
   * is the seed's horizon: the reforms it supervises were to be in place by the end of 2020.
   */
  OFFICE_TARGET_DATE: z
    .string()
    .trim()
    .default('2020-12-31')
    .refine(isIsoDate, { message: 'not a date (YYYY-MM-DD, e.g. 2027-12-31)' }),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Variables renamed since a release: an older `.env` or service file keeps working (the new name wins). */
const RENAMED_VARIABLES: Record<string, string> = { ANSWER_WORKERS: 'READ_WORKERS' };

/** The new name of each variable set under its old one only, so problems name what the person wrote. */
function renamedInUse(env: Record<string, string | undefined>): Map<string, string> {
  const used = new Map<string, string>();
  for (const [old, current] of Object.entries(RENAMED_VARIABLES)) {
    if (env[current] === undefined && env[old] !== undefined) used.set(current, old);
  }
  return used;
}

/** One line per problem: `REFORM_TZ: not an IANA time zone (e.g. Asia/Shanghai)`. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const renamed = renamedInUse(env);
  const source = { ...env };
  for (const [current, old] of renamed) source[current] = env[old];
  const result = configSchema.safeParse(source);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const shown = renamed.has(name) ? `${renamed.get(name)} (now ${name})` : name || '(environment)';
    return `${shown}: ${issue.message}`;
  });
  throw new ConfigError(problems);
}

/** Reads `.env` (when present) without overriding what the environment already says, then parses. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, envFile = '.env'): Config {
  if (env === process.env && existsSync(envFile)) process.loadEnvFile(envFile);
  return parseConfig(env);
}
