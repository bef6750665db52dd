// Cutting text to Slack's limits must never leave something broken behind: not half a surrogate
// pair (an emoji, a flag, a rare CJK character), not half an entity (`&am…` of an escaped `&`),
// and never more than the limit. Checked over every cut position of hostile strings, for
// escapeClip (escape, then cut) and for truncate applied to already-escaped text (what
// section() and context() do with the mrkdwn builders give them).
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate } from '../../src/blocks/mrkdwn.ts';
import { section } from '../../src/blocks/parts/blocks.ts';
import { escapeClip } from '../../src/blocks/parts/text.ts';
import { brokenEntities, codePoints, loneSurrogates } from '../support/slackLimits.ts';

const SAMPLES = [
  '&&&&&&&&&&',
  '<!channel><!here><@U0ADMIN>',
  'a&b<c>d&amp;e',
  '👨‍👩‍👧‍👦🇨🇳🇺🇸𠮷改革&<>',
  '𠮷'.repeat(12),
  '督察 & 评估 <https://evil.example|click> 🏳️‍🌈',
];

/** Every cut of every sample, 1 … length + 1 code points. */
const cuts = SAMPLES.flatMap((text) =>
  Array.from({ length: codePoints(escapeMrkdwn(text)) + 1 }, (_, i) => [text, i + 1] as const),
);

describe('escapeClip (escape, then cut)', () => {
  it.each(SAMPLES)('never exceeds the limit, splits no surrogate pair or entity, leaves no raw markup: %s', (text) => {
    for (const [sample, max] of cuts.filter(([s]) => s === text)) {
      const out = escapeClip(sample, max);
      expect(codePoints(out)).toBeLessThanOrEqual(max);
      expect(loneSurrogates(out)).toEqual([]);
      expect(brokenEntities(out)).toEqual([]);
      expect(out).not.toMatch(/[<>]/);
    }
  });

  it('keeps short text whole', () => {
    expect(escapeClip('<!here> & 👨‍👩‍👧', 100)).toBe('&lt;!here&gt; &amp; 👨‍👩‍👧');
  });
});

describe('truncate of escaped text (section and context blocks)', () => {
  it.each(SAMPLES)('never exceeds the limit, splits no surrogate pair or entity: %s', (text) => {
    const escaped = escapeMrkdwn(text);
    for (const [, max] of cuts.filter(([s]) => s === text)) {
      const out = truncate(escaped, max);
      expect(codePoints(out)).toBeLessThanOrEqual(max);
      expect(loneSurrogates(out)).toEqual([]);
      expect(brokenEntities(out)).toEqual([]);
    }
  });

  it('a section cut at 3000 drops a half entity whole', () => {
    const text = (section(`${'x'.repeat(2997)}${escapeMrkdwn('&&&')}`) as { text: { text: string } }).text.text;
    expect(text.slice(-6)).toBe('xxxxx…'); // `&a` of `&amp;` dropped, not shown as "&a…"
    expect(codePoints(text)).toBe(2998);
  });

  it('cuts plain text that merely contains "&am" as before', () => {
    expect(truncate('AT&amber', 5)).toBe('AT&a…');
  });
});
