// The listeners for everything the bot does not route: a stale button from an older version (an
// action_id no longer used), a form of an unknown callback_id, a block_suggestion for an unknown
// select, a shortcut, another app's slash command sent to this one, and every view_closed. Bolt
// leaves an unmatched request unacknowledged: Slack waits 3 s, shows the person an error, and Bolt
// logs it as an error. Here each is acknowledged at once, and where a person waits for an answer
// they are told in their language that the button or form is out of date.
//
// Bolt runs every listener whose filter matches (not the first one), so these must match only
// what the routes do not: the regular expressions exclude the routed ids.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
  SlackOptionsMiddlewareArgs,
  SlackShortcutMiddlewareArgs,
  SlackViewMiddlewareArgs,
  ViewSubmitAction,
} from '@slack/bolt';
import { buildNotice } from '../../blocks/commands/notice.ts';
import { escapeMrkdwn, truncate } from '../../blocks/mrkdwn.ts';
import { translator } from '../../i18n/index.ts';
import type { SlackDeps } from '../deps.ts';
import { localeFor } from '../locale.ts';
import { answer, answerTargetOf } from '../respond.ts';
import { noticeModal } from '../viewInputs.ts';
import type { Routes } from './routes.ts';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches any id except the given ones. */
function noneOf(ids: readonly string[]): RegExp {
  if (ids.length === 0) return /^/;
  return new RegExp(`^(?!(?:${ids.map(escapeRegExp).join('|')})$)`);
}

export interface Registered {
  routes: Routes;
  /** The slash commands registered (e.g. `/reform`). */
  commands: readonly string[];
}

type Args<T> = T & AllMiddlewareArgs;

/** A button the bot no longer knows: the person clicked and waits. Other elements (a select in a modal) need no answer. */
function unknownAction(deps: SlackDeps) {
  return async ({ ack, body, action, client, respond }: Args<SlackActionMiddlewareArgs<BlockAction>>) => {
    await ack();
    const userId = body.user.id;
    deps.log.info({ userId, actionId: action.action_id, type: action.type }, 'unknown action acknowledged');
    if (action.type !== 'button' || 'url' in action) return;
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    const target = answerTargetOf({ respond, client, userId, responseUrl: body.response_url });
    await answer(target, buildNotice(t('flow.buttonOutOfDate'))).catch((error: Error) =>
      deps.log.warn({ userId, err: error.message }, 'could not answer an unknown action'),
    );
  };
}

/** A form the bot no longer knows: the modal is replaced by a notice (nothing was saved). */
function unknownView(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args<SlackViewMiddlewareArgs<ViewSubmitAction>>) => {
    const userId = body.user.id;
    deps.log.info({ userId, callbackId: view.callback_id }, 'unknown view submission acknowledged');
    // The answer rides on the ack, within 3 s: the locale may not wait for a slow users.info.
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    await ack({ response_action: 'update', view: noticeModal(t, t('flow.formOutOfDate')) });
  };
}

function unknownCommand(deps: SlackDeps) {
  return async ({ ack, command, client, respond }: Args<SlackCommandMiddlewareArgs>) => {
    await ack();
    const userId = command.user_id;
    deps.log.info({ userId, command: command.command }, 'unknown command acknowledged');
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    const target = answerTargetOf({ respond, client, userId, responseUrl: command.response_url });
    const text = t('flow.unknownCommand', { command: escapeMrkdwn(truncate(command.command, 40)) });
    await answer(target, buildNotice(text)).catch((error: Error) =>
      deps.log.warn({ userId, err: error.message }, 'could not answer an unknown command'),
    );
  };
}

function unknownShortcut(deps: SlackDeps) {
  return async ({ ack, body, shortcut, client, respond }: Args<SlackShortcutMiddlewareArgs>) => {
    await ack();
    const userId = body.user.id;
    deps.log.info({ userId, callbackId: shortcut.callback_id }, 'unknown shortcut acknowledged');
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    const responseUrl = (body as { response_url?: string }).response_url;
    const target = answerTargetOf({ respond, client, userId, responseUrl: responseUrl });
    await answer(target, buildNotice(t('flow.unknownShortcut'))).catch((error: Error) =>
      deps.log.warn({ userId, err: error.message }, 'could not answer an unknown shortcut'),
    );
  };
}

/** Registered last, after every routed listener. */
export function registerFallbacks(app: App, deps: SlackDeps, registered: Registered): void {
  const { routes, commands } = registered;
  app.action({ action_id: noneOf(Object.keys(routes.actions ?? {})) }, unknownAction(deps) as never);
  app.view(
    { callback_id: noneOf(Object.keys(routes.views ?? {})), type: 'view_submission' },
    unknownView(deps) as never,
  );
  app.options(
    { action_id: noneOf(Object.keys(routes.options ?? {})) },
    async ({ ack, body }: SlackOptionsMiddlewareArgs) => {
      deps.log.info(
        { actionId: (body as { action_id?: string }).action_id },
        'unknown suggestion request acknowledged',
      );
      await ack({ options: [] });
    },
  );
  app.command(noneOf(commands), unknownCommand(deps) as never);
  app.shortcut(/^/, unknownShortcut(deps) as never);
  // Closing a modal needs no answer; the bot asks for none (notify_on_close), so any is quiet.
  app.view({ type: 'view_closed' }, async ({ ack, view }) => {
    deps.log.debug({ callbackId: view.callback_id }, 'view closed');
    await ack();
  });
}
