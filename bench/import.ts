// Import benchmark: 10,000 plans × 25 items = 250,000 items as CSV, imported into a fresh
// database through the CLI's own command (runCli), then the same in a spawned CLI process
// (process start included), and an XLSX of a smaller ledger. Prints times and peak RSS.
//
//   node --import tsx bench/import.ts [plans] [itemsPerPlan] [xlsxPlans]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli } from '../src/cli/main.ts';
import { COLUMNS } from '../src/ledger/columns.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DOMAIN_WORDS = ['经济体制', '民主法制', '文化体制', '社会体制', '生态文明体制', '党的建设制度', '纪律检查体制'];
const STATUS_WORDS = ['已完成', '已启动未完成', '未启动'];
const DEPARTMENTS = ['发展改革委', '财政厅', '人力资源社会保障厅', '国资委', '教育厅', '住房城乡建设厅', '环境保护厅', '审计厅'];

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
  const write = (line: string) => (out.write(line) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(`\ufeff${COLUMNS.join(',')}\r\n`);
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
  sheet.addRow([...COLUMNS]).commit();
  for (let p = 0; p < plans; p++) {
    for (let i = 0; i < itemsPerPlan; i++) sheet.addRow(benchRow(p, i)).commit();
  }
  sheet.commit();
  await workbook.commit();
}

export interface BenchResult {
  items: number;
  bytes: number;
  /** Wall time of the import in process, and the CPU time it used (less sensitive to other load). */
  ms: number;
  cpuMs: number;
  /** Wall time of `reform-bot import` as a separate process, start-up included. */
  spawnedMs: number;
  peakRssMb: number;
}

/** Imports through runCli with DATABASE_PATH pointing at a fresh file; throws if it fails. */
async function importInProcess(file: string, dbPath: string): Promise<{ ms: number; cpuMs: number }> {
  const previous = process.env.DATABASE_PATH;
  process.env.DATABASE_PATH = dbPath;
  const output: string[] = [];
  const io = { out: (s: string) => output.push(s), err: (s: string) => output.push(s), isTty: false };
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const code = await runCli(['import', file], io, new Date('2016-07-01T00:00:00Z'));
    if (code !== 0) throw new Error(`import failed (${code}):\n${output.join('\n').slice(0, 2000)}`);
  } finally {
    if (previous === undefined) delete process.env.DATABASE_PATH;
    else process.env.DATABASE_PATH = previous;
  }
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function benchImport(plans = 10_000, itemsPerPlan = 25, xlsxPlans = 1_000): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'reform-bench-'));
  try {
    const csv = join(dir, 'ledger.csv');
    await writeBenchCsv(csv, plans, itemsPerPlan);
    const items = plans * itemsPerPlan;
    const bytes = statSync(csv).size;
    console.log(`machine: ${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (other work slows the wall times)`);
    const { ms, cpuMs } = await importInProcess(csv, join(dir, 'inprocess.db'));
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `CSV ${items} items (${(bytes / 1e6).toFixed(1)} MB): import ${seconds(ms)} in process (CPU ${seconds(cpuMs)}), peak RSS ${peakRssMb.toFixed(0)} MB`,
    );

    const started = performance.now();
    const child = spawnSync(process.execPath, [join(ROOT, 'bin/reform-bot.js'), 'import', csv], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'spawned.db'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    const spawnedMs = performance.now() - started;
    if (child.status !== 0) throw new Error(`spawned import failed: ${child.stderr}`);
    console.log(`CSV ${items} items: \`reform-bot import\` as a process ${seconds(spawnedMs)} (process start included)`);

    const again = performance.now();
    const second = spawnSync(process.execPath, [join(ROOT, 'bin/reform-bot.js'), 'import', csv], {
      env: { ...process.env, DATABASE_PATH: join(dir, 'spawned.db'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    if (second.status !== 0) throw new Error(`re-import failed: ${second.stderr}`);
    console.log(`CSV ${items} items: re-import of the same file (all unchanged) ${seconds(performance.now() - again)}`);

    if (xlsxPlans > 0) {
      const xlsx = join(dir, 'ledger.xlsx');
      await writeBenchXlsx(xlsx, xlsxPlans, itemsPerPlan);
      const x = await importInProcess(xlsx, join(dir, 'xlsx.db'));
      console.log(
        `XLSX ${xlsxPlans * itemsPerPlan} items (${(statSync(xlsx).size / 1e6).toFixed(1)} MB): import ${seconds(x.ms)} in process (CPU ${seconds(x.cpuMs)})`,
      );
    }
    return { items, bytes, ms, cpuMs, spawnedMs, peakRssMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [plans, perPlan, xlsxPlans] = process.argv.slice(2).map(Number);
  await benchImport(plans || undefined, perPlan || undefined, Number.isNaN(xlsxPlans) ? undefined : xlsxPlans);
}
