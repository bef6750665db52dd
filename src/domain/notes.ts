// The one limit on an item's evidence note, whatever path it comes by (the update form, a
// one-line `/reform update`, a queued change, the store itself). Slack's plain_text_input keeps
// at most 3,000 characters, so the form can never send more; the command must not keep more
// either, or a note typed in one place could not be edited in the other.

/** Characters (code points) an evidence note may have. */
export const NOTE_MAX = 3000;

/**
 * A note's length in code points: an emoji or a CJK character counts once, as people count
 * them. Never more than Slack's own count, so a note the form accepts is never refused here.
 */
export function noteLength(note: string): number {
  return Array.from(note).length;
}

export function noteTooLong(note: string | undefined | null): boolean {
  return note != null && noteLength(note) > NOTE_MAX;
}

/** A note over NOTE_MAX reached the store: a caller skipped its check. Nothing is saved. */
export class NoteTooLongError extends Error {
  constructor(readonly length: number) {
    super(`note has ${length} characters; at most ${NOTE_MAX} are kept`);
    this.name = 'NoteTooLongError';
  }
}
