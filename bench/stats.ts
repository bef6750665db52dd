// `reform-bot stats --json` as a whole process (start included), over 717, 25,000 and 250,000 items.
import { join } from 'node:path';
import { measureNodeProcess, median } from './lib/measure.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import type { BenchRow } from './lib/table.ts';

const SIZES = [
  { label: '717 items', plans: 35, items: 717 },
  { label: '25,000 items', plans: 1_000, items: 25_000 },
  { label: '250,000 items', plans: 10_000, items: 250_000 },
];

export async function benchStats(dir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const results: { label: string; ms: number; rss: number }[] = [];
  for (const size of SIZES) {
    const path = join(dir, `stats-${size.plans}.db`);
    writeSyntheticLedger(path, { plans: size.plans, items: size.items, around: '2026-11-27' });
    const runs = [0, 1, 2].map(() =>
      measureNodeProcess(['bin/reform-bot-source.js', 'stats', '--json', '--as-of', '2026-11-27'], {
        DATABASE_PATH: path,
      }),
    );
    const items = JSON.parse(runs[0]?.stdout ?? '{}').items as number;
    const ms = median(runs.map((r) => r.ms));
    const rss = Math.max(...runs.map((r) => r.maxRssMb));
    results.push({ label: size.label, ms, rss });
    rows.push({
      section: 'stats --json',
      measure: `${items.toLocaleString('en')} items: time (process)`,
      figure: `${ms.toFixed(0)} ms`,
      target: '',
      met: null,
    });
    rows.push({
      section: 'stats --json',
      measure: `${items.toLocaleString('en')} items: peak RSS`,
      figure: `${rss.toFixed(0)} MB`,
      target: '< 250 MB',
      met: rss < 250,
    });
  }
  const small = results[0] as { ms: number };
  const large = results[2] as { ms: number };
  const mid = results[1] as { ms: number };
  rows.push({
    section: 'stats --json',
    measure: '250k / 717 time ratio',
    figure: `${(large.ms / small.ms).toFixed(2)}×`,
    target: '< 3×',
    met: large.ms / small.ms < 3,
  });
  rows.push({
    section: 'stats --json',
    measure: '250k / 25k time ratio (10× data)',
    figure: `${(large.ms / mid.ms).toFixed(2)}×`,
    target: '≤ 10×',
    met: large.ms / mid.ms <= 10,
  });
  return rows;
}
