// The "Fill in the self-check" button of the year-end round message: ack, then open the modal.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { decodeRoundButton } from '../../ui/modals/roundSelfCheckPrompt.ts';
import { openRoundSelfCheck } from './roundSelfCheckOpen.ts';

export function roundSelfCheckAction(deps: SlackDeps) {
  return async ({ ack, body, action, client }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const value = decodeRoundButton(action.value);
    if (!value) {
      deps.log.warn({ value: action.value }, 'round self-check button with an unreadable value');
      return;
    }
    const userId = body.user.id;
    const locale = await localeFor(client, deps, userId, { quick: true });
    try {
      const outcome = await openRoundSelfCheck(client, body.trigger_id, deps, { ...value, userId, locale });
      deps.log.debug({ ...value, userId, outcome }, 'round self-check opened');
    } catch (error) {
      deps.log.error({ ...value, userId, err: (error as Error).message }, 'could not open the round self-check');
    }
  };
}
