// The office's groups, departments, aliases and status words, as a ledger file is read against.
import type { Db } from '../db/client.ts';
import type { Domain, Status } from '../domain/types.ts';
import type { KnownDepartment, LedgerContext } from '../ledger/ledgerContext.ts';
import { normalizeStatusWordKey } from '../ledger/words/statusText.ts';
import { STATUS_WORDS_KEY } from './org.ts';

export function loadLedgerContext(db: Db): LedgerContext {
  const sqlite = db.$client;
  const groups = sqlite.prepare('SELECT code, name, domain FROM groups ORDER BY id').all() as {
    code: string;
    name: string;
    domain: Domain | null;
  }[];
  const departments = new Map<string, KnownDepartment>();
  const rows = sqlite
    .prepare(
      'SELECT d.name, (SELECT count(*) FROM department_members m WHERE m.department_id = d.id) AS members FROM departments d',
    )
    .all() as { name: string; members: number }[];
  for (const row of rows) departments.set(row.name, { members: row.members });
  const aliases = new Map<string, string>();
  const aliasRows = sqlite
    .prepare('SELECT a.alias, d.name FROM department_aliases a JOIN departments d ON d.id = a.department_id')
    .raw()
    .all() as [string, string][];
  for (const [alias, name] of aliasRows) aliases.set(alias, name);
  const statusWords = new Map<string, Status>();
  const stored = sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(STATUS_WORDS_KEY) as
    | string
    | undefined;
  for (const [word, status] of Object.entries(stored ? (JSON.parse(stored) as Record<string, Status>) : {})) {
    statusWords.set(normalizeStatusWordKey(word), status);
  }
  return { groups, departments, aliases, statusWords };
}
