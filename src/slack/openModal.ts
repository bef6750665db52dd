// Opening a modal, the one way every button and command does it. views.open needs the click's
// trigger_id, which Slack honours for 3 seconds and once: an expired or already used trigger, a
// slow network or a Slack error means no modal. The person is then told, in their language, to
// click again (ephemeral below the message when the request has a response_url, else by DM, the
// only place left from the Home tab): before this, the buttons failed silently.
import type { types } from '@slack/bolt';
import { buildNotice } from '../blocks/commands/notice.ts';
import type { Locale } from '../domain/types.ts';
import { translator } from '../i18n/index.ts';
import type { Logger } from '../log.ts';
import { type AnswerTarget, answer } from './respond.ts';

/** The one Web API call this needs; a Bolt WebClient fits. */
export interface ViewsOpenClient {
  views: { open(args: { trigger_id: string; view: types.ModalView }): Promise<{ view?: { id?: string } }> };
}

export interface ModalRequest {
  client: ViewsOpenClient;
  triggerId: string;
  locale: Locale;
  log: Pick<Logger, 'warn'>;
  /** Where the failure is told; absent when the caller answers itself (a slash command's reply). */
  tellFailure?: AnswerTarget;
  /** Log context (which flow, which record). */
  context?: Record<string, unknown>;
}

export type ModalOpened = { opened: true; viewId?: string } | { opened: false; error: Error };

export async function openModal(request: ModalRequest, view: types.ModalView): Promise<ModalOpened> {
  try {
    const result = await request.client.views.open({ trigger_id: request.triggerId, view });
    return { opened: true, viewId: result.view?.id };
  } catch (error) {
    const err = error as Error;
    request.log.warn({ ...request.context, err: err.message }, 'views.open failed');
    if (request.tellFailure) {
      const t = translator(request.locale);
      await answer(request.tellFailure, buildNotice(t('flow.modalNotOpened'))).catch((answerError: Error) => {
        request.log.warn(
          { ...request.context, err: answerError.message },
          'could not tell the person the form did not open',
        );
      });
    }
    return { opened: false, error: err };
  }
}
