// What a contention run does, from flags and the environment. Two forms: the full run (`npm run
// contention`: 250,000 items, 20 clicks and 50 commands a second) and the short one inside
// `npm test` (`--short`: 20,000 items, lower rates, about 25 s of load). Every knob can be changed
// with a flag (`--items=`, `--click-rate=`, ...) or its CONTENTION_* variable, so the run can be
// scaled up or down after the bot's fixes land.

export interface ContentionOptions {
  form: 'full' | 'short';
  /** Items in the bot's ledger, and in the ledger the CLI imports (25 per plan). */
  items: number;
  /** Button clicks per second (mark started / mark done on distinct items). */
  clickRate: number;
  /** Slash commands per second, reads and `/reform update` writes together. */
  commandRate: number;
  /** Share of the commands that are `/reform update` writes. */
  updateShare: number;
  /** Load lasts at least this long, and past it until the CLI sequence has finished. */
  minLoadSeconds: number;
  /** The CLI sequence starts this long after the load does. */
  cliDelaySeconds: number;
  /** The reminder and digest slot falls this long after the bot was started (real seconds). */
  slotAfterStartSeconds: number;
  /** The whole run stops by itself after this (real seconds). */
  hardLimitSeconds: number;
  seed: number;
  json: boolean;
  keep: boolean;
}

const FORMS: Record<'full' | 'short', Omit<ContentionOptions, 'seed' | 'json' | 'keep' | 'form'>> = {
  full: {
    items: 250_000,
    clickRate: 20,
    commandRate: 50,
    updateShare: 0.2,
    minLoadSeconds: 60,
    cliDelaySeconds: 5,
    slotAfterStartSeconds: 40,
    hardLimitSeconds: 600,
  },
  short: {
    items: 20_000,
    clickRate: 10,
    commandRate: 20,
    updateShare: 0.25,
    minLoadSeconds: 20,
    cliDelaySeconds: 2,
    slotAfterStartSeconds: 12,
    hardLimitSeconds: 80,
  },
};

type Knob =
  | 'items'
  | 'clickRate'
  | 'commandRate'
  | 'updateShare'
  | 'minLoadSeconds'
  | 'cliDelaySeconds'
  | 'slotAfterStartSeconds'
  | 'hardLimitSeconds';

const KNOBS: Record<Knob, { flag: string; env: string }> = {
  items: { flag: 'items', env: 'CONTENTION_ITEMS' },
  clickRate: { flag: 'click-rate', env: 'CONTENTION_CLICK_RATE' },
  commandRate: { flag: 'command-rate', env: 'CONTENTION_COMMAND_RATE' },
  updateShare: { flag: 'update-share', env: 'CONTENTION_UPDATE_SHARE' },
  minLoadSeconds: { flag: 'seconds', env: 'CONTENTION_SECONDS' },
  cliDelaySeconds: { flag: 'cli-delay', env: 'CONTENTION_CLI_DELAY' },
  slotAfterStartSeconds: { flag: 'slot-after', env: 'CONTENTION_SLOT_AFTER' },
  hardLimitSeconds: { flag: 'hard-limit', env: 'CONTENTION_HARD_LIMIT' },
};

function flagValue(argv: readonly string[], flag: string): string | undefined {
  return argv.find((a) => a.startsWith(`--${flag}=`))?.slice(flag.length + 3);
}

export function parseContentionOptions(argv: readonly string[], env: NodeJS.ProcessEnv): ContentionOptions {
  const form = argv.includes('--short') ? 'short' : 'full';
  const options: ContentionOptions = {
    form,
    ...FORMS[form],
    seed: 0,
    json: argv.includes('--json'),
    keep: argv.includes('--keep'),
  };
  for (const [knob, { flag, env: name }] of Object.entries(KNOBS) as [Knob, { flag: string; env: string }][]) {
    const raw = flagValue(argv, flag) ?? env[name];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!(value >= 0) || (knob !== 'updateShare' && knob !== 'cliDelaySeconds' && value === 0))
      throw new Error(`--${flag} / ${name}: not a usable number: ${raw}`);
    options[knob] = value;
  }
  // Whole plans of 25 items, as the import benchmark's ledger has.
  options.items = Math.max(25, Math.round(options.items / 25) * 25);
  const seed = flagValue(argv, 'seed') ?? env.CONTENTION_SEED;
  options.seed = seed !== undefined && /^\d+$/.test(seed) ? Number(seed) : Math.floor(Math.random() * 2 ** 31);
  return options;
}
