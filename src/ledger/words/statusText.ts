// Status words (落实情况) as offices write them. Matching ignores spaces, case and full-width
// forms; a parenthesised tail is a note (已完成（已印发实施细则）→ done, note 已印发实施细则).
// Words an office invents (基本完成, 按计划推进) are not guessed at: they are unknown unless the
// caller passes them in `custom`, so that someone decides once what 基本完成 means.
import type { Status } from '../../domain/types.ts';
import { squeeze } from './normalize.ts';
import { splitParenthesisedTail } from './parentheses.ts';

export type StatusReading =
  | { ok: true; status: Status; note: string | null }
  | { ok: false; reason: 'empty' | 'unknown' };

// The canonical spelling of each word, as a message should show it; lookups use its squeezed
// key, so `已启动, 未完成` and `In Progress` match too. Chinese first: ledgers are kept in Chinese.
const KNOWN_WORDS: Readonly<Record<Status, readonly string[]>> = {
  done: ['已完成', '完成', 'done', 'completed', 'complete'],
  started: [
    '已启动未完成',
    '已启动，未完成',
    '已启动',
    '正在推进',
    '推进中',
    '进行中',
    '正在实施',
    '实施中',
    'started',
    'in progress',
    'in_progress',
    'in-progress',
  ],
  not_started: ['未启动', '尚未启动', '未开始', 'not started', 'not_started', 'not-started'],
};

const BUILT_IN = new Map<string, Status>();
for (const [status, words] of Object.entries(KNOWN_WORDS) as [Status, readonly string[]][]) {
  for (const word of words) BUILT_IN.set(squeeze(word), status);
}

/** The key a status word is looked up by: squeezed, without a parenthesised note. */
export function normalizeStatusWordKey(word: string): string {
  return keyOf(splitParenthesisedTail(word).head);
}

// A full stop or comma typed after the word (已完成。) does not change it.
const TRAILING_PUNCTUATION = /[。.,;!、]+$/;

function keyOf(head: string): string {
  return squeeze(head).replace(TRAILING_PUNCTUATION, '');
}

/**
 * The status a cell states, and its note. The built-in words win over `custom`: an office's
 * list can add words but cannot make 已完成 mean anything but done.
 */
export function readStatusText(text: string, custom?: ReadonlyMap<string, Status>): StatusReading {
  if (squeeze(text) === '') return { ok: false, reason: 'empty' };
  const { head, tail } = splitParenthesisedTail(text);
  const key = keyOf(head);
  const status = BUILT_IN.get(key) ?? (custom ? customStatus(custom, key) : undefined);
  if (status === undefined) return { ok: false, reason: 'unknown' };
  return { ok: true, status, note: tail === '' ? null : tail };
}

function customStatus(custom: ReadonlyMap<string, Status>, key: string): Status | undefined {
  const direct = custom.get(key);
  if (direct !== undefined) return direct;
  // Keys built without normalizeStatusWordKey (`基本 完成`) still match; the maps are short.
  for (const [word, status] of custom) if (normalizeStatusWordKey(word) === key) return status;
  return undefined;
}

/** Every word readStatusText knows, in its canonical spelling, done words first. */
export function knownStatusWords(): readonly string[] {
  return Object.values(KNOWN_WORDS).flat();
}
