// Parentheses in ledger cells hold asides: a note after a status (已完成（已印发实施细则）), an
// alias after a department (省委宣传部（省新闻出版广电局）). Both widths are used, often mixed in
// one pair, so （…) counts as a pair. Book-title marks 《》 and the brackets 【】〔〕 hold titles
// and document numbers, which may contain commas; they count as parentheses for splitting.

const OPENERS = new Set(['(', '（', '《', '【', '〔', '[']);
const CLOSERS = new Set([')', '）', '》', '】', '〕', ']']);
const ROUND_OPENERS = new Set(['(', '（']);

/**
 * A text ending in one parenthesised group, split into the words before it and the trimmed
 * text inside it (`已完成（见附件）` → 已完成 + 见附件). Without such a tail: the text, null.
 * Only round parentheses: `已完成《实施意见》` has no tail. Nested pairs stay in the tail.
 */
export function splitParenthesisedTail(text: string): { head: string; tail: string | null } {
  const value = text.trim();
  const open = Array.from(value).findIndex((char) => ROUND_OPENERS.has(char));
  if (open <= 0 || !CLOSERS.has(value.slice(-1))) return { head: value, tail: null };
  const chars = Array.from(value);
  let depth = 0;
  for (let i = open; i < chars.length; i += 1) {
    if (OPENERS.has(chars[i]!)) depth += 1;
    else if (CLOSERS.has(chars[i]!)) depth -= 1;
    // The group opened at `open` closes before the end: the parentheses are inside the words.
    if (depth === 0 && i < chars.length - 1) return { head: value, tail: null };
  }
  if (depth !== 0) return { head: value, tail: null };
  return {
    head: chars.slice(0, open).join('').trim(),
    tail: chars
      .slice(open + 1, -1)
      .join('')
      .trim(),
  };
}

/**
 * The text split at every separator that stands outside all parentheses. When a pair is
 * left open (`省财政厅（牵头、省教育厅`), a typo, every separator counts: one unclosed mark
 * must not glue the rest of the cell into one name.
 */
export function splitOutsideParentheses(text: string, isSeparator: (char: string) => boolean): string[] {
  const honoured = split(text, isSeparator, true);
  return honoured.balanced ? honoured.parts : split(text, isSeparator, false).parts;
}

/** The parts; not balanced when honouring parentheses and a pair is left open. */
function split(
  text: string,
  isSeparator: (char: string) => boolean,
  honourParentheses: boolean,
): { parts: string[]; balanced: boolean } {
  const parts: string[] = [''];
  let depth = 0;
  for (const char of text) {
    if (honourParentheses && OPENERS.has(char)) depth += 1;
    // An unmatched closer must not drive the depth negative and swallow later separators.
    else if (honourParentheses && CLOSERS.has(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && isSeparator(char)) parts.push('');
    else parts[parts.length - 1] += char;
  }
  return { parts, balanced: depth === 0 };
}
