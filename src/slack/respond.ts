// Answering the person who clicked or typed. With a response_url (slash commands, buttons in
// messages) the answer is ephemeral or replaces the message clicked; without one (a button on
// the Home tab) it goes to the person's DM with the app, the only place left to say it.
import type { RespondFn, webApi } from '@slack/bolt';
import type { SlackMessage } from './ui/parts/index.ts';

export interface AnswerTarget {
  respond?: RespondFn;
  /** Whether the request carried a response_url (Bolt's respond only works then). */
  hasResponseUrl: boolean;
  client: webApi.WebClient;
  userId: string;
}

/** An answer only the asker sees, added below the message they typed or clicked (not replacing it). */
export function ephemeralBody(message: SlackMessage) {
  return { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks } as const;
}

export async function answer(target: AnswerTarget, message: SlackMessage, options: { replace?: boolean } = {}): Promise<void> {
  if (target.respond && target.hasResponseUrl) {
    await target.respond(
      options.replace
        ? { replace_original: true, text: message.text, blocks: message.blocks }
        : ephemeralBody(message),
    );
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, text: message.text, blocks: message.blocks });
}
