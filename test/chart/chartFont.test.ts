// The chart's Chinese labels render on a server with no CJK font: the bundled subset covers every
// character the chart draws (its catalogue strings in both languages, dates and numbers), and the
// picture is drawn from that file alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { chartFontFile } from '../../src/chart/chartFont.ts';
import { chartCharacters } from '../../src/chart/chartText.ts';
import { burnUpPng } from '../../src/chart/renderBurnUp.ts';
import { burnUpSeries, forecastOf, type HistoryDay } from '../../src/domain/forecast.ts';
import { translator } from '../../src/i18n/index.ts';
import { fontCodePoints } from '../support/fontCmap.ts';

const committedChars = readFileSync(
  fileURLToPath(new URL('../../assets/fonts/chart-chars.txt', import.meta.url)),
  'utf8',
).replace(/\n$/, '');

describe('the chart font subset', () => {
  it('is made for exactly the characters the chart strings use (rebuild with npm run chart-font)', () => {
    expect(committedChars).toBe(chartCharacters());
  });

  it('has a glyph for every one of them, Chinese included', () => {
    const covered = fontCodePoints(readFileSync(chartFontFile()));
    const missing = [...chartCharacters()].filter((c) => !covered.has(c.codePointAt(0) as number));
    expect(missing).toEqual([]);
    for (const c of '完成进度燃起图已事项总数预测近四周目标日期截至')
      expect(covered.has(c.codePointAt(0) as number)).toBe(true);
    // a subset: nothing much beyond them
    expect(covered.size).toBeLessThan(chartCharacters().length + 10);
  });

  it('draws the Chinese title: the title area has ink in both languages', () => {
    const days: HistoryDay[] = [{ day: '2026-10-05', becameDone: 0, leftDone: 0 }];
    const points = burnUpSeries(days, { done: 30, total: 100 }, '2026-11-30');
    const f = forecastOf(days, { done: 30, total: 100 }, '2026-11-30', '2027-06-30');
    for (const locale of ['zh-CN', 'en'] as const) {
      const png = PNG.sync.read(burnUpPng(translator(locale), points, f));
      // the title's box, top left (CSS 24..300 × 12..48, drawn at twice the size)
      let ink = 0;
      for (let y = 24; y < 96; y++)
        for (let x = 48; x < 600; x++) {
          const i = (y * png.width + x) * 4;
          if ((png.data[i] as number) < 128) ink += 1;
        }
      expect(ink, locale).toBeGreaterThan(1500);
    }
  });
});
