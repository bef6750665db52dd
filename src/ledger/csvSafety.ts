// CSV injection (OWASP "CSV Injection"): Excel runs a cell starting with = + - @ as a formula,
// so an item title typed in Slack as =HYPERLINK(...) would become a live formula on the office
// PC that opens the export. Exports prefix such cells with an apostrophe, the usual escape, and
// imports remove exactly that apostrophe again, so exported ledgers still import unchanged.
// Text that already starts with apostrophes before such a character gets one more, so the
// escape is reversible for every text.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function protectCell(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
