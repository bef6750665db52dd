// Reading and writing a ledger: what lands in the database, idempotence, history, reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import type { LedgerFormat } from '../../src/ledger/fileCheck.ts';
import { parseDateText } from '../../src/ledger/parseDate.ts';
import { readLedger } from '../../src/ledger/readLedger.ts';
import { importLedger, type LedgerImportSummary } from '../../src/store/ledgerImport.ts';
import { count, snapshot, tempDir, testDb } from '../support/db.ts';
import { baseRows, COLUMNS, excelDate, type FixtureRow, writeCsv, writeXlsx } from '../support/ledgerFixture.ts';

const NOW = new Date('2016-07-01T02:00:00Z');

async function importFile(db: Db, file: string, format: LedgerFormat, dryRun = false): Promise<LedgerImportSummary> {
  const read = await readLedger(file, format);
  if (!read.ok) throw new Error(`unexpected defects: ${JSON.stringify(read.defects)}`);
  return importLedger(db, read.ledger, { file, now: NOW, dryRun });
}

interface ViewRow {
  plan: string;
  item: string;
  dueOn: string | null;
  status: string;
  [column: string]: unknown;
}

/** The ledger as the database holds it, without ids and timestamps. */
function ledgerView(db: Db): ViewRow[] {
  return db.$client
    .prepare(
      `SELECT p.code AS plan, p.title AS planTitle, p.domain, g.code AS grp, d.name AS leadDepartment, p.stage, p.issued_on AS issuedOn,
              i.code AS item, i.title, i.due_on AS dueOn, i.status, i.note, i.version,
              (SELECT group_concat(name, '|') FROM (SELECT dd.name FROM item_departments x JOIN departments dd ON dd.id = x.department_id
                 WHERE x.item_id = i.id ORDER BY x.position)) AS departments
       FROM items i JOIN plans p ON p.id = i.plan_id LEFT JOIN groups g ON g.id = p.lead_group_id
       LEFT JOIN departments d ON d.id = p.lead_department_id ORDER BY i.id`,
    )
    .all() as ViewRow[];
}

function history(db: Db) {
  return db.$client
    .prepare('SELECT item_id, field, from_value, to_value, note, actor, source, at FROM item_history ORDER BY id')
    .all() as {
    item_id: number;
    field: string;
    from_value: string | null;
    to_value: string | null;
    note: string | null;
    actor: string;
    source: string;
    at: string;
  }[];
}

const withChanges = (changes: Record<number, Partial<FixtureRow>>) =>
  baseRows().map((row, i) => ({ ...row, ...changes[i] }));

describe('ledger import', () => {
  it('creates plans, items, groups and departments from a CSV with English headers', async () => {
    const db = testDb();
    const file = writeCsv(join(tempDir(), 'ledger.csv'), baseRows(), { bom: true, eol: '\r\n' });
    const summary = await importFile(db, file, 'csv');
    expect(summary).toMatchObject({
      dryRun: false,
      plans: { created: ['P1', 'P2', 'P3'], updated: [], unchanged: 0 },
      items: { created: 7, updated: [], unchanged: 0, statusChanges: 0 },
      historyRows: 7,
      newGroups: ['G1', 'G2'],
      newDepartments: ['国资委', '财政厅', '发展改革委', '省委组织部', '司法厅', '环境保护厅', '气象局'],
      missingItems: [],
    });
    const view = ledgerView(db);
    expect(view[0]).toEqual({
      plan: 'P1',
      planTitle: '关于深化国有企业改革的实施意见',
      domain: 'economic',
      grp: 'G1',
      leadDepartment: '国资委',
      stage: 'issued',
      issuedOn: '2016-01-15',
      item: '1',
      title: '制定国有资本投资运营公司试点方案',
      dueOn: '2016-06-30',
      status: 'done',
      note: '已印发',
      version: 1,
      departments: '国资委|财政厅',
    });
    expect(view.map((r) => [r.plan, r.item, r.dueOn, r.status])).toEqual([
      ['P1', '1', '2016-06-30', 'done'],
      ['P1', '2', '2016-12-31', 'started'],
      ['P1', '3', '2016-09-30', 'not_started'],
      ['P2', '1', '2016-05-31', 'done'],
      ['P2', '2', null, 'started'],
      ['P3', 'A', '2017-12-31', 'not_started'],
      ['P3', 'B', '2016-10-31', 'done'],
    ]);
    expect(view.find((r) => r.plan === 'P3')).toMatchObject({
      stage: 'approved',
      issuedOn: null,
      domain: 'ecological',
    });
    expect(view.find((r) => r.plan === 'P2')).toMatchObject({ issuedOn: '2016-03-01', domain: 'political' });
    const groups = db.$client.prepare('SELECT code, name FROM groups ORDER BY id').all();
    expect(groups).toEqual([
      { code: 'G1', name: 'G1' },
      { code: 'G2', name: 'G2' },
    ]);
    const first = history(db)[0];
    expect(first).toMatchObject({
      item_id: 1,
      field: 'status',
      from_value: null,
      to_value: 'done',
      note: '已印发',
      actor: 'import:ledger.csv',
      source: 'import',
      at: '2016-07-01T02:00:00.000Z',
    });
  });

  it('reads the same ledger from XLSX with Chinese headers and real date cells', async () => {
    const dir = tempDir();
    const fromCsv = testDb(join(dir, 'a.db'));
    await importFile(fromCsv, writeCsv(join(dir, 'ledger.csv'), baseRows()), 'csv');
    // Every date as a real Excel date cell; empty cells stay empty.
    const asDateCell = (text: FixtureRow['due_on']) =>
      text === '' ? null : excelDate(parseDateText(String(text)) as string);
    const dated = baseRows().map((r) => ({ ...r, due_on: asDateCell(r.due_on), issued_on: asDateCell(r.issued_on) }));
    const fromXlsx = testDb(join(dir, 'b.db'));
    const file = await writeXlsx(join(dir, '台账.xlsx'), dated, {
      language: 'zh',
      sheetsBefore: ['说明'],
      sheetName: '台账',
    });
    const summary = await importFile(fromXlsx, file, 'xlsx');
    expect(summary.items.created).toBe(7);
    expect(ledgerView(fromXlsx)).toEqual(ledgerView(fromCsv));
  });

  it('changes nothing when the same file is imported again', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const db = testDb();
      const dir = tempDir();
      const file =
        format === 'csv'
          ? writeCsv(join(dir, 'l.csv'), baseRows())
          : await writeXlsx(join(dir, 'l.xlsx'), baseRows(), { language: 'zh' });
      await importFile(db, file, format);
      const before = snapshot(db);
      const again = await importFile(db, file, format);
      expect(again).toMatchObject({
        dryRun: false,
        plans: { created: [], updated: [], unchanged: 3 },
        items: { created: 0, updated: [], unchanged: 7, statusChanges: 0 },
        historyRows: 0,
        newGroups: [],
        newDepartments: [],
        missingItems: [],
      });
      expect(snapshot(db)).toEqual(before);
    }
  });

  it('applies a changed status and records it in the history with source import and the row note', async () => {
    const db = testDb();
    const dir = tempDir();
    await importFile(db, writeCsv(join(dir, 'v1.csv'), baseRows()), 'csv');
    const changed = withChanges({
      1: { status: 'done', note: '已出台实施办法' },
      2: {
        item_title: '完善国有企业领导人员分类分层管理办法',
        due_on: '2016-10-31',
        responsible_departments: '省委组织部、国资委',
      },
    });
    const summary = await importFile(db, writeCsv(join(dir, 'v2.csv'), changed), 'csv');
    expect(summary.items).toEqual({ created: 0, updated: ['P1#2', 'P1#3'], unchanged: 5, statusChanges: 1 });
    expect(summary.historyRows).toBe(5);
    const rows = history(db).slice(7);
    expect(rows).toEqual([
      {
        item_id: 2,
        field: 'status',
        from_value: 'started',
        to_value: 'done',
        note: '已出台实施办法',
        actor: 'import:v2.csv',
        source: 'import',
        at: NOW.toISOString(),
      },
      {
        item_id: 2,
        field: 'note',
        from_value: null,
        to_value: '已出台实施办法',
        note: null,
        actor: 'import:v2.csv',
        source: 'import',
        at: NOW.toISOString(),
      },
      {
        item_id: 3,
        field: 'title',
        from_value: '完善国有企业领导人员管理办法',
        to_value: '完善国有企业领导人员分类分层管理办法',
        note: null,
        actor: 'import:v2.csv',
        source: 'import',
        at: NOW.toISOString(),
      },
      {
        item_id: 3,
        field: 'due_on',
        from_value: '2016-09-30',
        to_value: '2016-10-31',
        note: null,
        actor: 'import:v2.csv',
        source: 'import',
        at: NOW.toISOString(),
      },
      {
        item_id: 3,
        field: 'departments',
        from_value: '省委组织部',
        to_value: '省委组织部、国资委',
        note: null,
        actor: 'import:v2.csv',
        source: 'import',
        at: NOW.toISOString(),
      },
    ]);
    const view = ledgerView(db);
    expect(view[1]).toMatchObject({ status: 'done', note: '已出台实施办法', version: 2 });
    expect(view[2]).toMatchObject({
      title: '完善国有企业领导人员分类分层管理办法',
      dueOn: '2016-10-31',
      departments: '省委组织部|国资委',
      version: 2,
    });
    expect(view[0]).toMatchObject({ version: 1 });
  });

  it('reports items missing from the file and keeps them', async () => {
    const db = testDb();
    const dir = tempDir();
    await importFile(db, writeCsv(join(dir, 'all.csv'), baseRows()), 'csv');
    const partial = baseRows().filter((r) => !(r.plan_code === 'P1' && r.item_code === '2') && r.plan_code !== 'P2');
    const summary = await importFile(db, writeCsv(join(dir, 'partial.csv'), partial), 'csv');
    // P2 is not in the file at all: its items are not "missing", the file is about other plans.
    expect(summary.missingItems).toEqual(['P1#2']);
    expect(count(db, 'items')).toBe(7);
  });

  it('lists only new groups and departments, and keeps the names the org file gave', async () => {
    const db = testDb();
    db.$client.prepare("INSERT INTO groups (code, name) VALUES ('G1', '经济体制和生态文明体制改革专项小组')").run();
    db.$client.prepare("INSERT INTO departments (name) VALUES ('国资委')").run();
    const summary = await importFile(db, writeCsv(join(tempDir(), 'l.csv'), baseRows()), 'csv');
    expect(summary.newGroups).toEqual(['G2']);
    expect(summary.newDepartments).not.toContain('国资委');
    expect(db.$client.prepare("SELECT name FROM groups WHERE code = 'G1'").get()).toEqual({
      name: '经济体制和生态文明体制改革专项小组',
    });
  });

  it('lists as many new items as asked, and counts them all', async () => {
    const db = testDb();
    const file = writeCsv(join(tempDir(), 'l.csv'), baseRows());
    const read = await readLedger(file, 'csv');
    if (!read.ok) throw new Error('unexpected defects');
    const summary = importLedger(db, read.ledger, { file, now: NOW, newItemsListed: 2 });
    expect(summary.items.created).toBe(7);
    expect(summary.newItems).toEqual([
      { key: 'P1#1', title: '制定国有资本投资运营公司试点方案' },
      { key: 'P1#2', title: '推进混合所有制改革' },
    ]);
  });

  it('a dry run reports what would change and writes nothing', async () => {
    const db = testDb();
    const dir = tempDir();
    const first = writeCsv(join(dir, 'l.csv'), baseRows());
    const dry = await importFile(db, first, 'csv', true);
    expect(dry.dryRun).toBe(true);
    expect(dry.items.created).toBe(7);
    expect(
      count(db, 'plans') +
        count(db, 'items') +
        count(db, 'groups') +
        count(db, 'departments') +
        count(db, 'item_history'),
    ).toBe(0);
    await importFile(db, first, 'csv');
    const before = snapshot(db);
    const dryChange = await importFile(
      db,
      writeCsv(join(dir, 'v2.csv'), withChanges({ 0: { status: 'started' } })),
      'csv',
      true,
    );
    expect(dryChange.items).toMatchObject({ updated: ['P1#1'], statusChanges: 1 });
    expect(snapshot(db)).toEqual(before);
  });

  it('leaves notes and issue dates alone when the file has no such column; clears them when the cell is empty', async () => {
    const db = testDb();
    const dir = tempDir();
    await importFile(db, writeCsv(join(dir, 'l.csv'), baseRows()), 'csv');
    const before = snapshot(db);
    const without = COLUMNS.filter((c) => c !== 'note' && c !== 'issued_on');
    const summary = await importFile(db, writeCsv(join(dir, 'short.csv'), baseRows(), { columns: without }), 'csv');
    expect(summary.items.unchanged).toBe(7);
    expect(summary.plans.unchanged).toBe(3);
    expect(snapshot(db)).toEqual(before);
    const cleared = await importFile(db, writeCsv(join(dir, 'cleared.csv'), withChanges({ 0: { note: '' } })), 'csv');
    expect(cleared.items.updated).toEqual(['P1#1']);
    expect(ledgerView(db)[0]).toMatchObject({ note: null });
  });

  it('keeps a closed-out plan closed', async () => {
    const db = testDb();
    const dir = tempDir();
    await importFile(db, writeCsv(join(dir, 'l.csv'), baseRows()), 'csv');
    db.$client.prepare("UPDATE plans SET stage = 'closed' WHERE code = 'P2'").run();
    const summary = await importFile(db, writeCsv(join(dir, 'l.csv'), baseRows()), 'csv');
    expect(summary.plans.unchanged).toBe(3);
    expect(db.$client.prepare("SELECT stage FROM plans WHERE code = 'P2'").get()).toEqual({ stage: 'closed' });
  });

  it('skips a title row, blank rows and unknown columns, and reports the ignored columns', async () => {
    const dir = tempDir();
    const file = join(dir, 'l.csv');
    const rows = baseRows();
    const lines = [
      '2016年全面深化改革工作台账,,,',
      `序号,${COLUMNS.join(',')},联系人`,
      ...rows.map((r, i) => `${i + 1},${COLUMNS.map((c) => String(r[c] ?? '')).join(',')},张三`),
      '',
      `合计,${COLUMNS.map(() => '').join(',')},`,
    ];
    writeFileSync(file, lines.join('\n'));
    const read = await readLedger(file, 'csv');
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.header.line).toBe(2);
    expect(read.header.ignored).toEqual(['联系人']);
    expect(read.ledger.rows.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(read.report.skipped).toEqual([
      { line: 10, reason: 'empty', text: '' },
      { line: 11, reason: 'total', text: '合计' },
    ]);
  });
});
