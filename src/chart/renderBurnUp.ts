// Draws the burn-up (burnUpOption.ts) as a PNG on the server: echarts renders it to an SVG string
// without a DOM (server-side rendering), resvg turns the SVG into pixels with the bundled font only
// (chartFont.ts). Called by the digest job on the job thread, so the thread that acknowledges
// Slack never draws.
import { Resvg } from '@resvg/resvg-js';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BurnUpPoint, Forecast } from '../domain/forecast.ts';
import type { Translate } from '../i18n/index.ts';
import { burnUpOption } from './burnUpOption.ts';
import { CHART_FONT_FAMILY, chartFontFile } from './chartFont.ts';

echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

/** The picture's size in CSS pixels; the PNG is drawn at twice that for sharp text on any screen. */
const CHART_SIZE = { width: 960, height: 540, scale: 2 } as const;

function burnUpSvg(t: Translate, points: readonly BurnUpPoint[], forecast: Forecast): string {
  const chart = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
  });
  try {
    chart.setOption(burnUpOption(t, points, forecast));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function burnUpPng(t: Translate, points: readonly BurnUpPoint[], forecast: Forecast): Buffer {
  const resvg = new Resvg(burnUpSvg(t, points, forecast), {
    fitTo: { mode: 'zoom', value: CHART_SIZE.scale },
    background: '#ffffff',
    font: { fontFiles: [chartFontFile()], loadSystemFonts: false, defaultFontFamily: CHART_FONT_FAMILY },
  });
  return resvg.render().asPng();
}
