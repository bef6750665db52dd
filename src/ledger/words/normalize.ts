// The two ways ledger words are compared. Offices type in Chinese input methods, which give
// full-width forms (２０１６, （, ：, ，) as readily as ASCII ones, and Excel cells collect stray
// spaces and line breaks; neither changes what a cell means.

/**
 * Full-width digits, letters and punctuation as ASCII, Chinese characters kept.
 * NFKC does it all, the ideographic space U+3000 included (it becomes U+0020), and it also
 * folds circled numbers (① → 1) and parenthesised ones (㈠ → (一)): callers that give those a
 * meaning of their own must look at the text before calling this.
 */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC');
}

// Besides what \s covers (U+3000, no-break space, BOM, line and paragraph separators), text
// pasted from Word or web pages brings zero-width spaces and joiners, invisible in Excel.
const INVISIBLE_OR_SPACE = /[\s\u200b-\u200d\u2060]+/g;

/** toHalfWidth, every space and line break removed, lower case: the form words are compared in. */
export function squeeze(text: string): string {
  return toHalfWidth(text).replace(INVISIBLE_OR_SPACE, '').toLowerCase();
}
