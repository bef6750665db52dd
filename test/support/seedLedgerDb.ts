// A fresh database (in memory unless a file is named) holding the seed ledger, plus a few
// people: the office, and for each group a leader and a liaison (G1 has two liaisons).
import { type Db, openDatabase } from '../../src/db/client.ts';
import { admins, groupMembers } from '../../src/db/schema.ts';
import { generateSeedLedger, type SeedLedgerRow } from '../fixtures/seedLedger.ts';
import { type LoadedLedger, loadLedgerForTest } from './loadLedger.ts';

export const ADMIN = 'UADMIN';
export const liaisonOf = (group: string) => `ULIAISON${group}`;
const leaderOf = (group: string) => `ULEADER${group}`;
export const SECOND_G1_LIAISON = 'ULIAISONG1B';

/** In memory unless `path` names a file (for tests that run the CLI against it). */
export function seedDb(
  rows: readonly SeedLedgerRow[] = generateSeedLedger(),
  path = ':memory:',
): { db: Db; ledger: LoadedLedger } {
  const db = openDatabase(path);
  const ledger = loadLedgerForTest(db, rows);
  db.insert(admins).values({ userId: ADMIN }).run();
  for (const [code, groupId] of ledger.groupIds) {
    db.insert(groupMembers)
      .values({ groupId, userId: leaderOf(code), role: 'leader' })
      .run();
    db.insert(groupMembers)
      .values({ groupId, userId: liaisonOf(code), role: 'liaison' })
      .run();
  }
  db.insert(groupMembers)
    .values({ groupId: ledger.groupIds.get('G1') as number, userId: SECOND_G1_LIAISON, role: 'liaison' })
    .run();
  return { db, ledger };
}
