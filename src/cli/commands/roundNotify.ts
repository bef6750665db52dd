// `reform-bot round notify <id>`: queue the year-end self-check messages again, for liaisons
// added since the round was created. The outbox keys make it safe to run any number of times.
import { roundSelfCheckPromptIn } from '../../blocks/messages/roundSelfCheckPrompt.ts';
import { writeTransaction } from '../../db/writeTransaction.ts';
import { type QueuePromptsResult, queueSelfCheckPrompts } from '../../store/roundPrompts.ts';
import { type CliCommand, type CliContext, EXIT_FAILED, EXIT_OK } from '../command.ts';
import { roundFromArg, roundRef } from './roundArgs.ts';

export function printPromptsQueued(ctx: CliContext, r: QueuePromptsResult, print: (line: string) => void): void {
  print(ctx.t('round.cli.queued', { queued: r.queued, already: r.alreadyQueued, recipients: r.recipients }));
  if (r.plansWithoutLiaison.length > 0)
    print(ctx.t('round.cli.noLiaison', { codes: r.plansWithoutLiaison.join(', ') }));
}

export const roundNotifyCommand: CliCommand = {
  name: 'round notify',
  usage: 'reform-bot round notify <round>',
  help: (t) => t('round.cli.notify.help'),
  options: {},
  positionals: { min: 1, max: 1 },
  async run(ctx, { positionals }) {
    const round = roundFromArg(ctx, positionals[0]);
    if (!round) return EXIT_FAILED;
    if (round.kind !== 'year-end') {
      ctx.io.err(ctx.t('round.cli.notYearEnd', roundRef(ctx, round)));
      return EXIT_FAILED;
    }
    const db = ctx.db();
    const result = writeTransaction(db, () =>
      queueSelfCheckPrompts(db, round, roundSelfCheckPromptIn, ctx.now, ctx.config.REFORM_LOCALE),
    );
    printPromptsQueued(ctx, result, ctx.io.out);
    return EXIT_OK;
  },
};
