// The font the chart is drawn with: a subset of Noto Sans CJK SC bundled under assets/fonts/
// (SIL Open Font License, assets/fonts/OFL.txt), so the Chinese labels render on a server with no
// CJK font installed. resvg is given this file alone (no system fonts): the picture is the same
// on every machine.
import { fileURLToPath } from 'node:url';

export const CHART_FONT_FAMILY = 'Reform Chart Sans';
export const CHART_FONT_FILE = fileURLToPath(
  new URL('../../assets/fonts/ReformChartSans-Regular.otf', import.meta.url),
);
