import { describe, expect, it } from 'vitest';
import {
  actorText,
  formatInstant,
  itemLine,
  lightLabel,
  progressBar,
  statusLabel,
} from '../../../src/blocks/parts/index.ts';
import { translator } from '../../../src/i18n/index.ts';

describe('shared UI fragments', () => {
  const en = translator('en');
  const zh = translator('zh-CN');

  it('labels statuses and lights with one emoji each, in both languages', () => {
    expect(statusLabel(en, 'done')).toBe('✅ done');
    expect(statusLabel(zh, 'started')).toBe('🔄 已启动未完成');
    expect(statusLabel(zh, 'not_started')).toBe('⬜ 未启动');
    expect(lightLabel(en, 'red')).toBe('🔴 overdue');
    expect(lightLabel(zh, 'yellow')).toBe('🟡 即将到期');
  });

  it('writes an item line with escaped, shortened ledger text', () => {
    const item = {
      planCode: 'P1',
      itemCode: '3',
      title: '<!channel> & 改革',
      dueOn: '2016-06-30',
      status: 'started',
      light: 'red',
    } as const;
    expect(itemLine(en, item)).toBe('🔴 *P1#3* &lt;!channel&gt; &amp; 改革 — due 2016-06-30 — 🔄 started');
    expect(itemLine(zh, { ...item, dueOn: null, light: 'green', status: 'done' })).toBe(
      '🟢 *P1#3* &lt;!channel&gt; &amp; 改革 — 无截止日期 — ✅ 已完成',
    );
    const long = itemLine(zh, { ...item, title: '改'.repeat(200) }, 80);
    expect(long).toContain(`${'改'.repeat(79)}…`);
    expect(long).not.toContain('改'.repeat(80));
  });

  it('draws a progress bar full only when everything is done', () => {
    expect(progressBar(461, 717)).toBe('▓▓▓▓▓▓░░░░ 64.3%');
    expect(progressBar(716, 717)).toBe('▓▓▓▓▓▓▓▓▓░ 99.9%');
    expect(progressBar(5, 5)).toBe('▓▓▓▓▓▓▓▓▓▓ 100.0%');
    expect(progressBar(0, 0)).toBe('░░░░░░░░░░ 0.0%');
  });

  it('mentions Slack users and escapes other actors; times in the office zone', () => {
    expect(actorText('U0123ABC')).toBe('<@U0123ABC>');
    expect(actorText('import <x>')).toBe('import &lt;x&gt;');
    expect(formatInstant('2016-06-30T16:05:00.000Z', 'Asia/Shanghai')).toBe('2016-07-01 00:05');
  });
});

describe('escapeClip and packLines', async () => {
  const { escapeClip, packLines } = await import('../../../src/blocks/parts/index.ts');
  it('bounds the escaped length, never cutting an entity', () => {
    expect(escapeClip('a<b', 10)).toBe('a&lt;b');
    const clipped = escapeClip('&'.repeat(100), 20);
    expect(Array.from(clipped).length).toBeLessThanOrEqual(20);
    expect(clipped).toBe(`${'&amp;'.repeat(3)}…`);
    expect(escapeClip('改'.repeat(200), 80)).toBe(`${'改'.repeat(79)}…`);
  });
  it('packs lines into sections under the limit', () => {
    const blocks = packLines(Array.from({ length: 100 }, () => '改'.repeat(100)));
    expect(blocks.length).toBe(4);
    for (const b of blocks) expect((b as { text: { text: string } }).text.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('plain (the one plain_text builder)', () => {
  it('clips to an option text (75) unless told the field, counting characters not UTF-16 units', async () => {
    const { plain, PLAIN_TEXT_MAX } = await import('../../../src/blocks/parts/index.ts');
    const long = '改革'.repeat(50) + '😀'.repeat(10);
    expect(Array.from(plain(long).text)).toHaveLength(PLAIN_TEXT_MAX.option);
    expect(plain(long).text.endsWith('…')).toBe(true);
    expect(plain(long, PLAIN_TEXT_MAX.label).text).toBe(long);
    expect(plain('Supervision self-check!!', PLAIN_TEXT_MAX.title)).toEqual({
      type: 'plain_text',
      text: 'Supervision self-check!!',
      emoji: true,
    });
    expect(Array.from(plain('Supervision self-check, year end', PLAIN_TEXT_MAX.title).text)).toHaveLength(24);
  });
});
