// Deadlines (完成时限) as offices write them. The reading is the LAST day of the period the
// text names (2016年6月 → 2016-06-30, 2016年三季度 → 2016-09-30), or `open` for the words that
// say an item has no deadline (长期坚持), or `bad`.
//
// Empty text is `bad`, not `open`: an empty cell is a missing answer, and only the caller
// knows whether the column allows one (see columns.ts: an empty due_on cell is allowed and
// means no deadline). Check for an empty cell before calling this.
import type { IsoDate } from '../../domain/types.ts';
import { parseDateText } from '../parseDate.ts';
import { squeeze, toHalfWidth } from './normalize.ts';
import { lastDayOfPeriod } from './periodEnd.ts';

export type DueReading = { kind: 'date'; date: IsoDate } | { kind: 'open' } | { kind: 'bad' };

/** The words read as "no deadline", in the spelling a message should show. */
export const OPEN_DUE_WORDS: readonly string[] = [
  '长期坚持',
  '长期推进',
  '长期实施',
  '长期',
  '持续推进',
  '持续',
  '常态化',
];

const OPEN_KEYS = new Set(OPEN_DUE_WORDS.map(squeeze));
// 6月底前 ("before the end of June") is the same deadline as 6月底: 前 only says the item may
// finish early. (前) is how some offices add it after the fact.
const BEFORE = /(?:\(前\)|以前|之前|前)$/;
const OPEN: DueReading = { kind: 'open' };
const BAD: DueReading = { kind: 'bad' };

export function readDueText(text: string): DueReading {
  // A CSV saved by Excel writes `2016/6/30 0:00`; the space there separates the time, so that
  // form is read before spaces are squeezed out (which would make it 2016/6/300:00).
  const spaced = parseDateText(toHalfWidth(text).trim());
  if (spaced !== undefined) return { kind: 'date', date: spaced };

  const compact = squeeze(text);
  if (compact === '') return BAD;
  if (OPEN_KEYS.has(compact)) return OPEN;
  const date = lastDayOfPeriod(compact.replace(BEFORE, ''));
  return date === undefined ? BAD : { kind: 'date', date };
}
