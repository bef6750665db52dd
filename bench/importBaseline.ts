// The floor for the import benchmark: a bare script that writes the rows `reform-bot import`
// writes for the benchmark ledger (bench/import.ts) into a fresh database made by the
// project's migrations, and nothing else: no reading report, no defect list, no comparison with
// stored items, no summary. It streams the CSV through the project's scanner, maps the words
// with plain lookups, and writes groups, departments, plans, items (synced_version 1), their
// responsible departments and one status history row per item in ONE transaction with prepared
// multi-row statements. Whatever an importer does beyond this is its overhead.
//
// It reads only what the benchmark generates (12 named columns, every cell well formed) and
// throws on anything else, so it cannot quietly write less than the import does.
//
//   node --import tsx bench/importBaseline.ts <ledger.csv> <fresh.db>
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { closeDatabase, openDatabase } from '../src/db/client.ts';
import { COLUMN_SPECS, type Column, DOMAIN_WORDS, STATUS_WORDS } from '../src/ledger/columns.ts';
import { CsvScanner } from '../src/ledger/csvScanner.ts';
import { BatchInsert } from '../src/store/batchInsert.ts';

const [file, dbPath] = process.argv.slice(2);
if (!file || !dbPath) throw new Error('usage: importBaseline.ts <ledger.csv> <fresh.db>');

const db = openDatabase(dbPath);
const sqlite = db.$client;
const actor = `import:${basename(file)}`;
const at = new Date().toISOString();

const statusOf = new Map(Object.entries(STATUS_WORDS).map(([status, words]) => [words.zh, status]));
const domainOf = new Map(Object.entries(DOMAIN_WORDS).map(([domain, words]) => [words.zh, domain]));
/** `2016/1/15` or `2016-01-28` → `2016-01-15`. */
function isoDate(text: string): string {
  const [y, m, d] = text.split(/[-/]/);
  if (!y || !m || !d) throw new Error(`not a date: ${text}`);
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}
const need = <T>(value: T | undefined, what: string): T => {
  if (value === undefined) throw new Error(`unknown ${what}`);
  return value;
};

const insertGroup = sqlite.prepare('INSERT INTO groups (code, name) VALUES (?, ?)');
const insertDepartment = sqlite.prepare('INSERT INTO departments (name) VALUES (?)');
const plans = new BatchInsert(
  sqlite,
  'INSERT INTO plans (id, code, title, domain, lead_group_id, lead_department_id, stage, issued_on) VALUES',
  "(?, ?, ?, ?, ?, ?, 'issued', ?)",
);
const items = new BatchInsert(
  sqlite,
  'INSERT INTO items (id, plan_id, code, title, due_on, status, note, synced_version) VALUES',
  '(?, ?, ?, ?, ?, ?, ?, 1)',
  [plans],
);
const links = new BatchInsert(
  sqlite,
  'INSERT INTO item_departments (item_id, department_id, position) VALUES',
  '(?, ?, ?)',
  [items],
);
const history = new BatchInsert(
  sqlite,
  'INSERT INTO item_history (item_id, field, from_value, to_value, note, actor, source, at) VALUES',
  "(?, 'status', NULL, ?, ?, ?, 'import', ?)",
  [items],
);

const groupIds = new Map<string, number>();
const departmentIds = new Map<string, number>();
const planIds = new Map<string, number>();
const groupId = (code: string) => {
  let id = groupIds.get(code);
  if (id === undefined) {
    id = Number(insertGroup.run(code, code).lastInsertRowid);
    groupIds.set(code, id);
  }
  return id;
};
const departmentId = (name: string) => {
  let id = departmentIds.get(name);
  if (id === undefined) {
    id = Number(insertDepartment.run(name).lastInsertRowid);
    departmentIds.set(name, id);
  }
  return id;
};

let header: string[] | null = null;
const positions = new Map<Column, number>();
let itemId = 0;
function write(values: string[]): void {
  if (!header) {
    header = values;
    for (const [column, spec] of Object.entries(COLUMN_SPECS))
      if (values.includes(spec.zh)) positions.set(column as Column, values.indexOf(spec.zh));
    return;
  }
  if (values.length !== header.length)
    throw new Error(`a record of ${values.length} cells; the header has ${header.length}`);
  const cell = (column: Column) => values[need(positions.get(column), `column ${column}`)] as string;
  const planCode = cell('plan_code');
  let planId = planIds.get(planCode);
  if (planId === undefined) {
    planId = planIds.size + 1;
    planIds.set(planCode, planId);
    const lead = departmentId(cell('lead_department'));
    plans.add(
      planId,
      planCode,
      cell('plan_title'),
      need(domainOf.get(cell('domain')), 'domain'),
      groupId(cell('lead_group')),
      lead,
      isoDate(cell('issued_on')),
    );
  }
  const id = ++itemId;
  const status = need(statusOf.get(cell('status')), 'status');
  const note = cell('note') || null;
  items.add(id, planId, cell('item_code'), cell('item_title'), isoDate(cell('due_on')), status, note);
  cell('responsible_departments')
    .split('、')
    .forEach((name, position) => {
      links.add(id, departmentId(name), position);
    });
  history.add(id, status, note, actor, at);
}

const scanner = new CsvScanner();
const decoder = new TextDecoder('utf-8', { fatal: true }); // strips the BOM
const started = performance.now();
sqlite.exec('BEGIN IMMEDIATE');
try {
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    for (const record of scanner.push(decoder.decode(chunk, { stream: true }))) write(record.values);
  }
  for (const record of scanner.end()) write(record.values);
  plans.flush();
  items.flush();
  links.flush();
  history.flush();
  sqlite.exec('COMMIT');
} catch (error) {
  sqlite.exec('ROLLBACK');
  throw error;
}
const ms = performance.now() - started;
closeDatabase(db);
process.stdout.write(`${JSON.stringify({ items: itemId, plans: planIds.size, ms })}\n`);
