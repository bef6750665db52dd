// Fragments shared by every Slack surface (cards, plan files, App Home, modals, reminders).
export { dueText, ITEM_LINE_TITLE_MAX, type ItemLineData, itemLine, itemRefText } from './itemLine.ts';
export { BAR_WIDTH, progressBar } from './progressBar.ts';
export { lightEmoji, lightLabel, statusEmoji, statusLabel } from './status.ts';
export { actorText, formatInstant } from './who.ts';
