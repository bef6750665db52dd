import { describe, expect, it } from 'vitest';
import { NOTE_MAX, noteLength, noteTooLong } from '../../src/domain/notes.ts';

describe('the note limit', () => {
  it('counts code points: an emoji, a CJK or Hebrew letter is one character', () => {
    expect(noteLength('🚀中ע')).toBe(3);
    expect(noteTooLong('🚀'.repeat(NOTE_MAX))).toBe(false);
    expect(noteTooLong(`${'中'.repeat(NOTE_MAX)}🚀`)).toBe(true);
    expect(noteTooLong(undefined)).toBe(false);
  });
});
