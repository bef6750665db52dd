// Keeps the streaming export's memory bounded. exceljs's WorkbookWriter hands each sheet to the
// zip (archiver) as a stream of its own and forwards what a sheet writes without waiting, and the
// zip takes the sheets one after another. A loop writing flat out (10,000 plan sheets, then
// 250,000 ledger rows) never lets the zip run, so every sheet's XML waits in memory until the
// end: 1.4 GB for 250,000 items. The pacer waits while the zip is more than a few sheets behind,
// and while the current sheet's unzipped XML passes a few megabytes; and it lets go of each
// finished sheet's zip input, which exceljs would keep (16 KB a sheet) until the workbook is done.
import type { EventEmitter } from 'node:events';
import { once } from 'node:events';

/** Sheets the zip may be behind before the writer waits for it. */
const MAX_SHEETS_BEHIND = 8;
/** Unzipped XML of the current sheet the writer may be ahead by. */
const MAX_PENDING_BYTES = 4 * 1024 * 1024;

/** Archiver's report each time it has put one entry into the zip. */
interface ZipProgress {
  entries: { total: number; processed: number };
}

/** A PassThrough of any make (archiver uses readable-stream 2): buffered length, 'drain', end. */
interface ZipInput extends EventEmitter {
  _writableState: { length: number };
  _readableState?: { endEmitted?: boolean };
}

/**
 * Where a streaming sheet's XML waits for the zip, as exceljs 4.4 and archiver 5 wire it: the
 * sheet's stream forwards each block to the zip's input (a readable-stream PassThrough, listed in
 * its `pipes`) without waiting. Undefined should either change shape; the pacer then falls back
 * to waiting for whole sheets only, as safe as before, only hungrier.
 */
function zipInputOf(sheet: unknown): ZipInput | undefined {
  const pipes = (sheet as { stream?: { pipes?: unknown } }).stream?.pipes;
  const input = (Array.isArray(pipes) ? pipes[0] : undefined) as Partial<ZipInput> | undefined;
  return typeof input?._writableState?.length === 'number' && typeof input.once === 'function'
    ? (input as ZipInput)
    : undefined;
}

/** Waits for `input` to drain, or fails with the zip's error (a failed zip never drains it). */
async function drained(input: ZipInput, zip: EventEmitter): Promise<void> {
  const stop = new AbortController();
  const waits = [
    once(input, 'drain', { signal: stop.signal }),
    once(zip, 'error', { signal: stop.signal }).then(([error]) => Promise.reject(error)),
  ];
  try {
    await Promise.race(waits);
  } finally {
    stop.abort();
    for (const wait of waits) wait.catch(() => {}); // the loser rejects with AbortError
  }
}

/** Lets go of a finished sheet's zip input once the zip has read all of it; true when done with. */
function released(sheet: unknown): boolean {
  const input = zipInputOf(sheet);
  if (!input) return true; // nothing known to let go of
  if (input._readableState?.endEmitted !== true) return false;
  (sheet as { stream: { pipes: unknown[] } }).stream.pipes = [];
  return true;
}

export interface ZipPacer {
  /**
   * To await after each sheet and every thousand rows or so; given the sheet being written, it
   * also waits for the zip to take in most of what that sheet has written.
   */
  pace(sheet?: unknown): Promise<void>;
  /** Tells the pacer a sheet is committed, so its zip input can be let go of once read. */
  finished(sheet: unknown): void;
}

export function zipPacer(zip: EventEmitter): ZipPacer {
  let behind = 0;
  zip.on('progress', (progress: ZipProgress) => {
    behind = progress.entries.total - progress.entries.processed;
  });
  let unreleased: unknown[] = [];
  return {
    finished(sheet) {
      unreleased.push(sheet);
    },
    async pace(sheet) {
      // One turn of the event loop lets the zip read what has been written so far.
      await new Promise((resolve) => setImmediate(resolve));
      while (behind > MAX_SHEETS_BEHIND) await once(zip, 'progress');
      const input = sheet === undefined ? undefined : zipInputOf(sheet);
      while (input && input._writableState.length > MAX_PENDING_BYTES) await drained(input, zip);
      unreleased = unreleased.filter((finished) => !released(finished));
    },
  };
}
