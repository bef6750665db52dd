// Levenshtein distance, counted in characters (code points), not UTF-16 units.

/** The fewest one-character insertions, deletions and substitutions that turn a into b. */
export function editDistance(a: string, b: string): number {
  const from = Array.from(a);
  const to = Array.from(b);
  // One row of the classic table at a time: row[j] is the distance from the prefix of `from`
  // read so far to the first j characters of `to`.
  let row = Array.from({ length: to.length + 1 }, (_, j) => j);
  for (let i = 1; i <= from.length; i += 1) {
    const next = [i];
    for (let j = 1; j <= to.length; j += 1) {
      const substitution = row[j - 1]! + (from[i - 1] === to[j - 1] ? 0 : 1);
      next.push(Math.min(substitution, row[j]! + 1, next[j - 1]! + 1));
    }
    row = next;
  }
  return row[to.length]!;
}
