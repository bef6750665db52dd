// A plain_text object for modals and options — the one builder for it. Slack refuses a whole view
// (invalid_arguments) when one text is over its field's limit, so every text is clipped to one.
import type { types } from '@slack/bolt';
import { truncate } from '../mrkdwn.ts';

/** Slack's limits on plain_text, by field (Block Kit reference). */
export const PLAIN_TEXT_MAX = { title: 24, option: 75, placeholder: 150, label: 2000 } as const;

/** `max` defaults to the tightest common field, an option's text: a forgotten limit clips, never refuses. */
export function plain(text: string, max: number = PLAIN_TEXT_MAX.option): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}
