// Submission of the status-update modal. Checks and the change itself take milliseconds in
// SQLite, so they run before the ack: a problem is answered inline on its field
// (`response_action: errors`), never as a generic failure. The requestKey `view:<view id>` makes a
// submission Slack delivers twice apply once. After the ack: a confirmation to the person, and
// fresh App Homes for everyone the change concerns.
import type { Middleware, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { itemUpdateConfirmation } from '../../../blocks/messages/itemUpdateConfirm.ts';
import { decodeMetadata, UPDATE_BLOCKS } from '../../../blocks/modals/itemUpdate.ts';
import { itemRefText } from '../../../blocks/parts/index.ts';
import { statusLabel } from '../../../blocks/parts/status.ts';
import { translator } from '../../../i18n/index.ts';
import { peopleConcernedBy } from '../../../store/home.ts';
import { getItem } from '../../../store/items.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { refreshHomesLater } from '../../homeRefresh.ts';
import { localeFor } from '../../locale.ts';
import { updateReminderLineAfterForm } from '../../reminderLineAfterForm.ts';
import { saveItemChange } from '../../saveItemChange.ts';
import { errorsOnViewBlocks, formOutOfDate, viewValues } from '../../viewInputs.ts';
import { checkUpdate, readUpdateForm, type StateValues } from './itemUpdateForm.ts';

export function itemUpdateSubmit(deps: SlackDeps): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ ack, body, view, client }) => {
    const userId = body.user.id;
    const t = translator(await localeFor(client, deps, userId, { quick: true }));
    const metadata = decodeMetadata(view.private_metadata);
    if (!metadata) {
      // Without the metadata the version check cannot run: saving could overwrite a newer change.
      await ack(formOutOfDate(view, t));
      return;
    }
    const form = readUpdateForm(viewValues(view) as StateValues, metadata);
    const before = form.itemId !== undefined ? getItem(deps.db, form.itemId) : undefined;
    const checked = checkUpdate(t, form, { item: before, person: loadPerson(deps.db, userId), metadata });
    if (!checked.ok) {
      await ack({ response_action: 'errors', errors: errorsOnViewBlocks(view, checked.errors) });
      return;
    }
    const change = checked.change;
    const saved = await saveItemChange(deps, {
      v: 1,
      itemId: change.itemId,
      status: change.status,
      institutionalOutcome: change.institutionalOutcome,
      note: change.note,
      ...(change.files.length > 0 ? { files: change.files } : {}),
      expectedVersion: change.expectedVersion,
      actor: userId,
      at: deps.now().toISOString(),
      requestKey: `view:${view.id}`,
    });
    if (saved.kind === 'queued') {
      // Kept on disk before the modal closes; the drainer saves it and tells the person by DM.
      await ack();
      const ref = before ? itemRefText(before.plan.code, before.code) : '';
      await client.chat
        .postMessage({ channel: userId, ...buildNotice(t('cmd.update.queued', { ref })) })
        .catch(() => {});
      return;
    }
    const result = saved.result;
    switch (result.kind) {
      case 'notFound':
        await ack({ response_action: 'errors', errors: { [form.itemBlock]: t('modal.error.itemNotFound') } });
        return;
      case 'stale':
        await ack({
          response_action: 'errors',
          errors: { [form.itemBlock]: t('modal.error.stale', { status: statusLabel(t, result.item.status) }) },
        });
        return;
      case 'unchanged':
        await ack({ response_action: 'errors', errors: { [UPDATE_BLOCKS.status]: t('modal.error.unchanged') } });
        return;
      case 'duplicate':
        // Already saved by the first delivery, which also confirmed and refreshed.
        await ack();
        return;
      case 'applied':
        await ack();
    }
    try {
      const after = result.item;
      const message = itemUpdateConfirmation(t, {
        planCode: after.plan.code,
        itemCode: after.code,
        title: after.title,
        fromStatus: result.fromStatus,
        toStatus: after.status,
        outcome:
          before && before.institutionalOutcome !== after.institutionalOutcome ? after.institutionalOutcome : undefined,
        note: checked.change.note,
        files: checked.change.files,
      });
      // A DM from the bot: the modal has closed and may have been opened from the Home tab, where
      // nothing else could carry an ephemeral answer.
      await client.chat.postMessage({ channel: userId, ...message });
    } catch (error) {
      deps.log.warn({ userId, err: (error as Error).message }, 'status update saved, confirmation not delivered');
    }
    // Opened from a reminder line (Mark done): that line now shows the new status, who and when.
    if (metadata.reminder && metadata.itemId === result.item.id) {
      await updateReminderLineAfterForm(deps, client, t, metadata.reminder, result.item, userId);
    }
    refreshHomesLater(deps, [userId, ...peopleConcernedBy(deps.db, result.item.id)]);
  };
}
