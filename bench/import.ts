// Import benchmark (issue: "Importing 250,000 items keeps peak memory under 300 MB and stays
// within 1.2× the time of a bare script that writes the same rows into the same tables").
//
// The ledger: 10,000 plans × 25 items = 250,000 items, as CSV and as the same rows in an XLSX
// (exceljs's streaming writer). The floor: bench/importBaseline.ts, a bare script that writes
// the same rows into a fresh database; after the first round the two databases are compared
// row by row, so the floor cannot be cheaper by writing less. Each measured run is its own
// process on a fresh database (`reform-bot import <file>` as an office would run it, start-up
// included), with wall time, CPU time and peak RSS read from the process itself (lib/measure.ts).
// Runs alternate (baseline, CSV import, XLSX import; three rounds) so that other load on this
// 2-core machine falls on all of them alike; medians are reported. Then, once each: a
// re-import of the same file over the imported database (every item unchanged), the start-up
// cost of both on a one-item ledger, and the XLSX of a 25,000-item ledger.
//
//   node --import tsx bench/import.ts [plans] [itemsPerPlan] [rounds]     (or: npm run bench import)
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { headerRow } from '../test/support/ledgerFixture.ts';
import { measureNodeProcess, median, type ProcessFigures } from './lib/measure.ts';
import { compareLedgerDatabases } from './lib/sameRows.ts';
import { type BenchRow, renderText } from './lib/table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOMAIN_WORDS = ['经济体制', '民主法制', '文化体制', '社会体制', '生态文明体制', '党的建设制度', '纪律检查体制'];
const STATUS_WORDS = ['已完成', '已启动未完成', '未启动'];
const DEPARTMENTS = [
  '发展改革委',
  '财政厅',
  '人力资源社会保障厅',
  '国资委',
  '教育厅',
  '住房城乡建设厅',
  '环境保护厅',
  '审计厅',
];

/** The header benchRow's cells follow: the twelve columns of a coded ledger, named in Chinese as an office would. */
export const BENCH_HEADER = headerRow('zh');

/** One ledger row as the office would type it (Chinese words), deterministic per index. */
export function benchRow(plan: number, item: number): string[] {
  const p = `P${plan + 1}`;
  return [
    p,
    `关于深化第${plan + 1}项改革的实施意见`,
    DOMAIN_WORDS[plan % DOMAIN_WORDS.length] as string,
    `G${(plan % 9) + 1}`,
    DEPARTMENTS[plan % DEPARTMENTS.length] as string,
    `2016/${(plan % 12) + 1}/15`,
    String(item + 1),
    `研究制定第${item + 1}项具体改革措施，明确责任分工和时间节点`,
    `${DEPARTMENTS[(plan + item) % DEPARTMENTS.length]}、${DEPARTMENTS[(plan + item + 3) % DEPARTMENTS.length]}`,
    `2016-${String((item % 12) + 1).padStart(2, '0')}-28`,
    STATUS_WORDS[(plan + item) % 3] as string,
    item % 5 === 0 ? '已报送材料' : '',
  ];
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeBenchCsv(path: string, plans: number, itemsPerPlan: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (line: string) =>
    out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`\ufeff${BENCH_HEADER.join(',')}\r\n`);
  for (let p = 0; p < plans; p++) {
    let chunk = '';
    for (let i = 0; i < itemsPerPlan; i++) chunk += `${benchRow(p, i).map(csvField).join(',')}\r\n`;
    await write(chunk);
  }
  await new Promise<void>((r) => out.end(() => r()));
}

export async function writeBenchXlsx(path: string, plans: number, itemsPerPlan: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('台账');
  sheet.addRow([...BENCH_HEADER]).commit();
  for (let p = 0; p < plans; p++) {
    for (let i = 0; i < itemsPerPlan; i++) sheet.addRow(benchRow(p, i)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export interface ImportBenchOptions {
  plans?: number;
  itemsPerPlan?: number;
  rounds?: number;
  /** Plans of the smaller XLSX measured once (0: none). */
  smallXlsxPlans?: number;
  /** Progress lines (stderr by default). */
  log?: (line: string) => void;
}

const TARGET_RATIO = 1.2;
const TARGET_RSS_MB = 300;

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const count = (n: number) => n.toLocaleString('en');

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** The bare script, as its own process. */
function runBaseline(csv: string, db: string): ProcessFigures {
  return measureNodeProcess(['--import', 'tsx', join(ROOT, 'bench/importBaseline.ts'), csv, db], {}, { cwd: ROOT });
}

/** `reform-bot import <file>` as its own process; a refusal is a result, not a crash. */
function runImport(file: string, db: string): ProcessFigures {
  return measureNodeProcess(
    [join(ROOT, 'bin/reform-bot-source.js'), 'import', file],
    { DATABASE_PATH: db, LOG_LEVEL: 'warn' },
    { cwd: ROOT, allowFailure: true },
  );
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? '';
const describe = (f: ProcessFigures) =>
  `${seconds(f.ms)} (CPU ${seconds(f.cpuMs)}), peak RSS ${f.maxRssMb.toFixed(0)} MB`;

const medianMs = (runs: ProcessFigures[]) => median(runs.map((r) => r.ms));
const medianCpu = (runs: ProcessFigures[]) => median(runs.map((r) => r.cpuMs));
const peakRss = (runs: ProcessFigures[]) => Math.max(...runs.map((r) => r.maxRssMb));
const roundsText = (runs: ProcessFigures[]) => runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ');

export async function benchImport(dir: string, options: ImportBenchOptions = {}): Promise<BenchRow[]> {
  const { plans = 10_000, itemsPerPlan = 25, rounds = 3, smallXlsxPlans = 1_000 } = options;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const items = plans * itemsPerPlan;
  const csv = join(dir, 'ledger.csv');
  const xlsx = join(dir, 'ledger.xlsx');
  const tiny = join(dir, 'tiny.csv');
  log(`import: writing the ledger (${count(items)} items) as CSV and XLSX…`);
  await writeBenchCsv(csv, plans, itemsPerPlan);
  await writeBenchXlsx(xlsx, plans, itemsPerPlan);
  await writeBenchCsv(tiny, 1, 1);
  const csvBytes = statSync(csv).size;
  const xlsxBytes = statSync(xlsx).size;
  const loadBefore = loadavg()[0] as number;

  const baseline: ProcessFigures[] = [];
  const imported: ProcessFigures[] = [];
  const xlsxImported: ProcessFigures[] = [];
  const startBaseline: ProcessFigures[] = [];
  const startImport: ProcessFigures[] = [];
  let xlsxRefusal: string | null = null;
  let sameRows: ReturnType<typeof compareLedgerDatabases> | null = null;
  let lastImportDb = '';
  for (let round = 1; round <= rounds; round++) {
    const baseDb = join(dir, `baseline-${round}.db`);
    const b = runBaseline(csv, baseDb);
    baseline.push(b);
    log(`import: round ${round}: baseline ${describe(b)}`);

    const importDb = join(dir, `import-${round}.db`);
    const i = runImport(csv, importDb);
    if (i.status !== 0) throw new Error(`reform-bot import ${csv} failed (${i.status}): ${i.stderr.slice(0, 2000)}`);
    imported.push(i);
    log(`import: round ${round}: reform-bot import CSV ${describe(i)}`);
    if (round === 1) sameRows = compareLedgerDatabases(baseDb, importDb);
    removeDatabase(baseDb);
    if (lastImportDb) removeDatabase(lastImportDb);
    lastImportDb = importDb;

    if (xlsxRefusal === null) {
      const xlsxDb = join(dir, `xlsx-${round}.db`);
      const x = runImport(xlsx, xlsxDb);
      removeDatabase(xlsxDb);
      if (x.status === 0) {
        xlsxImported.push(x);
        log(`import: round ${round}: reform-bot import XLSX ${describe(x)}`);
      } else {
        xlsxRefusal = firstLine(x.stderr).replaceAll(xlsx, basename(xlsx));
        log(`import: XLSX refused (${x.status}): ${xlsxRefusal}`);
      }
    }

    // The fixed cost of each process: start-up, migrations, one row.
    for (const [series, run] of [
      [startBaseline, runBaseline],
      [startImport, runImport],
    ] as const) {
      const db = join(dir, 'tiny.db');
      const f = run(tiny, db);
      if (f.status !== 0) throw new Error(`one-item ledger failed: ${f.stderr}`);
      series.push(f);
      removeDatabase(db);
    }
  }

  log('import: re-import of the same file over the imported database…');
  const again = runImport(csv, lastImportDb);
  if (again.status !== 0) throw new Error(`re-import failed (${again.status}): ${again.stderr.slice(0, 2000)}`);
  log(`import: re-import ${describe(again)}`);
  removeDatabase(lastImportDb);

  let small: { items: number; bytes: number; figures: ProcessFigures } | null = null;
  if (smallXlsxPlans > 0) {
    const path = join(dir, 'ledger-small.xlsx');
    await writeBenchXlsx(path, smallXlsxPlans, itemsPerPlan);
    const db = join(dir, 'xlsx-small.db');
    const figures = runImport(path, db);
    removeDatabase(db);
    if (figures.status !== 0)
      throw new Error(`XLSX of ${smallXlsxPlans} plans failed: ${figures.stderr.slice(0, 2000)}`);
    small = { items: smallXlsxPlans * itemsPerPlan, bytes: statSync(path).size, figures };
    log(`import: XLSX ${count(small.items)} items ${describe(figures)}`);
  }
  const loadAfter = loadavg()[0] as number;

  const section = 'import';
  const n = count(items);
  const ratio = medianMs(imported) / medianMs(baseline);
  const cpuRatio = medianCpu(imported) / medianCpu(baseline);
  const rows: BenchRow[] = [
    {
      section,
      measure: `${n} items (${count(plans)} plans × ${itemsPerPlan}), CSV ${megabytes(csvBytes)}; each run a process on a fresh database, start-up included; ${rounds} alternating rounds, medians`,
      figure: '',
      target: '',
      met: null,
    },
    {
      section,
      measure: `bare-script baseline (bench/importBaseline.ts): time (rounds: ${roundsText(baseline)} s; CPU ${seconds(medianCpu(baseline))})`,
      figure: seconds(medianMs(baseline)),
      target: '',
      met: null,
    },
    {
      section,
      measure: 'bare-script baseline: peak RSS',
      figure: `${peakRss(baseline).toFixed(0)} MB`,
      target: '',
      met: null,
    },
    {
      section,
      measure: `reform-bot import CSV: time (rounds: ${roundsText(imported)} s; CPU ${seconds(medianCpu(imported))})`,
      figure: seconds(medianMs(imported)),
      target: '',
      met: null,
    },
    {
      section,
      measure: 'reform-bot import CSV / baseline: wall time',
      figure: `${ratio.toFixed(2)}×`,
      target: `≤ ${TARGET_RATIO}×`,
      met: ratio <= TARGET_RATIO,
    },
    {
      section,
      measure: 'reform-bot import CSV / baseline: CPU time (less sensitive to other load)',
      figure: `${cpuRatio.toFixed(2)}×`,
      target: '',
      met: null,
    },
    {
      section,
      measure: 'reform-bot import CSV: peak RSS (highest of the rounds)',
      figure: `${peakRss(imported).toFixed(0)} MB`,
      target: `< ${TARGET_RSS_MB} MB`,
      met: peakRss(imported) < TARGET_RSS_MB,
    },
  ];
  const differences = sameRows?.differences ?? [];
  rows.push({
    section,
    measure: `baseline and import wrote the same rows (${Object.entries(sameRows?.counts ?? {})
      .filter(([, c]) => c > 0)
      .map(([t, c]) => `${t} ${count(c)}`)
      .join(', ')}; write times left out)`,
    figure:
      differences.length === 0
        ? 'yes'
        : `no: ${differences.map((d) => `${d.table} ${d.rows.join('/')} rows, ${d.onlyIn.join('/')} unmatched`).join('; ')}`,
    target: 'yes',
    met: differences.length === 0,
  });
  if (xlsxRefusal !== null) {
    rows.push({
      section,
      measure: `reform-bot import XLSX (${megabytes(xlsxBytes)}, same ${n} items)`,
      figure: `refused: ${xlsxRefusal}`,
      target: 'imported',
      met: false,
    });
  } else {
    const xlsxRatio = medianMs(xlsxImported) / medianMs(baseline);
    rows.push(
      {
        section,
        measure: `reform-bot import XLSX (${megabytes(xlsxBytes)}, same rows): time (rounds: ${roundsText(xlsxImported)} s; CPU ${seconds(medianCpu(xlsxImported))}); ${xlsxRatio.toFixed(2)}× the CSV baseline`,
        figure: seconds(medianMs(xlsxImported)),
        target: '',
        met: null,
      },
      {
        section,
        measure: 'reform-bot import XLSX: peak RSS (highest of the rounds)',
        figure: `${peakRss(xlsxImported).toFixed(0)} MB`,
        target: `< ${TARGET_RSS_MB} MB`,
        met: peakRss(xlsxImported) < TARGET_RSS_MB,
      },
    );
  }
  rows.push(
    {
      section,
      measure: `re-import of the same CSV over the imported database (${n} unchanged): time (CPU ${seconds(again.cpuMs)})`,
      figure: seconds(again.ms),
      target: '',
      met: null,
    },
    {
      section,
      measure: 're-import: peak RSS',
      figure: `${again.maxRssMb.toFixed(0)} MB`,
      target: `< ${TARGET_RSS_MB} MB`,
      met: again.maxRssMb < TARGET_RSS_MB,
    },
    {
      section,
      measure: `start-up: a one-item ledger, baseline / reform-bot import (medians; CPU ${seconds(medianCpu(startBaseline))} / ${seconds(medianCpu(startImport))}; included in the times above)`,
      figure: `${seconds(medianMs(startBaseline))} / ${seconds(medianMs(startImport))}`,
      target: '',
      met: null,
    },
  );
  if (small) {
    rows.push({
      section,
      measure: `reform-bot import XLSX of ${count(small.items)} items (${megabytes(small.bytes)}), once: time (CPU ${seconds(small.figures.cpuMs)}); peak RSS ${small.figures.maxRssMb.toFixed(0)} MB`,
      figure: seconds(small.figures.ms),
      target: '',
      met: null,
    });
  }
  rows.push({
    section,
    measure: 'machine load average (1 min) before / after',
    figure: `${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`,
    target: '',
    met: null,
  });
  return rows;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [plans, itemsPerPlan, rounds] = process.argv.slice(2).map(Number);
  const dir = mkdtempSync(join(tmpdir(), 'reform-bench-import-'));
  try {
    console.log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (other work slows the wall times)`,
    );
    const rows = await benchImport(dir, {
      plans: plans || undefined,
      itemsPerPlan: itemsPerPlan || undefined,
      rounds: rounds || undefined,
    });
    console.log(renderText(rows));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
