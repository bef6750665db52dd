// What the ledger import is asked to do and what it reports: shared by the import and its
// preparation step (ledgerImportPrepare.ts) without either importing the other.
import type { ItemChange, ItemConflict } from './ledgerItems.ts';

export interface LedgerImportOptions {
  /** The file's path or name; history rows say `import:<basename>`. */
  file: string;
  now: Date;
  /** Run everything, report what would change, then roll back. */
  dryRun?: boolean;
  /** Take the file's values even where the item changed outside the file since. */
  overwrite?: boolean;
  /** Called now and then while items are written. */
  onProgress?: (done: number, total: number) => void;
  /**
   * How many new items `newItems` lists (all by default). A terminal shows a few; building
   * 250,000 entries it will not print costs memory at the import's peak.
   */
  newItemsListed?: number;
  /** Told how long the write lock was held (BEGIN IMMEDIATE taken to COMMIT done), wall and CPU. */
  onWriteLock?: (held: { wallMs: number; cpuMs: number }) => void;
  /** Called between reading the snapshot and taking the write lock (tests: a change in between). */
  beforeWriteLock?: () => void;
}

export interface LedgerImportSummary {
  dryRun: boolean;
  plans: { created: string[]; updated: string[]; unchanged: number };
  /** Plans known by title: the code each was given (new) or kept (known). */
  planCodes: { code: string; title: string; created: boolean }[];
  /** `updated` lists `plan#item`. */
  items: { created: number; updated: string[]; unchanged: number; statusChanges: number };
  /** The first `newItemsListed` new items; `items.created` counts them all. */
  newItems: { key: string; title: string }[];
  changes: ItemChange[];
  conflicts: ItemConflict[];
  historyRows: number;
  newGroups: string[];
  newDepartments: string[];
  /** `plan#item` of items of the imported plans that the file does not list; they are kept. */
  missingItems: string[];
}
