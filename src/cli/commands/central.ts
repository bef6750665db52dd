// `reform-bot central add` registers a central plan (the same rules as the /reform central modal);
// `reform-bot central list` shows each one's follow-up state.
import { userInfo } from 'node:os';
import { daysBetween, todayIn } from '../../domain/dates.ts';
import type { Translate } from '../../i18n/index.ts';
import {
  type CentralField,
  type CentralProblemCode,
  listCentralPlans,
  registerCentralPlan,
} from '../../store/centralPlans.ts';
import { type CliCommand, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { renderTable } from '../textTable.ts';

const OPTION_OF: Record<CentralField, string> = {
  title: '--title',
  passedOn: '--passed-on',
  group: '--group',
  meeting: '--meeting',
  url: '--url',
};

/** Who did it, as recorded in the ledger: `cli:<login name>`. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return `cli:${process.env.USER ?? 'unknown'}`;
  }
}

function problemText(t: Translate, code: CentralProblemCode): string {
  return t(`central.error.${code}`);
}

export const centralAddCommand: CliCommand = {
  name: 'central add',
  usage:
    'reform-bot central add --title <text> --passed-on <YYYY-MM-DD> --group <code> [--meeting <text>] [--url <link>]',
  help: (t) => t('cli.central.add.help'),
  options: {
    title: { type: 'string' },
    'passed-on': { type: 'string' },
    group: { type: 'string' },
    meeting: { type: 'string' },
    url: { type: 'string' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const missing = (['title', 'passed-on', 'group'] as const).filter((o) => typeof values[o] !== 'string');
    if (missing.length > 0) {
      for (const o of missing) ctx.io.err(ctx.t('cli.central.missing', { option: `--${o}` }));
      ctx.io.err(ctx.t('cli.usageLine', { usage: centralAddCommand.usage }));
      return EXIT_USAGE;
    }
    const result = registerCentralPlan(
      ctx.db(),
      {
        title: values.title as string,
        passedOn: values['passed-on'] as string,
        groupCode: values.group as string,
        meeting: values.meeting as string | undefined,
        url: values.url as string | undefined,
        createdBy: cliActor(),
      },
      { now: ctx.now, timeZone: ctx.config.REFORM_TZ, deadlineDays: ctx.config.FOLLOWUP_DEADLINE_DAYS },
    );
    if (result.kind === 'invalid') {
      for (const p of result.problems)
        ctx.io.err(ctx.t('cli.central.problem', { option: OPTION_OF[p.field], problem: problemText(ctx.t, p.code) }));
      return EXIT_USAGE;
    }
    const title = (values.title as string).trim();
    ctx.io.out(
      result.kind === 'created'
        ? ctx.t('cli.central.added', {
            id: result.id,
            title,
            due: result.arrangementDueOn,
            group: (values.group as string).trim(),
          })
        : ctx.t('cli.central.existing', { id: result.id, title, due: result.arrangementDueOn }),
    );
    return EXIT_OK;
  },
};

export const centralListCommand: CliCommand = {
  name: 'central list',
  usage: 'reform-bot central list [--open] [--json]',
  help: (t) => t('cli.central.list.help'),
  options: { open: { type: 'boolean' }, json: { type: 'boolean' } },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const today = todayIn(ctx.now, ctx.config.REFORM_TZ);
    const plans = listCentralPlans(ctx.db()).filter((p) => !values.open || p.arrangement === null);
    if (values.json) {
      ctx.io.out(JSON.stringify(plans, null, 2));
      return EXIT_OK;
    }
    if (plans.length === 0) {
      ctx.io.out(ctx.t('cli.central.none'));
      return EXIT_OK;
    }
    const state = (p: (typeof plans)[number]) => {
      if (p.arrangement)
        return ctx.t('cli.central.arranged', {
          by: p.arrangement.by,
          on: todayIn(new Date(p.arrangement.at), ctx.config.REFORM_TZ),
        });
      return today > p.arrangementDueOn
        ? ctx.t('cli.central.overdue', { days: daysBetween(p.arrangementDueOn, today) })
        : ctx.t('cli.central.waiting');
    };
    const t = ctx.t;
    ctx.io.out(
      renderTable(
        [
          t('cli.central.colId'),
          t('cli.central.colTitle'),
          t('cli.central.colPassed'),
          t('cli.central.colGroup'),
          t('cli.central.colDue'),
          t('cli.central.colState'),
        ],
        plans.map((p) => [p.id, p.title, p.passedOn, p.group.code, p.arrangementDueOn, state(p)]),
        ['right'],
      ),
    );
    return EXIT_OK;
  },
};
