// Answering the person who clicked or typed — the one way the Slack layer does it. With a
// response_url (slash commands, buttons in messages) the answer is ephemeral or replaces the
// message clicked; without one (a button on the Home tab) it goes to the person's DM with the app,
// the only place left to say it.
import type { RespondFn } from '@slack/bolt';
import type { SlackMessage } from '../blocks/parts/index.ts';

/** What goes to a response_url: an ephemeral answer or the replacement of the message clicked. */
export type ResponseBody =
  | ReturnType<typeof ephemeralBody>
  | { replace_original: true; text: string; blocks: SlackMessage['blocks'] };

/** The one Web API call a DM needs; a Bolt WebClient fits. */
export interface DmClient {
  chat: { postMessage(args: { channel: string; text: string; blocks: SlackMessage['blocks'] }): Promise<unknown> };
}

export interface AnswerTarget {
  /** Posts to the request's response_url: Bolt's respond, or postResponseBody for a later answer. */
  respond?: (body: ResponseBody) => Promise<unknown>;
  /** Whether the request carried a response_url (Bolt's respond only works then). */
  hasResponseUrl: boolean;
  client: DmClient;
  userId: string;
}

/**
 * The target of a Bolt action or command (its respond, whether a response_url came, the person),
 * or of a later answer whose respond posts to a kept response_url (postResponseBody).
 */
export function answerTargetOf(args: {
  respond?: RespondFn | AnswerTarget['respond'];
  client: DmClient;
  userId: string;
  responseUrl: string | undefined;
}): AnswerTarget {
  return { respond: args.respond, hasResponseUrl: Boolean(args.responseUrl), client: args.client, userId: args.userId };
}

/** An answer only the asker sees, added below the message they typed or clicked (not replacing it). */
export function ephemeralBody(message: SlackMessage) {
  return { response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks } as const;
}

export async function answer(
  target: AnswerTarget,
  message: SlackMessage,
  options: { replace?: boolean } = {},
): Promise<void> {
  if (target.respond && target.hasResponseUrl) {
    await target.respond(
      options.replace ? { replace_original: true, text: message.text, blocks: message.blocks } : ephemeralBody(message),
    );
    return;
  }
  await target.client.chat.postMessage({ channel: target.userId, text: message.text, blocks: message.blocks });
}
