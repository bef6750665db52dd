// `reform-bot round create`: select the plans, snapshot their items, print the round's table.

import { roundSelfCheckPromptIn } from '../../blocks/messages/roundSelfCheckPrompt.ts';
import { loadCalendar } from '../../calendarFile.ts';
import { writeTransaction } from '../../db/writeTransaction.ts';
import { isIsoDate, todayIn } from '../../domain/dates.ts';
import { DEFAULT_MIN_AGE_MONTHS, roundCutoff } from '../../domain/rounds.ts';
import { ROUND_KINDS, type RoundKind } from '../../domain/types.ts';
import { groupNames } from '../../store/plans.ts';
import { queueSelfCheckPrompts } from '../../store/roundPrompts.ts';
import { createRound, loadRoundStats } from '../../store/rounds.ts';
import { type CliCommand, type CliContext, EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../command.ts';
import { roundRef } from './roundArgs.ts';
import { printPromptsQueued } from './roundNotify.ts';
import { renderStats, statsForJson } from './stats.ts';

export const roundCreateCommand: CliCommand = {
  name: 'round create',
  usage:
    'reform-bot round create --kind <mid-year|year-end|special> [--as-of YYYY-MM-DD] [--min-age-months 6] [--json]',
  help: (t) => t('round.cli.create.help'),
  options: {
    kind: { type: 'string' },
    'as-of': { type: 'string' },
    'min-age-months': { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: { min: 0, max: 0 },
  async run(ctx, { values }) {
    const kind = String(values.kind ?? '');
    if (!(ROUND_KINDS as readonly string[]).includes(kind)) {
      ctx.io.err(ctx.t('round.cli.badKind', { value: kind }));
      return EXIT_USAGE;
    }
    const asOf = (values['as-of'] as string | undefined) ?? todayIn(ctx.now, ctx.config.REFORM_TZ);
    if (!isIsoDate(asOf)) {
      ctx.io.err(ctx.t('cli.badDate', { option: '--as-of', value: asOf }));
      return EXIT_USAGE;
    }
    const monthsText = (values['min-age-months'] as string | undefined) ?? String(DEFAULT_MIN_AGE_MONTHS);
    if (!/^\d{1,3}$/.test(monthsText)) {
      ctx.io.err(ctx.t('round.cli.badCount', { option: '--min-age-months', value: monthsText }));
      return EXIT_USAGE;
    }
    return create(ctx, kind as RoundKind, asOf, Number(monthsText), values.json === true);
  },
};

async function create(
  ctx: CliContext,
  kind: RoundKind,
  asOf: string,
  minAgeMonths: number,
  json: boolean,
): Promise<number> {
  const db = ctx.db();
  // One transaction: the snapshot and the year-end messages exist together or not at all.
  const { created, prompts } = writeTransaction(db, () => {
    const created = createRound(db, { kind, asOf, minAgeMonths, createdBy: 'cli', now: ctx.now });
    const prompts =
      created.kind === 'created' && kind === 'year-end'
        ? queueSelfCheckPrompts(db, created.round, roundSelfCheckPromptIn, ctx.now, ctx.config.REFORM_LOCALE)
        : undefined;
    return { created, prompts };
  });
  if (created.kind === 'exists') {
    ctx.io.err(ctx.t('round.cli.exists', roundRef(ctx, created.round)));
    return EXIT_FAILED;
  }
  if (created.kind === 'empty') {
    ctx.io.err(ctx.t('round.cli.empty', { asOf, cutoff: roundCutoff(asOf, minAgeMonths) }));
    return EXIT_FAILED;
  }
  const { round, selectedPlans } = created;
  const stats = loadRoundStats(db, round, loadCalendar(ctx.config.REFORM_CALENDAR), ctx.config.REFORM_YELLOW_WORKDAYS);
  const codes = selectedPlans.map((p) => p.code);
  const names = groupNames(db);
  if (json) {
    ctx.io.out(JSON.stringify({ ...statsForJson(stats, names), roundId: round.id, selectedPlans: codes }, null, 2));
  } else {
    const cutoff = roundCutoff(asOf, minAgeMonths);
    ctx.io.out(
      ctx.t('round.cli.created', {
        ...roundRef(ctx, round),
        cutoff,
        months: minAgeMonths,
        plans: codes.length,
        items: created.items,
      }),
    );
    ctx.io.out(ctx.t('round.cli.selected', { codes: codes.join(', ') }));
    ctx.io.out('');
    ctx.io.out(renderStats(stats, names, ctx.t));
  }
  // With --json, stdout is the figures only; what was queued is reported on stderr.
  if (prompts) printPromptsQueued(ctx, prompts, json ? ctx.io.err : ctx.io.out);
  return EXIT_OK;
}
