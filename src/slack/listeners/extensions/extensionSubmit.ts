// The extension form submitted (view.extension_request): read the date and the reason, save the
// request (and queue the approvers' DMs) before the ack, and answer in the form itself: errors
// under the field concerned, or the form turned into a notice saying to whom it was sent. A
// redelivered submission (same view id) saves nothing new and closes quietly.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { decodeExtensionFormMetadata } from '../../../blocks/extensionCodecs.ts';
import { extensionProblemText } from '../../../blocks/messages/extensionNotices.ts';
import { EXTENSION_BLOCKS } from '../../../blocks/modals/extensionRequest.ts';
import { section } from '../../../blocks/parts/index.ts';
import type { ExtensionProblem } from '../../../domain/extensions.ts';
import { translator } from '../../../i18n/index.ts';
import { getItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { askExtension, extensionAskText } from '../../extensionAsk.ts';
import { localeFor } from '../../locale.ts';
import { errorsOnViewBlocks, formOutOfDate, noticeModal, viewValues } from '../../viewInputs.ts';
import { failureText } from '../failureText.ts';

type Args = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The date's problems go under the date, the rest under the reason. */
const DATE_PROBLEMS: ReadonlySet<ExtensionProblem['key']> = new Set(['badDate', 'notLater']);

export function extensionSubmit(deps: SlackDeps) {
  return async ({ ack, body, view, client }: Args): Promise<void> => {
    const userId = body.user.id;
    // Errors must go back in the ack, within 3 seconds: never wait long for users.info.
    const locale = await localeFor(client, deps, userId, { quick: true });
    const t = translator(locale);
    const meta = decodeExtensionFormMetadata(view.private_metadata);
    if (!meta) {
      await ack(formOutOfDate(view, t));
      return;
    }
    const item = getItem(deps.db, meta.itemId);
    if (!item) {
      await ack({ response_action: 'update', view: noticeModal(t, t('cmd.error.badButton')) });
      return;
    }
    const values = viewValues(view) as Record<
      string,
      { value?: { selected_date?: string | null; value?: string | null } }
    >;
    const toDueOn = values[EXTENSION_BLOCKS.date]?.value?.selected_date ?? '';
    const reason = values[EXTENSION_BLOCKS.reason]?.value?.value ?? '';
    let outcome: Awaited<ReturnType<typeof askExtension>>;
    try {
      outcome = await askExtension(deps, {
        person: loadPerson(deps.db, userId),
        item,
        toDueOn,
        reason,
        requestKey: `view:${view.id}`,
      });
    } catch (error) {
      deps.log.error({ err: (error as Error).message, itemId: item.id }, 'extension form: could not save');
      await ack({
        response_action: 'errors',
        errors: errorsOnViewBlocks(view, { [EXTENSION_BLOCKS.date]: failureText(t, error) }),
      });
      return;
    }
    if (
      outcome.kind === 'invalid' &&
      outcome.problems.every((p) => p.key !== 'done' && p.key !== 'noDue' && p.key !== 'planClosed')
    ) {
      const errors: Record<string, string> = {};
      for (const problem of outcome.problems) {
        const block = DATE_PROBLEMS.has(problem.key) ? EXTENSION_BLOCKS.date : EXTENSION_BLOCKS.reason;
        errors[block] ??= extensionProblemText(t, problem);
      }
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, errors) });
      return;
    }
    const text = extensionAskText(t, outcome);
    if (text === undefined) {
      await ack();
      return;
    }
    // The form turns into the answer (mrkdwn: the approvers are shown as mentions).
    await ack({ response_action: 'update', view: { ...noticeModal(t, ''), blocks: [section(text)] } });
  };
}
