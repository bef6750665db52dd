// Where an import's time and memory go: the steps of `reform-bot import` (src/cli/commands/
// import.ts) run one by one in this process, each with its wall and CPU time, the garbage
// collector's pauses during it, the heap it leaves held (measured after a full collection) and
// the process's peak RSS once it is done. The command itself holds everything to the end: the
// typed rows, the reading report, the summary with its list of new items.
//
//   node --expose-gc --import tsx bench/importPhases.ts <ledger.csv|xlsx> [database]
// (bench/import.ts writes the benchmark ledger; without a database a fresh throwaway one is used;
// with the database of an earlier import it measures a re-import)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const [file, given] = process.argv.slice(2);
if (!file) throw new Error('usage: importPhases.ts <ledger.csv|xlsx> [database]');

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
}).observe({ entryTypes: ['gc'] });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const heldBytes = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
};
let held = heldBytes();
const rows: string[][] = [
  ['step', 'wall', 'CPU', 'GC pauses', 'held after (heap+external)', 'Δ held', 'peak RSS so far'],
];

/** Lets the observer report the collections so far (it is called back later, not at once). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

async function step<T>(name: string, work: () => T | Promise<T>): Promise<T> {
  await settle(); // the forced collections of the last measurement are not this step's
  const gcBefore = gcMs;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await settle();
  const gcDuring = gcMs - gcBefore;
  const now = heldBytes();
  rows.push([
    name,
    `${ms.toFixed(0)} ms`,
    `${((used.user + used.system) / 1000).toFixed(0)} ms`,
    `${gcDuring.toFixed(0)} ms`,
    mb(now),
    `${now >= held ? '+' : ''}${((now - held) / 1024 / 1024).toFixed(0)} MB`,
    mb(process.resourceUsage().maxRSS * 1024),
  ]);
  held = now;
  return result;
}

const dir = given ? null : mkdtempSync(join(tmpdir(), 'import-phases-'));
const dbPath = given ?? join(dir as string, 'phases.db');
try {
  const modules = await step('load the CLI modules (as bin/reform-bot-source.js does)', async () => {
    await import('../src/cli/main.ts');
    const [client, fileCheck, readLedger, context, ledgerImport, preview, summary, i18n] = await Promise.all([
      import('../src/db/client.ts'),
      import('../src/ledger/fileCheck.ts'),
      import('../src/ledger/readLedger.ts'),
      import('../src/store/ledgerContext.ts'),
      import('../src/store/ledgerImport.ts'),
      import('../src/ledger/formatPreview.ts'),
      import('../src/ledger/formatSummary.ts'),
      import('../src/i18n/index.ts'),
    ]);
    return { client, fileCheck, readLedger, context, ledgerImport, preview, summary, i18n };
  });
  const t = modules.i18n.translator('zh-CN');
  const db = await step('open + migrate the database', () => modules.client.openDatabase(dbPath));
  const check = modules.fileCheck.checkLedgerFile(file);
  if (!check.ok) throw new Error(`refused: ${JSON.stringify(check.rejection)}`);
  const context = modules.context.loadLedgerContext(db);
  let read: Awaited<ReturnType<typeof modules.readLedger.readLedger>> | null = await step(
    'readLedger: parse, interpret, validate (holds the typed rows)',
    () => modules.readLedger.readLedger(file, check.format, { context }),
  );
  if (!read.ok) throw new Error(`defects: ${JSON.stringify(read.defects.slice(0, 5))}`);
  const { report, header } = read;
  const rowCount = read.ledger.rows.length;
  let summary: ReturnType<typeof modules.ledgerImport.importLedger> | null = await step(
    'importLedger: one transaction (summary held)',
    () => modules.ledgerImport.importLedger(db, read!.ok ? read!.ledger : (null as never), { file, now: new Date() }),
  );
  const text = await step('format the output (reading report, summary, new items)', () =>
    [
      ...modules.summary.formatImportSummary(summary!, t, { file, encoding: read!.encoding }),
      ...modules.preview.readingLines(report, header, t, 'zh'),
      ...modules.preview.changeLines(summary!, t, 'Asia/Shanghai'),
    ].join('\n'),
  );
  const newItems = summary.newItems.length;
  await step('(drop the typed rows: what they held)', () => {
    read = null;
  });
  await step('(drop the summary: what it held)', () => {
    summary = null;
  });
  modules.client.closeDatabase(db);
  console.log(
    `${file}: ${rowCount.toLocaleString('en')} rows, ${newItems.toLocaleString('en')} new items, ${text.length.toLocaleString('en')} characters of output`,
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const r of rows)
    console.log(r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  '));
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
