// The number an item title starts with, as offices number items: 1.  1．  2、  3）  (3)  （二）
// 一、  十二、  ①  1.2 , and 第三项 / 第3条. The number is a label only when something marks
// it as one, so 2016年完成… (a year) and 12个市州… (a count) have none; for Arabic numbers each
// part is at most three digits, so a year is never taken for a label whatever follows it.
import { chineseNumeral } from './chineseNumeral.ts';
import { toHalfWidth } from './normalize.ts';

export { chineseNumeral };

// Circled numbers: NFKC would turn ① into a bare 1 with no separator after it, so these are
// read before normalising. ①–⑳, ㉑–㉟, ㊱–㊿ are the three Unicode runs of one family.
const CIRCLED_RUNS: readonly (readonly [first: number, last: number, value: number])[] = [
  [0x2460, 0x2473, 1],
  [0x3251, 0x325f, 21],
  [0x32b1, 0x32bf, 36],
];

// What may follow a number for it to be a label (after NFKC: ． → .  ） → )  ： → :).
const SEPARATOR = /^[.、):\s]/;
const ARABIC = /^\d+(?:\.\d+)*/;
const PARENTHESISED = /^\(\s*([^()]+?)\s*\)/;
const CHINESE_LABEL = /^([〇零一二两三四五六七八九十百千]+)(?=[.、):\s])/;
// 第三项 and 第3条 name an item by its place; the word 项/条 itself ends the number.
const ORDINAL_WORD = /^第\s*([〇零一二两三四五六七八九十百千]+|\d{1,3})\s*[项条]/;

/** The leading number of an item title as an item code (`1`, `12`, `1.2`), or undefined. */
export function leadingItemNumber(title: string): string | undefined {
  const start = title.trimStart();
  const circled = circledNumber(start.codePointAt(0));
  if (circled !== undefined) return String(circled);

  const text = toHalfWidth(start);
  const inParentheses = PARENTHESISED.exec(text);
  if (inParentheses) return numberCode(inParentheses[1]!);

  const arabic = ARABIC.exec(text);
  if (arabic) {
    // The whole run of digits and dots must be followed by a separator: `1.2制定` is refused
    // rather than read as item 1 with the title `2制定`.
    return SEPARATOR.test(text.slice(arabic[0].length)) ? numberCode(arabic[0]) : undefined;
  }
  const chinese = CHINESE_LABEL.exec(text) ?? ORDINAL_WORD.exec(text);
  return chinese ? numberCode(chinese[1]!) : undefined;
}

/** `1`, `01`, `1.2` or a Chinese numeral as a code; undefined for anything else. */
function numberCode(text: string): string | undefined {
  if (/^\d+(?:\.\d+)*$/.test(text)) {
    const parts = text.split('.');
    if (parts.some((part) => part.length > 3)) return undefined;
    // 01 and 1 label the same item: the code drops leading zeros.
    return parts.map((part) => String(Number(part))).join('.');
  }
  const value = chineseNumeral(text);
  return value === undefined ? undefined : String(value);
}

function circledNumber(codePoint: number | undefined): number | undefined {
  if (codePoint === undefined) return undefined;
  for (const [first, last, value] of CIRCLED_RUNS) {
    if (codePoint >= first && codePoint <= last) return value + (codePoint - first);
  }
  return undefined;
}
