// Multi-row INSERT: one statement per BATCH_ROWS rows. better-sqlite3 crosses from JS into
// SQLite once per statement; at 1,000,000 rows (a 250,000-item import writes items, their
// departments and history) that crossing costs about a third of the insert time.
import type Database from 'better-sqlite3';

const BATCH_ROWS = 100;

export class BatchInsert {
  private values: unknown[] = [];
  private rows = 0;
  private readonly statements = new Map<number, Database.Statement>();

  /**
   * @param head `INSERT INTO t (a, b) VALUES`
   * @param tuple `(?, ?)`, the placeholders of one row (constants allowed)
   * @param dependsOn inserters whose rows these rows reference: flushed first, so foreign keys hold
   */
  constructor(
    private readonly sqlite: Database.Database,
    private readonly head: string,
    private readonly tuple: string,
    private readonly dependsOn: readonly BatchInsert[] = [],
  ) {}

  add(...row: unknown[]): void {
    for (const value of row) this.values.push(value);
    this.rows += 1;
    if (this.rows === BATCH_ROWS) this.flush();
  }

  flush(): void {
    if (this.rows === 0) return;
    for (const other of this.dependsOn) other.flush();
    let statement = this.statements.get(this.rows);
    if (!statement) {
      statement = this.sqlite.prepare(`${this.head} ${Array(this.rows).fill(this.tuple).join(', ')}`);
      this.statements.set(this.rows, statement);
    }
    statement.run(this.values);
    this.values = [];
    this.rows = 0;
  }
}
