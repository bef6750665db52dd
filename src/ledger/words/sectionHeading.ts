// Section headings inside a ledger sheet, the rows that group plans by field:
//   一、经济体制和生态文明体制改革（3个方案8项）   二、民主法制领域改革   第三部分 文化体制改革
// A heading has a Chinese ordinal (一、 （一） 第三部分) or none, a label, and may end with the
// counts it declares in parentheses. Arabic ordinals (1. 2、) are left to items: that is how
// offices number items, and `1.制定…` must never become a section.
//
// Without 第N部分, the label must END like a heading (…改革, …领域, …专项小组, English …reform)
// or declare counts. An item title can end in 改革 too (推进国有企业改革), so callers should
// ask only about a row whose other cells are empty.
import { chineseNumeral } from './chineseNumeral.ts';
import { leadingItemNumber } from './itemNumber.ts';
import { toHalfWidth } from './normalize.ts';
import { splitParenthesisedTail } from './parentheses.ts';

export interface SectionHeading {
  text: string;
  label: string;
  ordinal: number | undefined;
  declared?: { plans?: number; items?: number };
}

const NUMERAL = '[〇零一二两三四五六七八九十百]+';
// After NFKC: 、 stays, ． is `.`, ： is `:`, （） are ().
const PART_ORDINAL = new RegExp(`^第(${NUMERAL}|\\d{1,2})(?:部分|章|篇)[\\s、.:]*`);
const LIST_ORDINAL = new RegExp(`^(${NUMERAL})[、.:\\s]\\s*`);
const PARENTHESISED_ORDINAL = new RegExp(`^\\((${NUMERAL})\\)\\s*`);
const HEADING_END = /(?:改革|领域|专项小组|reforms?|field)$/i;
// A heading is a name, not a sentence: sentence punctuation means an item or a remark.
const SENTENCE_MARK = /[。，,；;！!？?]/;
const MAX_LABEL_LENGTH = 40;
const COUNT = `(\\d+|${NUMERAL})`;
const PLANS = new RegExp(`${COUNT}\\s*个?(?:改革)?方案`);
const ITEMS = new RegExp(`${COUNT}\\s*(?:项|个(?:改革)?(?:事项|任务))`);

/** The heading a cell's text is, or undefined for text that does not look like one. */
export function sectionHeading(text: string): SectionHeading | undefined {
  const value = toHalfWidth(text).replace(/\s+/g, ' ').trim();
  const part = PART_ORDINAL.exec(value);
  const listed = part ? null : (LIST_ORDINAL.exec(value) ?? PARENTHESISED_ORDINAL.exec(value));
  const ordinalMatch = part ?? listed;
  if (!ordinalMatch && leadingItemNumber(value) !== undefined) return undefined;

  const { head, tail } = splitParenthesisedTail(value.slice(ordinalMatch?.[0].length ?? 0));
  const label = head.trim();
  if (label === '' || SENTENCE_MARK.test(label) || Array.from(label).length > MAX_LABEL_LENGTH) return undefined;
  const declared = tail === null ? undefined : declaredCounts(tail);
  const looksLikeHeading = part !== null || HEADING_END.test(label) || (listed !== null && declared !== undefined);
  if (!looksLikeHeading) return undefined;

  const ordinal = ordinalMatch ? countValue(ordinalMatch[1]!) : undefined;
  const heading: SectionHeading = { text: text.trim(), label, ordinal };
  if (declared !== undefined) heading.declared = declared;
  return heading;
}

/** `3个方案8项` → {plans: 3, items: 8}; undefined when the text declares no count. */
function declaredCounts(text: string): SectionHeading['declared'] {
  const plans = countOf(PLANS, text);
  const items = countOf(ITEMS, text);
  if (plans === undefined && items === undefined) return undefined;
  return { ...(plans !== undefined && { plans }), ...(items !== undefined && { items }) };
}

function countOf(pattern: RegExp, text: string): number | undefined {
  const m = pattern.exec(text);
  return m ? countValue(m[1]!) : undefined;
}

function countValue(text: string): number | undefined {
  return /^\d+$/.test(text) ? Number(text) : chineseNumeral(text);
}
