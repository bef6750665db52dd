// Stable codes for ledgers kept without code columns, pure. A plan is known by its title: an
// existing plan keeps its code however the file is reordered, and a new plan gets the next free
// `P<n>`, so inserting a plan above others never renumbers them. An item is known by its title
// within its plan; a new title whose number an existing item of the plan has, while that item's
// title is gone from the file, is the same item retitled.

export interface CodedTitle {
  code: string;
  title: string;
}

const PLAN_CODE = /^P(\d+)$/;

/** The next `P<n>` above every code in use. */
function planCodeAllocator(used: Iterable<string>): () => string {
  let max = 0;
  for (const code of used) {
    const m = PLAN_CODE.exec(code);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return () => `P${++max}`;
}

/** Codes for the file's plans known by title, in file order; `existing` in creation order. */
export function assignPlanCodes(titles: readonly string[], existing: readonly CodedTitle[]): Map<string, string> {
  const byTitle = new Map<string, string>();
  for (const plan of existing) if (!byTitle.has(plan.title)) byTitle.set(plan.title, plan.code);
  const next = planCodeAllocator(existing.map((p) => p.code));
  const codes = new Map<string, string>();
  for (const title of titles) codes.set(title, byTitle.get(title) ?? next());
  return codes;
}

// The number label a title starts with (see words/itemNumber.ts), as it is compared: offices
// renumber items when they insert one ("2.推进…" becomes "3.推进…"), and it stays the same item.
const LABEL =
  /^\s*(?:[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf]|\(\s*[^()]{1,8}?\s*\)|\d{1,3}(?:\.\d{1,3})*[.、):\s]|[〇零一二两三四五六七八九十百千]+[.、):\s]|第\s*(?:[〇零一二两三四五六七八九十百千]+|\d{1,3})\s*[项条][.、:\s]?)\s*/;

/** A title without its leading number label, for matching: `（二）建立…` → `建立…`. */
export function titleCore(title: string): string {
  const text = title.normalize('NFKC');
  const core = text.replace(LABEL, '');
  return core === '' ? text : core;
}

export interface ItemIdentity {
  title: string;
  /** The title's leading number, or the item's position. */
  number: string;
}

/** Codes for one plan's items (file order) given the plan's stored items. */
export function assignItemCodes(items: readonly ItemIdentity[], stored: readonly CodedTitle[]): string[] {
  const byTitle = new Map<string, string>();
  for (const item of stored) {
    const core = titleCore(item.title);
    if (!byTitle.has(core)) byTitle.set(core, item.code);
  }
  const storedTitleOf = new Map(stored.map((s) => [s.code, titleCore(s.title)]));
  const fileTitles = new Set(items.map((i) => titleCore(i.title)));
  const taken = new Set<string>();
  const known = items.map((item) => byTitle.get(titleCore(item.title)));
  for (const code of known) if (code !== undefined) taken.add(code);
  let max = 0;
  for (const code of [...storedTitleOf.keys(), ...items.map((i) => i.number)])
    if (/^\d+$/.test(code)) max = Math.max(max, Number(code));

  return items.map((item, i) => {
    const code = known[i];
    if (code !== undefined) return code;
    const storedTitle = storedTitleOf.get(item.number);
    const free = !taken.has(item.number) && (storedTitle === undefined || !fileTitles.has(storedTitle));
    const given = free ? item.number : String(++max);
    taken.add(given);
    return given;
  });
}
