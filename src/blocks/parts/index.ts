// Fragments shared by every Slack surface (cards, plan files, App Home, modals, reminders).
export {
  type Block,
  context,
  divider,
  HEADER_MAX,
  header,
  MESSAGE_BLOCKS_MAX,
  MESSAGE_TEXT_BUDGET,
  packLines,
  SECTION_MAX,
  type SlackMessage,
  section,
} from './blocks.ts';
export { dueText, ITEM_LINE_TITLE_MAX, itemLine, itemRefText } from './itemLine.ts';
export { PLAIN_TEXT_MAX, plain } from './plainText.ts';
export { progressBar } from './progressBar.ts';
export { lightEmoji, lightLabel, statusLabel } from './status.ts';
export { escapeClip } from './text.ts';
export { actorText, formatInstant } from './who.ts';
