// `/reform central`: opens the registration modal for a central plan (office admins only).
import type { webApi } from '@slack/bolt';
import { translator } from '../../../i18n/index.ts';
import { listGroupChoices } from '../../../store/centralPlans.ts';
import { mayAdminister } from '../../../domain/permissions.ts';
import { loadPerson } from '../../../store/people.ts';
import type { SlackDeps } from '../../deps.ts';
import { buildNotice } from '../../ui/commands/notice.ts';
import { centralRegisterModal } from '../../ui/modals/centralRegister.ts';
import type { Block, SlackMessage } from '../../ui/parts/index.ts';
import { type CommandRequest, officeToday } from './request.ts';

/** Returns a notice when refused (or the modal could not open), nothing once the modal is open. */
export async function centralSubcommand(req: CommandRequest): Promise<SlackMessage | undefined> {
  if (!mayAdminister(loadPerson(req.deps.db, req.userId)).allowed) return buildNotice(req.t('central.refuse.notAdmin'));
  const groups = listGroupChoices(req.deps.db);
  if (groups.length === 0) return buildNotice(req.t('central.noGroups'));
  try {
    await req.client.views.open({ trigger_id: req.triggerId, view: centralRegisterModal(req.locale, groups, officeToday(req.deps)) });
  } catch (error) {
    req.deps.log.warn({ userId: req.userId, err: (error as Error).message }, 'could not open the central plan modal');
    return buildNotice(req.t('cmd.error.modal'));
  }
  return undefined;
}
