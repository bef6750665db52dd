// Every text the progress chart draws (README "Progress chart"): its catalogue strings in both
// languages, dates and numbers. The bundled font is cut down to exactly these characters
// (assets/fonts/buildChartFont.ts), so a server without any CJK font draws the Chinese labels.
import { LOCALES } from '../domain/types.ts';
import { type MessageKey, translator } from '../i18n/index.ts';

/** The catalogue keys drawn into the picture (src/i18n/catalog/ranking.ts, `chart.*`). */
const CHART_KEYS = [
  'chart.title',
  'chart.subtitle',
  'chart.done',
  'chart.total',
  'chart.forecast',
  'chart.needed',
  'chart.target',
  'chart.items',
] as const satisfies readonly MessageKey[];

/** Printable ASCII: digits, dates (2026-11-30), numbers (250,000), the English labels. */
const ASCII = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i)).join('');

/** The characters the chart may draw, sorted and unique. */
export function chartCharacters(): string {
  let text = ASCII;
  for (const locale of LOCALES) {
    const t = translator(locale);
    for (const key of CHART_KEYS) text += key === 'chart.subtitle' ? t(key, { asOf: '0123456789-' }) : t(key);
  }
  return [...new Set(text)].sort().join('');
}
