// What the office has told reform-bot that a ledger file does not say: its special groups (to
// read section rows and give plans a group and default domain), its departments and their
// other names, and the status words it invented. Loaded from the database (the org file) before
// the file is read; the reading itself stays pure.
import type { Status } from '../domain/types.ts';
import type { GroupRef } from './words/sectionMatch.ts';

export interface KnownDepartment {
  members: number;
}

export interface LedgerContext {
  groups: readonly GroupRef[];
  /** Departments the database knows, by name. */
  departments: ReadonlyMap<string, KnownDepartment>;
  /** Another name → the department's own name. */
  aliases: ReadonlyMap<string, string>;
  /** The org file's `status_words`, keyed by normalizeStatusWordKey. */
  statusWords: ReadonlyMap<string, Status>;
}

export const EMPTY_CONTEXT: LedgerContext = {
  groups: [],
  departments: new Map(),
  aliases: new Map(),
  statusWords: new Map(),
};
