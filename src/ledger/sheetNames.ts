// Excel's rules for sheet names: at most 31 characters, none of [ ] : * ? / \, not blank, no
// apostrophe at either end, unique ignoring case, and never "History" (Excel reserves it).
export const MAX_SHEET_NAME = 31;

function clean(wanted: string): string {
  const name = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  return [...name].slice(0, MAX_SHEET_NAME).join('').trim() || 'Sheet';
}

/**
 * Valid, unique names for `wanted`, in order; `taken` are names already in the workbook.
 * A clash gets a suffix (2), (3) ... cut to fit, so "P1 关于…" twice stays readable.
 */
export function uniqueSheetNames(wanted: readonly string[], taken: readonly string[] = []): string[] {
  const used = new Set([...taken, 'history'].map((n) => n.toLowerCase()));
  return wanted.map((w) => {
    const base = clean(w);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      name =
        [...base]
          .slice(0, MAX_SHEET_NAME - suffix.length)
          .join('')
          .trimEnd() + suffix;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
