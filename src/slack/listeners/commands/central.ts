// `/reform central`: opens the registration modal for a central plan (office admins only). The
// /reform router acks the command and calls this with what it needs.
import type { webApi } from '@slack/bolt';
import { todayIn } from '../../../domain/dates.ts';
import { translator } from '../../../i18n/index.ts';
import { listGroupChoices } from '../../../store/centralPlans.ts';
import { loadPerson } from '../../../store/people.ts';
import { recipientLocale } from '../../../store/recipientLocale.ts';
import type { SlackDeps } from '../../deps.ts';
import { centralRegisterModal } from '../../ui/modals/centralRegister.ts';

export interface CentralCommandArgs {
  deps: SlackDeps;
  client: webApi.WebClient;
  userId: string;
  /** From the slash command; valid for 3 seconds, so the modal is opened first. */
  triggerId: string;
  /** Answers the person alone (the slash command's respond, ephemeral). */
  respond: (message: { response_type: 'ephemeral'; text: string }) => Promise<unknown>;
}

export async function handleCentralCommand({ deps, client, userId, triggerId, respond }: CentralCommandArgs): Promise<void> {
  const locale = recipientLocale(deps.db, userId, deps.config.REFORM_LOCALE);
  const t = translator(locale);
  if (!loadPerson(deps.db, userId).isAdmin) {
    await respond({ response_type: 'ephemeral', text: t('central.refuse.notAdmin') });
    return;
  }
  const groups = listGroupChoices(deps.db);
  if (groups.length === 0) {
    await respond({ response_type: 'ephemeral', text: t('central.noGroups') });
    return;
  }
  await client.views.open({ trigger_id: triggerId, view: centralRegisterModal(locale, groups, todayIn(deps.now(), deps.config.REFORM_TZ)) });
}
