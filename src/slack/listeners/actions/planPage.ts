// Previous/Next on a plan file (action plan.page): replaces the message with the asked page.
import type { BlockAction, ButtonAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodePlanPage } from '../../../blocks/commands/planFile.ts';
import { translator } from '../../../i18n/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { answer, answerTargetOf } from '../../respond.ts';
import { planSubcommand } from '../commands/plan.ts';

export function planPage(deps: SlackDeps): Middleware<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>> {
  return async ({ ack, body, action, respond, client }) => {
    await ack();
    const userId = body.user.id;
    const t = translator(await localeFor(client, deps, userId));
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    try {
      const value = decodePlanPage(action.value);
      if (!value) {
        await answer(target, buildNotice(t('cmd.error.badButton')));
        return;
      }
      await answer(target, planSubcommand({ deps, t }, value.plan, value.page), { replace: true });
    } catch (error) {
      deps.log.error({ userId, err: (error as Error).message, stack: (error as Error).stack }, 'plan.page failed');
      await answer(target, buildNotice(t('cmd.error.failed'))).catch(() => {});
    }
  };
}
