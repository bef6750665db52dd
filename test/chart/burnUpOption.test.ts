// The burn-up's picture as data: the lines, the dashed forecast, the dotted pace needed and the
// target date, on fixed dates.
import { describe, expect, it } from 'vitest';
import { burnUpOption } from '../../src/chart/burnUpOption.ts';
import type { BurnUpPoint, Forecast } from '../../src/domain/forecast.ts';
import { translator } from '../../src/i18n/index.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const POINTS: BurnUpPoint[] = [
  { day: '2026-11-16', done: 40, total: 100 },
  { day: '2026-11-23', done: 50, total: 100 },
  { day: '2026-11-30', done: 60, total: 100 },
];
const FORECAST: Forecast = {
  asOf: '2026-11-30',
  targetOn: '2027-01-31',
  done: 60,
  total: 100,
  remaining: 40,
  pace: 10,
  projection: { kind: 'on', finishOn: '2026-12-28' },
  needed: { kind: 'perWeek', perWeek: 4.5 },
};

type Series = { name: string; data: [number, number][]; lineStyle: { type: string }; markLine?: unknown };
const seriesOf = (f: Forecast, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  burnUpOption(translator(locale), POINTS, f).series as unknown as Series[];

describe('burnUpOption', () => {
  it('draws done and all items per week, the forecast dashed to its date, the pace needed dotted to the target', () => {
    const [done, total, forecast, needed] = seriesOf(FORECAST);
    expect(done?.name).toBe('已完成');
    expect(done?.data).toEqual(POINTS.map((p) => [day(p.day), p.done]));
    expect(total?.name).toBe('事项总数');
    expect(forecast).toMatchObject({ name: '预测（近四周进度）', lineStyle: { type: 'dashed' } });
    expect(forecast?.data).toEqual([
      [day('2026-11-30'), 60],
      [day('2026-12-28'), 100],
    ]);
    expect(needed).toMatchObject({ name: '按目标日期所需进度', lineStyle: { type: 'dotted' } });
    expect(needed?.data.at(-1)?.[0]).toBe(day('2027-01-31'));
    expect(JSON.stringify(needed?.markLine)).toContain('目标日期 2027-01-31');
  });

  it('writes every label itself (YYYY-MM-DD), in UTC, with the bundled font', () => {
    const option = burnUpOption(translator('en'), POINTS, FORECAST) as unknown as {
      useUTC: boolean;
      animation: boolean;
      textStyle: { fontFamily: string };
      xAxis: { axisLabel: { formatter: (v: number) => string }; max: number };
      title: { text: string; subtext: string };
    };
    expect(option).toMatchObject({ useUTC: true, animation: false, textStyle: { fontFamily: 'Reform Chart Sans' } });
    expect(option.xAxis.axisLabel.formatter(day('2027-01-01'))).toBe('2027-01-01');
    expect(option.title).toMatchObject({ text: 'Progress (burn-up)', subtext: 'As of 2026-11-30' });
    // the axis reaches the later of the forecast and the target
    expect(option.xAxis.max).toBe(day('2027-01-31'));
  });

  it('cuts a forecast years away at a year ahead, on its line; leaves out what cannot be drawn', () => {
    const far = seriesOf({ ...FORECAST, pace: 0.1, projection: { kind: 'on', finishOn: '2034-08-01' } });
    const forecast = far[2] as Series;
    expect(forecast.data[1]).toEqual([day('2027-11-30'), 60 + (0.1 * 365) / 7]);
    const stalled = seriesOf({
      ...FORECAST,
      pace: 0,
      projection: { kind: 'stalled' },
      needed: { kind: 'targetPassed' },
    });
    expect(stalled.map((s) => s.name)).toEqual(['已完成', '事项总数']);
  });
});
