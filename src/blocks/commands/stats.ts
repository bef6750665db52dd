// `/reform stats [domain|group]`: the headline figures, then one two-line row per domain (all
// seven, always) or per special group. Rows are text, not a monospaced table: Chinese
// characters do not line up in Slack's code font, and a phone screen is narrow.
import type { LightCounts, Stats, StatusTally } from '../../domain/stats.ts';
import type { Translate } from '../../i18n/index.ts';
import type { ExtensionFigures } from '../../store/extensionFigures.ts';
import { NO_GROUP } from '../../store/stats.ts';
import {
  type Block,
  context,
  divider,
  escapeClip,
  header,
  packLines,
  progressBar,
  type SlackMessage,
  section,
} from '../parts/index.ts';

export type StatsCut = 'domain' | 'group';

/** More groups than this are summarised (a province has about nine). */
const STATS_ROWS_MAX = 40;

function tallyParams(s: StatusTally) {
  return {
    plans: s.plans,
    items: s.items,
    done: s.done,
    doneRate: s.doneRate.toFixed(1),
    started: s.started,
    startedRate: s.startedRate.toFixed(1),
    notStarted: s.notStarted,
    notStartedRate: s.notStartedRate.toFixed(1),
  };
}

function row(t: Translate, name: string, s: StatusTally & { lights: LightCounts }): string {
  return t('stats.row', { ...tallyParams(s), name, bar: progressBar(s.done, s.items), red: s.lights.red });
}

export function buildStats(
  t: Translate,
  stats: Stats,
  cut: StatsCut,
  groupNames: ReadonlyMap<string, string>,
  extensions?: ExtensionFigures,
): SlackMessage {
  const blocks: Block[] = [
    header(t('stats.title', { asOf: stats.asOf })),
    section(t('stats.headline', tallyParams(stats))),
    context(
      [
        t('stats.lights', { ...stats.lights, days: stats.yellowWorkdays }),
        t('stats.closable', { closable: stats.closablePlans, closed: stats.closedPlans }),
      ].join('\n'),
    ),
    // README "Extension requests": on-time is judged against the original due date.
    ...(extensions && (extensions.extended > 0 || extensions.pending > 0)
      ? [context(t('extension.stats', extensions))]
      : []),
    divider(),
  ];
  if (cut === 'domain') {
    blocks.push(section(t('stats.byDomain')));
    blocks.push(...packLines(stats.byDomain.map((d) => row(t, t(`domain.${d.domain}`), d))));
  } else {
    blocks.push(section(t('stats.byGroup')));
    const rows = stats.byGroup.slice(0, STATS_ROWS_MAX).map((g) => {
      const name =
        g.group === NO_GROUP
          ? t('stats.noGroup')
          : escapeClip(`${g.group} ${groupNames.get(g.group) ?? ''}`.trim(), 80);
      return row(t, name, g);
    });
    blocks.push(...packLines(rows));
    if (stats.byGroup.length > STATS_ROWS_MAX)
      blocks.push(context(t('stats.more', { count: stats.byGroup.length - STATS_ROWS_MAX })));
  }
  return { text: t('stats.text', { items: stats.items, doneRate: stats.doneRate.toFixed(1) }), blocks };
}
