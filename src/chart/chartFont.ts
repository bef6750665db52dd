// The font the chart is drawn with: a subset of Noto Sans CJK SC bundled under assets/fonts/
// (SIL Open Font License, assets/fonts/OFL.txt), so the Chinese labels render on a server with no
// CJK font installed. resvg is given this file alone (no system fonts): the picture is the same
// on every machine. Found from the package root: in the build (dist/) a module sits in any chunk.
import { join } from 'node:path';
import { packageRoot } from '../runtimePaths.ts';

export const CHART_FONT_FAMILY = 'Reform Chart Sans';

export function chartFontFile(): string {
  return join(packageRoot(), 'assets', 'fonts', 'ReformChartSans-Regular.otf');
}
