// Splits a titled list of lines into Slack messages that stay inside the limits: sections of at
// most SECTION_CHARS, messages of at most MESSAGE_BLOCKS blocks and MESSAGE_CHARS characters of
// block text (Slack refuses about 12k with msg_blocks_too_long). A continued list repeats its
// title with a "continued" mark, so each thread reply reads on its own.
import { truncate } from '../mrkdwn.ts';
import {
  type Block,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_TEXT_BUDGET,
  section as mrkdwnSection,
  SECTION_MAX,
  type SlackMessage,
} from '../parts/index.ts';

export const SECTION_CHARS = SECTION_MAX - 100;
export const MESSAGE_BLOCKS = MESSAGE_BLOCKS_MAX;
export const MESSAGE_CHARS = MESSAGE_TEXT_BUDGET;
/** No single line may fill a section on its own. */
const LINE_CHARS = 1000;

export interface Topic {
  /** Bold first line of the first message, e.g. "*按专项小组（按完成率排序）*". */
  title: string;
  /** The same title marked as continued, for the following messages. */
  continuedTitle: string;
  lines: readonly string[];
  /** Notification text of each message. */
  fallback: string;
}

const len = (s: string) => s.length;

/** Total characters of text in a message's blocks (what Slack's length limit counts). */
export function blockTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') total += value.length;
        else visit(value);
      }
    }
  };
  visit(blocks);
  return total;
}

export function packTopic(topic: Topic): SlackMessage[] {
  const messages: SlackMessage[] = [];
  let blocks: Block[] = [];
  let chars = 0;
  let section: string[] = [];
  let sectionChars = 0;

  const startMessage = () => {
    const title = messages.length === 0 ? topic.title : topic.continuedTitle;
    blocks = [];
    chars = 0;
    section = [title];
    sectionChars = len(title);
  };
  const flushSection = () => {
    if (section.length === 0) return;
    const text = section.join('\n');
    blocks.push(mrkdwnSection(text));
    chars += len(text);
    section = [];
    sectionChars = 0;
  };
  const flushMessage = () => {
    flushSection();
    if (blocks.length > 0) messages.push({ text: topic.fallback, blocks });
  };

  startMessage();
  for (const raw of topic.lines) {
    const line = truncate(raw, LINE_CHARS);
    const added = len(line) + 1;
    if (sectionChars + added > SECTION_CHARS) {
      // The current section is full: would a new section still fit in this message?
      const fitsMessage = blocks.length + 2 <= MESSAGE_BLOCKS && chars + sectionChars + added <= MESSAGE_CHARS;
      if (fitsMessage) flushSection();
      else {
        flushMessage();
        startMessage();
      }
    } else if (chars + sectionChars + added > MESSAGE_CHARS) {
      flushMessage();
      startMessage();
    }
    section.push(line);
    sectionChars += added;
  }
  flushMessage();
  return messages;
}
