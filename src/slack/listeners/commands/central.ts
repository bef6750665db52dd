// `/reform central`: opens the registration modal for a central plan (office admins only).
import { buildNotice } from '../../../blocks/commands/notice.ts';
import { centralRegisterModal } from '../../../blocks/modals/centralRegister.ts';
import type { SlackMessage } from '../../../blocks/parts/index.ts';
import { mayAdminister } from '../../../domain/permissions.ts';
import { listGroupChoices } from '../../../store/centralPlans.ts';
import { loadPerson } from '../../../store/people.ts';
import { openModal } from '../../openModal.ts';
import { type CommandRequest, officeToday } from './request.ts';

/** Returns a notice when refused (or the modal could not open), nothing once the modal is open. */
export async function centralSubcommand(req: CommandRequest): Promise<SlackMessage | undefined> {
  if (!mayAdminister(loadPerson(req.deps.db, req.userId)).allowed) return buildNotice(req.t('central.refuse.notAdmin'));
  const groups = listGroupChoices(req.deps.db);
  if (groups.length === 0) return buildNotice(req.t('central.noGroups'));
  // The command's own answer says when the modal did not open.
  const modal = {
    client: req.client,
    triggerId: req.triggerId,
    locale: req.locale,
    log: req.deps.log,
    context: { userId: req.userId, flow: 'central register' },
  };
  const opened = await openModal(modal, centralRegisterModal(req.t, groups, officeToday(req.deps)));
  return opened.opened ? undefined : buildNotice(req.t('cmd.error.modal'));
}
