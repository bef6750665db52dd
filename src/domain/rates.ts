// Percentages for the statistics table (docs/PRACTICE.md rule 4: "one decimal, computed from counts").
//
// Why integer arithmetic: 461/717*100 in floating point is 64.29567..., and rounding a float
// to one decimal goes wrong at exact halves (1/16 = 6.25 would become 6.2 with toFixed).
// Working in whole tenths of a percent with integers makes half-up rounding exact, and the
// published figures match a hand calculation.

/**
 * count/total as a percentage with one decimal, rounded half up: percent(461, 717) = 64.3,
 * percent(1, 16) = 6.3. An empty total gives 0 so empty groups and domains read 0.0%.
 */
export function percent(count: number, total: number): number {
  if (!Number.isSafeInteger(count) || !Number.isSafeInteger(total) || count < 0 || total < 0) {
    throw new RangeError(`percent needs non-negative whole counts, got ${count}/${total}`);
  }
  if (count > total) throw new RangeError(`percent: count ${count} exceeds total ${total}`);
  if (total === 0) return 0;
  // tenths = floor(count*1000/total + 1/2), written with integers only.
  const tenths = Math.floor((count * 2000 + total) / (2 * total));
  return tenths / 10;
}
