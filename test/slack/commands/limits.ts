// Message-level limits on top of the per-block checks in test/slack/home/limits.ts: at most 50
// blocks, and the block text Slack counts stays under ~12k characters (msg_blocks_too_long).
import { MESSAGE_BLOCKS_MAX, MESSAGE_TEXT_BUDGET, type SlackMessage } from '../../../src/blocks/parts/index.ts';
import { limitProblems } from '../home/limits.ts';
import { textsOf } from './harness.ts';

export function messageProblems(message: SlackMessage): string[] {
  const problems = limitProblems({ blocks: message.blocks }, { maxBlocks: MESSAGE_BLOCKS_MAX });
  const chars = textsOf(message.blocks).reduce((n, s) => n + Array.from(s).length, 0);
  if (chars > MESSAGE_TEXT_BUDGET) problems.push(`${chars} characters of block text > ${MESSAGE_TEXT_BUDGET}`);
  if (Array.from(message.text).length > 3000) problems.push('fallback text > 3000');
  if (message.text.trim() === '') problems.push('empty fallback text');
  return problems;
}

/** Text a person reads, for "is it escaped" checks. */
export function shownText(message: SlackMessage): string {
  return [message.text, ...textsOf(message.blocks)].join('\n');
}
