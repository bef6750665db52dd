// The "Fill in the self-check" button of the year-end round message: ack, then open the modal.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { decodeRoundButton } from '../../../blocks/messages/roundSelfCheckPrompt.ts';
import { translator } from '../../../i18n/index.ts';
import type { SlackDeps } from '../../deps.ts';
import { localeFor } from '../../locale.ts';
import { answer, answerTargetOf } from '../../respond.ts';
import { openRoundSelfCheck } from './roundSelfCheckOpen.ts';

export function roundSelfCheckAction(deps: SlackDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    // The trigger expires 3 s after the click: the locale may not wait for a slow users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    const value = decodeRoundButton(action.value);
    if (!value) {
      deps.log.warn({ value: action.value }, 'round self-check button with an unreadable value');
      await answer(target, buildNotice(translator(locale)('flow.buttonOutOfDate'))).catch(() => {});
      return;
    }
    try {
      const outcome = await openRoundSelfCheck(client, body.trigger_id, deps, { ...value, userId, locale }, target);
      deps.log.debug({ ...value, userId, outcome }, 'round self-check opened');
    } catch (error) {
      deps.log.error({ ...value, userId, err: (error as Error).message }, 'could not open the round self-check');
    }
  };
}
