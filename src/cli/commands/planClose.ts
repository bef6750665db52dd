// `reform-bot plan close <code> [--force]`: the same close-out as the Confirm button, from the
// command line. Refused when not every item is done unless --force.
import { todayIn } from '../../domain/dates.ts';
import { closePlan, findPlanByCode } from '../../store/closeout.ts';
import { type CliCommand, EXIT_FAILED, EXIT_OK } from '../command.ts';
import { cliActor } from './central.ts';

export const planCloseCommand: CliCommand = {
  name: 'plan close',
  usage: 'reform-bot plan close <plan code> [--force]',
  help: (t) => t('cli.planClose.help'),
  options: { force: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  async run(ctx, { values, positionals }) {
    const code = (positionals[0] as string).trim();
    const plan = findPlanByCode(ctx.db(), code);
    if (!plan) {
      ctx.io.err(ctx.t('cli.planClose.notFound', { code }));
      return EXIT_FAILED;
    }
    const result = closePlan(ctx.db(), {
      planId: plan.id,
      by: cliActor(),
      today: todayIn(ctx.now, ctx.config.REFORM_TZ),
      at: ctx.now,
      force: values.force === true,
      rule: { reviewRequired: ctx.config.REVIEW_REQUIRED_FOR_CLOSEOUT },
    });
    switch (result.kind) {
      case 'closed':
        ctx.io.out(ctx.t('cli.planClose.closed', { code: result.code, on: result.closedOn }));
        return EXIT_OK;
      case 'alreadyClosed':
        ctx.io.out(
          ctx.t('cli.planClose.already', { code: result.code, on: result.closedOn ?? '—', by: result.closedBy ?? '—' }),
        );
        return EXIT_OK;
      case 'notClosable':
      case 'changed':
        ctx.io.err(ctx.t('cli.planClose.notClosable', { code: result.code, done: result.done, items: result.items }));
        return EXIT_FAILED;
      case 'notFound':
        ctx.io.err(ctx.t('cli.planClose.notFound', { code }));
        return EXIT_FAILED;
    }
  },
};
