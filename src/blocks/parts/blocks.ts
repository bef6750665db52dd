// Small Block Kit constructors that keep Slack's per-block limits by construction: header text
// is cut to 150 characters, section text to 3000, and long lists are packed into as few
// sections as fit.
import type { types } from '@slack/bolt';
import { truncate } from '../mrkdwn.ts';

export type Block = types.KnownBlock;

/** What a builder returns: notification text (also the fallback) and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const HEADER_MAX = 150;
export const SECTION_MAX = 3000;
/** Slack refuses messages over roughly 12k characters of block text; builders stay below this. */
export const MESSAGE_TEXT_BUDGET = 11_000;
export const MESSAGE_BLOCKS_MAX = 50;

/** Header text is plain text: nothing to escape, but it must be short. */
export function header(text: string): Block {
  return { type: 'header', text: { type: 'plain_text', text: truncate(text, HEADER_MAX), emoji: true } };
}

export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(mrkdwn, SECTION_MAX) } };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: truncate(mrkdwn, SECTION_MAX) }] };
}

export function divider(): Block {
  return { type: 'divider' };
}

/** Lines joined by newlines into as few sections as keep each under `max` characters. */
export function packLines(lines: readonly string[], max = SECTION_MAX - 100): Block[] {
  const blocks: Block[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (Array.from(next).length > max && current !== '') {
      blocks.push(section(current));
      current = line;
    } else current = next;
  }
  if (current !== '') blocks.push(section(current));
  return blocks;
}
