// CSV injection (OWASP "CSV Injection"): Excel runs a cell starting with = + - @ as a formula,
// so an item title typed in Slack as =HYPERLINK(...) would become a live formula on the office
// PC that opens the export. Exports prefix such cells with an apostrophe, the usual escape, and
// imports remove exactly that apostrophe again, so exported ledgers still import unchanged.
const FORMULA_START = /^[=+\-@\t\r]/;

export function protectCell(text: string): string {
  return FORMULA_START.test(text) || (text.startsWith("'") && FORMULA_START.test(text.slice(1))) ? `'${text}` : text;
}

export function unprotectCell(text: string): string {
  return text.charCodeAt(0) === 39 && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
