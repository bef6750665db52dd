// The ledgers of a contention run, as an office would type them (the import benchmark's rows,
// bench/import.ts), with due dates around today so every traffic light occurs and reminders have
// work. Week 1 is the ledger the bot starts with; week 2, which the CLI imports during the load,
// changes the status of every fourth item: a real write for a quarter of the ledger.
import { createWriteStream } from 'node:fs';
import { BENCH_HEADER, benchRow } from '../bench/import.ts';
import { addDays } from '../src/domain/dates.ts';

const ITEMS_PER_PLAN = 25;
const STATUS_CYCLE = ['已完成', '已启动未完成', '未启动'];
const DUE = 9;
const STATUS = 10;

/** One row of the given week: benchRow with a due date around `today` and week 2's status changes. */
function ledgerRow(plan: number, item: number, today: string, week: 1 | 2): string[] {
  const row = benchRow(plan, item);
  row[DUE] = addDays(today, ((plan + item * 13) % 60) - 30);
  if (week === 2 && item % 4 === 0) {
    const now = STATUS_CYCLE.indexOf(row[STATUS] as string);
    row[STATUS] = STATUS_CYCLE[(now + 1) % STATUS_CYCLE.length] as string;
  }
  return row;
}

const csvField = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export async function writeLedgerCsv(path: string, items: number, today: string, week: 1 | 2): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) =>
    out.write(text) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
  await write(`\ufeff${BENCH_HEADER.join(',')}\r\n`);
  for (let p = 0; p < items / ITEMS_PER_PLAN; p++) {
    let chunk = '';
    for (let i = 0; i < ITEMS_PER_PLAN; i++) chunk += `${ledgerRow(p, i, today, week).map(csvField).join(',')}\r\n`;
    await write(chunk);
  }
  await new Promise<void>((r) => out.end(() => r()));
}
