// Rebuilds the chart's font subset (README "Progress chart"): `npm run chart-font` after a
// `chart.*` string changed. Needs Debian's fonts-noto-cjk and python3-fonttools (as root:
// `apt-get install fonts-noto-cjk python3-fonttools`). Writes chart-chars.txt (the characters,
// from src/chart/chartText.ts) and ReformChartSans-Regular.otf: Noto Sans CJK SC cut down to those
// characters and renamed (the SIL Open Font License asks a modified font not to carry the
// original's name), under OFL.txt.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHART_FONT_FAMILY } from '../../src/chart/chartFont.ts';
import { chartCharacters } from '../../src/chart/chartText.ts';

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const SOURCE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const SC = '2'; // the collection's Simplified Chinese face (Noto Sans CJK SC)

const chars = chartCharacters();
writeFileSync(here('chart-chars.txt'), `${chars}\n`);
const out = here('ReformChartSans-Regular.otf');
execFileSync(
  '/usr/bin/python3',
  [
    '-m',
    'fontTools.subset',
    SOURCE,
    `--font-number=${SC}`,
    `--text-file=${here('chart-chars.txt')}`,
    '--name-IDs=0,13,14',
    '--no-hinting',
    `--output-file=${out}`,
  ],
  { stdio: 'inherit' },
);
// Rename: family, full and PostScript names; keep the copyright (0) and the licence (13, 14).
const rename = `
from fontTools.ttLib import TTFont
f = TTFont(${JSON.stringify(out)})
n = f['name']
for pid, eid, lid in ((3, 1, 0x409), (1, 0, 0)):
    n.setName(${JSON.stringify(CHART_FONT_FAMILY)}, 1, pid, eid, lid)
    n.setName('Regular', 2, pid, eid, lid)
    n.setName(${JSON.stringify(`${CHART_FONT_FAMILY} Regular`)}, 4, pid, eid, lid)
    n.setName('ReformChartSans-Regular', 6, pid, eid, lid)
    n.setName('Subset of Noto Sans CJK SC 2.004 for reform-bot charts', 5, pid, eid, lid)
f['CFF '].cff.fontNames = ['ReformChartSans-Regular']
f.save(${JSON.stringify(out)})
`;
execFileSync('/usr/bin/python3', ['-c', rename], { stdio: 'inherit' });
console.log(`${out}: ${[...chars].length} characters`);
