// Every transaction that reads and then writes takes the write lock at BEGIN (IMMEDIATE). A
// deferred transaction that has read under a snapshot cannot wait for the lock when it comes to
// write: SQLite fails it at once with SQLITE_BUSY whenever another process (a CLI import) is
// writing, however long busy_timeout is. With IMMEDIATE the wait happens at BEGIN, where
// busy_timeout (and `retryWhileBusy`) apply. test/db/writeTransaction.test.ts keeps it so.
import type { Db } from './client.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function writeTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  return db.transaction(work, { behavior: 'immediate' });
}
