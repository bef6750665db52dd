// What a chaos run does, from the command line and the environment. Two forms: the full run
// (`npm run chaos`, at least 20 kills, under 5 minutes) and the short one CI runs inside
// `npm test` (`--short`, about a minute). CHAOS_SECONDS changes how long the kills go on.

export interface ChaosOptions {
  form: 'full' | 'short';
  /** How long children are killed and restarted (real seconds). */
  chaosSeconds: number;
  /** At least this many kills; the run goes on past chaosSeconds until it has them. */
  minKills: number;
  /** The bot's clock: virtual milliseconds per real millisecond, and where it starts. */
  speed: number;
  virtualStart: string;
  /** Share of Web API calls the stand-in fails. */
  faultRate: number;
  /** Time allowed for the last child to empty the outbox (real seconds). */
  drainSeconds: number;
  /** The whole run stops by itself after this (real seconds), whatever happens. */
  hardLimitSeconds: number;
  seed: number;
  /** Print the JSON summary alone on stdout (the table goes to stderr). */
  json: boolean;
  /** Keep the temporary folder (database, bot logs) even when the run passed. */
  keep: boolean;
}

export function parseChaosOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ChaosOptions {
  const short = argv.includes('--short');
  const seedArg = argv.find((a) => a.startsWith('--seed='))?.slice('--seed='.length) ?? env.CHAOS_SEED;
  const seconds = Number(env.CHAOS_SECONDS);
  const base: ChaosOptions = short
    ? {
        form: 'short',
        chaosSeconds: 40,
        minKills: 10,
        // Monday 08:30 in Shanghai: the 09:00 reminders, digest, close-out and follow-ups come
        // about a second in, and Tuesday's before the end.
        speed: 2880,
        virtualStart: '2026-11-30T08:30:00+08:00',
        faultRate: 0.2,
        drainSeconds: 60,
        hardLimitSeconds: 150,
        seed: 0,
        json: false,
        keep: false,
      }
    : {
        form: 'full',
        chaosSeconds: 190,
        minKills: 20,
        // Sunday 20:00: then Monday (digest), Tuesday, Wednesday... one virtual day per real minute.
        speed: 1440,
        virtualStart: '2026-11-29T20:00:00+08:00',
        faultRate: 0.2,
        drainSeconds: 60,
        hardLimitSeconds: 290,
        seed: 0,
        json: false,
        keep: false,
      };
  return {
    ...base,
    chaosSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : base.chaosSeconds,
    seed: seedArg !== undefined && /^\d+$/.test(seedArg) ? Number(seedArg) : Math.floor(Math.random() * 2 ** 31),
    json: argv.includes('--json'),
    keep: argv.includes('--keep'),
  };
}
