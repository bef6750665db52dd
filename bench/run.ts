// `npm run bench`: every benchmark of the project, one table on stdout, and bench/results.md with
// the machine it ran on. Figures, not pass/fail tests: a missed target is reported, not hidden.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchAck } from './ack.ts';
import { benchContention } from './contention.ts';
import { benchHome } from './home.ts';
import { benchImport } from './import.ts';
import { type BenchRow, renderMarkdown, renderText } from './lib/table.ts';
import { benchScale } from './scale.ts';
import { benchStartup } from './startup.ts';
import { benchStats } from './stats.ts';

type Section = { name: string; run: (dir: string) => Promise<BenchRow[]> };

const sections: Section[] = [
  { name: 'startup', run: benchStartup },
  { name: 'stats', run: benchStats },
  { name: 'scale', run: benchScale },
  { name: 'import', run: (dir) => benchImport(dir) },
  { name: 'ack', run: () => benchAck() },
  { name: 'contention', run: () => benchContention() },
  { name: 'home', run: benchHome },
];

const only = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'reform-bench-'));
const rows: BenchRow[] = [];
try {
  for (const section of sections) {
    if (only.length > 0 && !only.includes(section.name)) continue;
    process.stderr.write(`bench: ${section.name}…\n`);
    rows.push(...(await section.run(dir)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const machine = [
  `- cores: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  `- memory: ${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
  `- node: ${process.version}`,
  `- load average at the end (1/5/15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
  `- date: ${new Date().toISOString()}`,
].join('\n');
console.log(renderText(rows));
console.log(`\n${machine}`);
writeFileSync(
  join(import.meta.dirname, 'results.md'),
  `# Benchmark results\n\n${machine}\n\n${renderMarkdown(rows)}\n`,
);
