// The "Fill in the self-check" button of the year-end round message: ack, then open the modal.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs, webApi } from '@slack/bolt';
import { eq } from 'drizzle-orm';
import { userLocales } from '../../../db/schema.ts';
import type { Locale } from '../../../domain/types.ts';
import { localeFromSlack } from '../../../i18n/define.ts';
import type { SlackDeps } from '../../deps.ts';
import { decodeRoundButton } from '../../ui/modals/roundSelfCheckPrompt.ts';
import { translator } from '../../../i18n/index.ts';
import { answer } from '../../respond.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { openRoundSelfCheck } from './roundSelfCheckOpen.ts';

/** Which language a person reads; the app passes the shared resolver (users.info, cached). */
export type LocaleOf = (client: webApi.WebClient, userId: string) => Promise<Locale>;

/** Without a resolver: the language Slack last reported for the person (user_locales), else the office's. */
export function cachedLocaleOf(deps: Pick<SlackDeps, 'db' | 'config'>): LocaleOf {
  return async (_client, userId) => {
    const row = deps.db.select().from(userLocales).where(eq(userLocales.userId, userId)).get();
    return localeFromSlack(row?.locale, deps.config.REFORM_LOCALE);
  };
}

export function roundSelfCheckAction(deps: SlackDeps, localeOf: LocaleOf) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const userId = body.user.id;
    const locale = await localeOf(client, userId);
    const target = { respond, hasResponseUrl: Boolean(body.response_url), client, userId };
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
