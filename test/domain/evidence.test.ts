import { describe, expect, it } from 'vitest';
import { missingEvidence } from '../../src/domain/evidence.ts';

describe('missingEvidence (done needs a note or a file)', () => {
  it('refuses marking done without a note or a file, or with only blanks', () => {
    expect(missingEvidence({ from: 'started', to: 'done' })).toBe(true);
    expect(missingEvidence({ from: 'not_started', to: 'done', note: '  \n ' })).toBe(true);
    expect(missingEvidence({ from: 'not_started', to: 'done', note: '  ', fileCount: 0 })).toBe(true);
    expect(missingEvidence({ from: 'started', to: 'done', note: '已印发实施细则' })).toBe(false);
  });
  it('takes one evidence file instead of a note', () => {
    expect(missingEvidence({ from: 'started', to: 'done', fileCount: 1 })).toBe(false);
    expect(missingEvidence({ from: 'not_started', to: 'done', note: ' ', fileCount: 2 })).toBe(false);
  });
  it('asks nothing for other statuses, nor for an item already done', () => {
    expect(missingEvidence({ from: 'not_started', to: 'started' })).toBe(false);
    expect(missingEvidence({ from: 'done', to: 'not_started' })).toBe(false);
    expect(missingEvidence({ from: 'done', to: 'done' })).toBe(false);
  });
});
