// Natural order for codes people type: G2 before G10, P-9 before P-10.
//
// Why not localeCompare with { numeric: true }: its result depends on the ICU data the Node
// build ships, and sorted lists end up in digests and exports that tests compare exactly.

const CHUNKS = /(\d+)/;

/** Compares runs of digits by value and everything else by code unit; a total order. */
export function compareNatural(a: string, b: string): number {
  const as = a.split(CHUNKS);
  const bs = b.split(CHUNKS);
  const n = Math.min(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const x = as[i] ?? '';
    const y = bs[i] ?? '';
    if (x === y) continue;
    // split() with a capturing group puts digit runs at odd indexes.
    if (i % 2 === 1) {
      const byValue = compareDigits(x, y);
      if (byValue !== 0) return byValue;
    }
    return x < y ? -1 : 1;
  }
  if (as.length !== bs.length) return as.length - bs.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

// Digit runs of any length, compared without converting to numbers (no precision loss).
function compareDigits(x: string, y: string): number {
  const xs = x.replace(/^0+(?=\d)/, '');
  const ys = y.replace(/^0+(?=\d)/, '');
  if (xs.length !== ys.length) return xs.length - ys.length;
  return xs < ys ? -1 : xs > ys ? 1 : 0;
}
