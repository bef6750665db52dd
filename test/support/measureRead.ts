// Reads one sheet in a fresh process and prints what it took as JSON, so that a test can
// measure memory without the test's own garbage in the figures:
//   node --import tsx test/support/measureRead.ts FILE SHEET
import type { SheetRecord } from '../../src/ledger/rawRow.ts';
import { readXlsxSheet } from '../../src/ledger/xlsx/index.ts';

const [path, sheet] = process.argv.slice(2) as [string, string];
const MB = 1024 * 1024;
const startRss = process.memoryUsage.rss();
let peakRss = startRss;
const start = performance.now();
let rows = 0;
let last: SheetRecord | undefined;
for await (const batch of readXlsxSheet(path, sheet)) {
  rows += batch.length;
  last = batch.at(-1);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
const ms = Math.round(performance.now() - start);
console.log(
  JSON.stringify({ rows, ms, startRssMb: Math.round(startRss / MB), peakRssMb: Math.round(peakRss / MB), last }),
);
