// Whether two ledger databases hold the same rows: every table the import writes, compared
// row by row (ids included) in both directions, leaving out only when a row was written
// (created_at, the history's `at`). The import benchmark uses it to show that its baseline
// writes exactly what `reform-bot import` writes.
import Database from 'better-sqlite3';

const IMPORTED_TABLES = [
  'groups',
  'departments',
  'plans',
  'items',
  'item_departments',
  'item_cooperating_departments',
  'item_history',
  'settings',
] as const;

const WRITE_TIMES = new Set(['created_at', 'at']);

export interface TableDifference {
  table: string;
  rows: [number, number];
  /** Rows of one database that the other lacks, each way. */
  onlyIn: [number, number];
}

/** The tables that differ (empty: same rows), and the row counts of every table. */
export function compareLedgerDatabases(
  a: string,
  b: string,
): { differences: TableDifference[]; counts: Record<string, number> } {
  const sqlite = new Database(a, { readonly: true });
  try {
    sqlite.prepare('ATTACH DATABASE ? AS other').run(b);
    const differences: TableDifference[] = [];
    const counts: Record<string, number> = {};
    for (const table of IMPORTED_TABLES) {
      const columns = (sqlite.pragma(`table_info(${table})`) as { name: string }[])
        .map((c) => c.name)
        .filter((c) => !WRITE_TIMES.has(c))
        .map((c) => `"${c}"`)
        .join(', ');
      const count = (sql: string) => (sqlite.prepare(sql).pluck().get() as number) ?? 0;
      const rows: [number, number] = [
        count(`SELECT count(*) FROM main.${table}`),
        count(`SELECT count(*) FROM other.${table}`),
      ];
      const onlyIn: [number, number] = [
        count(
          `SELECT count(*) FROM (SELECT ${columns} FROM main.${table} EXCEPT SELECT ${columns} FROM other.${table})`,
        ),
        count(
          `SELECT count(*) FROM (SELECT ${columns} FROM other.${table} EXCEPT SELECT ${columns} FROM main.${table})`,
        ),
      ];
      counts[table] = rows[0];
      if (rows[0] !== rows[1] || onlyIn[0] > 0 || onlyIn[1] > 0) differences.push({ table, rows, onlyIn });
    }
    return { differences, counts };
  } finally {
    sqlite.close();
  }
}
