// Scale and growth: the weekly digest (with its ranking and chart), the daily reminder sweep, statistics and the
// close-out sweep over 25,000 and 250,000 items, each in its own process (time: median of 5 runs;
// peak RSS of that process), and the import of both sizes as `reform-bot import`. Cost must grow
// no faster than the data: the 250k/25k ratio should be at most 10.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeBenchCsv } from './import.ts';
import { measureNodeProcess } from './lib/measure.ts';
import { writeSyntheticLedger } from './lib/syntheticLedger.ts';
import type { BenchRow } from './lib/table.ts';

const SIZES = [
  { label: '25k', plans: 1_000, items: 25_000 },
  { label: '250k', plans: 10_000, items: 250_000 },
];
const WORK = ['digest', 'reminders', 'stats', 'closeout'] as const;

function child(what: string, db: string): { ms: number; cpuMs: number; maxRssMb: number; detail: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scaleChild.ts', what, db], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`${what}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

export async function benchScale(dir: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const figures = new Map<string, number>();
  for (const size of SIZES) {
    const db = join(dir, `scale-${size.label}.db`);
    writeSyntheticLedger(db, { plans: size.plans, items: size.items, around: '2026-11-27', history: true });
    for (const what of WORK) {
      const f = child(what, db);
      // Growth is judged on CPU time: wall time on a shared machine also measures the neighbours.
      figures.set(`${what}:${size.label}`, f.cpuMs);
      const big = size.label === '250k';
      // The digest draws its progress chart too (README "Progress chart"): its own target.
      const target = what === 'digest' ? 2000 : 1000;
      rows.push({
        section: what,
        measure: `${size.label} items: time (${f.detail}); CPU ${f.cpuMs.toFixed(0)} ms`,
        figure: `${f.ms.toFixed(0)} ms`,
        target: big ? `< ${target} ms` : '',
        met: big ? f.ms < target : null,
      });
      rows.push({
        section: what,
        measure: `${size.label} items: peak RSS of the process`,
        figure: `${f.maxRssMb.toFixed(0)} MB`,
        target: '< 300 MB',
        met: f.maxRssMb < 300,
      });
    }
    const csv = join(dir, `import-${size.label}.csv`);
    await writeBenchCsv(csv, size.plans, size.items / size.plans);
    const imported = measureNodeProcess(['bin/reform-bot-source.js', 'import', csv], {
      DATABASE_PATH: join(dir, `import-${size.label}.db`),
      LOG_LEVEL: 'warn',
    });
    figures.set(`import:${size.label}`, imported.ms);
    const big = size.label === '250k';
    rows.push({
      section: 'import',
      measure: `${size.label} items CSV as a process (start included)`,
      figure: `${(imported.ms / 1000).toFixed(2)} s`,
      target: big ? '< 10 s' : '',
      met: big ? imported.ms < 10_000 : null,
    });
    rows.push({
      section: 'import',
      measure: `${size.label} items: peak RSS of the process`,
      figure: `${imported.maxRssMb.toFixed(0)} MB`,
      target: '',
      met: null,
    });
  }
  for (const what of [...WORK, 'import']) {
    const ratio = (figures.get(`${what}:250k`) ?? 0) / (figures.get(`${what}:25k`) ?? 1);
    rows.push({
      section: what,
      measure: `growth: 250k / 25k ${what === 'import' ? 'wall' : 'CPU'} time (10× the data)`,
      figure: `${ratio.toFixed(2)}×`,
      target: '≤ 10×',
      met: ratio <= 10,
    });
  }
  return rows;
}
