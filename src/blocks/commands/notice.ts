// A short answer (an error, a refusal, a confirmation), optionally above a card.
import { type SlackMessage, section } from '../parts/index.ts';

/** `text` is mrkdwn the caller built from catalogue strings and escaped values. */
export function buildNotice(text: string, below?: SlackMessage): SlackMessage {
  return { text, blocks: [section(text), ...(below?.blocks ?? [])] };
}
