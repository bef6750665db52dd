// The burn-up as an echarts option (README "Progress chart"): items done at the end of each week
// against all items, the forecast at the pace of the last four weeks (dashed), the pace needed to
// finish by the office's target date (dotted) and that date. Pure: figures in, option out.
//
// Dates go on a time axis as UTC midnights with useUTC, and every label is written here
// (YYYY-MM-DD), so the picture depends neither on the server's time zone nor on echarts' own
// month names, and needs no character beyond the bundled font's (src/chart/chartText.ts).

import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkLineComponentOption,
  TitleComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { addDays, daysBetween, toEpochDay } from '../domain/dates.ts';
import type { BurnUpPoint, Forecast } from '../domain/forecast.ts';
import type { IsoDate } from '../domain/types.ts';
import type { Translate } from '../i18n/index.ts';
import { CHART_FONT_FAMILY } from './chartFont.ts';

export type BurnUpChartOption = ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | MarkLineComponentOption
>;

const DAY_MS = 86_400_000;
/** The forecast is drawn at most this far ahead; a date beyond it is cut at the axis' end. */
const MAX_DAYS_AHEAD = 365;
const MIN_DAYS_AHEAD = 28;

const at = (day: IsoDate) => toEpochDay(day) * DAY_MS;
const dayLabel = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const COLORS = { done: '#2e7d32', total: '#546e7a', forecast: '#ef6c00', needed: '#b71c1c' };

/** The point `days` after asOf on the line from (asOf, from) rising `perWeek` a week, capped at `total`. */
function along(asOf: IsoDate, from: number, perWeek: number, days: number, total: number): [number, number] {
  return [at(addDays(asOf, days)), Math.min(total, from + (perWeek * days) / 7)];
}

export function burnUpOption(t: Translate, points: readonly BurnUpPoint[], f: Forecast): BurnUpChartOption {
  const start = points[0]?.day ?? f.asOf;
  const projected = f.projection.kind === 'on' ? daysBetween(f.asOf, f.projection.finishOn) : 0;
  const toTarget = daysBetween(f.asOf, f.targetOn);
  const ahead = Math.min(MAX_DAYS_AHEAD, Math.max(MIN_DAYS_AHEAD, projected, toTarget));
  const end = addDays(f.asOf, ahead);
  const line = (name: string, color: string, data: [number, number][], type: 'solid' | 'dashed' | 'dotted') =>
    ({
      type: 'line',
      name,
      data,
      symbol: 'none',
      lineStyle: { color, width: 2.5, type },
      itemStyle: { color },
    }) satisfies LineSeriesOption;
  const series: LineSeriesOption[] = [
    {
      ...line(
        t('chart.done'),
        COLORS.done,
        points.map((p) => [at(p.day), p.done]),
        'solid',
      ),
      areaStyle: { color: COLORS.done, opacity: 0.12 },
    },
    line(
      t('chart.total'),
      COLORS.total,
      [...points.map((p): [number, number] => [at(p.day), p.total]), [at(end), f.total]],
      'solid',
    ),
  ];
  if (f.projection.kind === 'on')
    series.push(
      line(
        t('chart.forecast'),
        COLORS.forecast,
        [[at(f.asOf), f.done], along(f.asOf, f.done, f.pace, Math.min(projected, ahead), f.total)],
        'dashed',
      ),
    );
  if (f.needed.kind === 'perWeek') {
    series.push({
      ...line(
        t('chart.needed'),
        COLORS.needed,
        [[at(f.asOf), f.done], along(f.asOf, f.done, f.needed.perWeek, Math.min(toTarget, ahead), f.total)],
        'dotted',
      ),
      ...(toTarget <= ahead
        ? {
            markLine: {
              symbol: 'none',
              silent: true,
              lineStyle: { color: COLORS.needed, type: 'dashed', width: 1 },
              label: { formatter: `${t('chart.target')} ${f.targetOn}`, position: 'end' },
              data: [{ xAxis: at(f.targetOn) }],
            },
          }
        : {}),
    });
  }
  return {
    animation: false,
    useUTC: true,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: CHART_FONT_FAMILY },
    title: {
      text: t('chart.title'),
      subtext: t('chart.subtitle', { asOf: f.asOf }),
      left: 24,
      top: 12,
      textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 22 },
      subtextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14 },
    },
    legend: { top: 20, right: 24, textStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 14 } },
    grid: { left: 72, right: 40, top: 96, bottom: 48 },
    xAxis: {
      type: 'time',
      min: at(start),
      max: at(end),
      axisLabel: { formatter: (value: number) => dayLabel(value), hideOverlap: true, fontSize: 12 },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      name: t('chart.items'),
      nameTextStyle: { fontFamily: CHART_FONT_FAMILY, fontSize: 13 },
      axisLabel: { fontSize: 12 },
    },
    series,
  };
}
