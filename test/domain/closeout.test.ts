import { describe, expect, it } from 'vitest';
import { closeoutFingerprint, isClosable } from '../../src/domain/closeout.ts';

describe('isClosable', () => {
  it('needs at least one item, all done, and a plan not yet closed', () => {
    expect(isClosable({ stage: 'issued', items: 12, done: 12 })).toBe(true);
    expect(isClosable({ stage: 'approved', items: 1, done: 1 })).toBe(true);
    expect(isClosable({ stage: 'issued', items: 12, done: 11 })).toBe(false);
    expect(isClosable({ stage: 'issued', items: 0, done: 0 })).toBe(false);
    expect(isClosable({ stage: 'closed', items: 12, done: 12 })).toBe(false);
  });
});

describe('closeoutFingerprint', () => {
  const items = [
    { id: 3, status: 'done' as const },
    { id: 1, status: 'done' as const },
    { id: 2, status: 'done' as const },
  ];

  it('is a sha256 string', () => {
    expect(closeoutFingerprint(items)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ignores the order items arrive in', () => {
    expect(closeoutFingerprint([...items].reverse())).toBe(closeoutFingerprint(items));
  });

  it('treats numeric and string ids alike', () => {
    const asStrings = items.map((i) => ({ ...i, id: String(i.id) }));
    expect(closeoutFingerprint(asStrings)).toBe(closeoutFingerprint(items));
  });

  it('changes when a status changes, an item is added or removed', () => {
    const base = closeoutFingerprint(items);
    expect(closeoutFingerprint([...items.slice(1), { id: 3, status: 'started' }])).not.toBe(base);
    expect(closeoutFingerprint([...items, { id: 4, status: 'done' }])).not.toBe(base);
    expect(closeoutFingerprint(items.slice(1))).not.toBe(base);
  });

  it('cannot be confused by ids containing separators', () => {
    const a = closeoutFingerprint([{ id: 'a","done"],["b', status: 'done' }]);
    const b = closeoutFingerprint([
      { id: 'a', status: 'done' },
      { id: 'b', status: 'done' },
    ]);
    expect(a).not.toBe(b);
  });

  it('refuses duplicate ids', () => {
    expect(() => closeoutFingerprint([...items, { id: '1', status: 'done' }])).toThrow(/duplicate/);
  });

  it('is stable for an empty list', () => {
    expect(closeoutFingerprint([])).toBe(closeoutFingerprint([]));
  });
});
