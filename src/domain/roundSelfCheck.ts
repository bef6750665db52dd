// The self-check of a supervision round (督察评估, docs/PRACTICE.md rule 6): how the item
// corrections people type are read (who may fill it: permissions.ts mayFillRound), and when a confirmed status also changes the live item.
// Pure: the caller loads people, items and statuses.

import { parseStatusWord } from './statusWords.ts';
import type { Status } from './types.ts';

export interface CorrectionProblem {
  /** 1-based line number in what the person typed. */
  line: number;
  text: string;
  reason: 'format' | 'unknownItem' | 'unknownStatus' | 'conflict';
}

export type CorrectionsResult =
  | { ok: true; changes: Map<string, Status> }
  | { ok: false; problems: CorrectionProblem[] };

// `code=status`, with the full-width ＝ and colons Chinese input methods produce.
const LINE = /^(.+?)\s*[=＝:：]\s*(.+)$/;

/**
 * Reads `itemCode=status` lines (one item per line, status in English or Chinese, blank lines
 * ignored). Item codes match case-insensitively against `itemCodes`; the result is keyed by the
 * code as the ledger spells it. The same item twice with the same status is accepted; with two
 * different statuses it is a conflict, since we could only guess which one was meant.
 */
export function parseCorrections(text: string, itemCodes: Iterable<string>): CorrectionsResult {
  const byLower = new Map<string, string>();
  for (const code of itemCodes) byLower.set(code.toLowerCase(), code);
  const changes = new Map<string, Status>();
  const problems: CorrectionProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '') return;
    const at = { line: index + 1, text: line };
    const match = LINE.exec(line);
    if (!match) {
      problems.push({ ...at, reason: 'format' });
      return;
    }
    const code = byLower.get((match[1] as string).trim().replace(/^`|`$/g, '').toLowerCase());
    if (code === undefined) {
      problems.push({ ...at, reason: 'unknownItem' });
      return;
    }
    // "not started" as people write it; parseStatusWord knows not_started.
    const status = parseStatusWord((match[2] as string).trim().replace(/\s+/g, '_'));
    if (status === undefined) {
      problems.push({ ...at, reason: 'unknownStatus' });
      return;
    }
    const earlier = changes.get(code);
    if (earlier !== undefined && earlier !== status) {
      problems.push({ ...at, reason: 'conflict' });
      return;
    }
    changes.set(code, status);
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

export type LiveChange = 'none' | 'apply' | 'keepNewer';

/**
 * Whether a confirmed round status should also change the live item.
 *
 * The round records statuses as of its date; the live ledger moves on. A person who leaves
 * the round's status as it was is confirming the past, not asking to rewind the ledger, so
 * nothing happens to the live item. A person who corrects the round's status is saying the
 * ledger was wrong: the correction is applied to the live item (through changeItem, so the
 * history records it) when the live item still shows the value that was corrected. When the
 * live item has changed since the snapshot, that change is newer information than the
 * round's and is kept.
 */
export function liveChangeFor(roundStatus: Status, confirmed: Status, live: Status): LiveChange {
  if (confirmed === roundStatus || confirmed === live) return 'none';
  return live === roundStatus ? 'apply' : 'keepNewer';
}
