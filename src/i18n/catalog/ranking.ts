// The dynamic ranking (动态排名), the forecast and the progress chart of the weekly digest and
// `reform-bot stats` (README "Ranking", "Progress chart"). The `chart.*` strings are drawn into
// the PNG with the bundled font subset: every character they use must be in
// assets/fonts/chart-chars.txt (test/chart/chartFont.test.ts checks it), so keep them short.
import { defineCatalog } from '../define.ts';

type RankLine = {
  rank: number;
  name: string;
  rate: string;
  onTime: number;
  due: number;
  overdue: number;
  movement: string;
};
type Pace = { pace: string; done: number; total: number; remaining: number };

export const rankingCatalog = defineCatalog({
  en: {
    // --- the digest's ranking replies
    'ranking.departments': 'Ranking by responsible department (on-time completion)',
    'ranking.groups': 'Ranking by special group (on-time completion)',
    'ranking.line': (p: RankLine) =>
      `${p.rank}. *${p.name}* ${p.rate}% (${p.onTime} of ${p.due} due done on time) · ${p.overdue} overdue · ${p.movement}`,
    'ranking.up': (p: { places: number }) => `↑${p.places}`,
    'ranking.down': (p: { places: number }) => `↓${p.places}`,
    'ranking.same': '—',
    'ranking.new': 'new',
    'ranking.nothingDue': 'No item is due yet: nothing to rank.',
    'ranking.footnote': (p: { previousAsOf: string }) =>
      `_Rule: on-time completion = items done on or before their original due date (before any extension) ÷ items due so far; items that came in already done from a ledger count as on time. Equal rates share a rank (1, 2, 2, 4); ties are listed by more items due, then fewer overdue, then name. Units with nothing due are not ranked. Overdue: not done and past the current due date. Movement: against the ranking as of ${p.previousAsOf}, recomputed from the item history._`,
    // --- the forecast line (digest headline, `stats`)
    'forecast.pace': (p: Pace) =>
      `Forecast: ${p.done} of ${p.total} done, ${p.remaining} to go; ${p.pace} a week over the last four weeks`,
    'forecast.finishOn': (p: { on: string }) => `, all done by ${p.on} at that pace`,
    'forecast.stalled': ': no date can be projected at that pace',
    'forecast.finished': 'Forecast: every item is done.',
    'forecast.needed': (p: { perWeek: string; target: string }) =>
      `; ${p.perWeek} a week needed to finish by the target date ${p.target}.`,
    'forecast.targetPassed': (p: { target: string }) => `; the target date ${p.target} has passed.`,
    // --- `reform-bot stats --by`
    'cli.stats.badBy': (p: { value: string }) => `--by: "${p.value}" is not department or group`,
    'cli.stats.rankingTitle': (p: { by: string; asOf: string; previousAsOf: string }) =>
      `On-time completion ranking by ${p.by} as of ${p.asOf} (movement against ${p.previousAsOf})`,
    'cli.stats.byDepartmentWord': 'responsible department',
    'cli.stats.byGroupWord': 'special group',
    'cli.stats.colRank': 'Rank',
    'cli.stats.colRate': 'On time %',
    'cli.stats.colOnTime': 'On time',
    'cli.stats.colDue': 'Due so far',
    'cli.stats.colOverdue': 'Overdue',
    'cli.stats.colMovement': 'Since last week',
    'cli.stats.rankingRule':
      'On time = done on or before the original due date; due so far = original due date on or before the day. Equal rates share a rank (1, 2, 2, 4); ties: more items due, fewer overdue, then name.',
    // --- the chart (drawn with the bundled font subset)
    'chart.title': 'Progress (burn-up)',
    'chart.subtitle': (p: { asOf: string }) => `As of ${p.asOf}`,
    'chart.done': 'Done',
    'chart.total': 'All items',
    'chart.forecast': 'Forecast (last 4 weeks pace)',
    'chart.needed': 'Pace needed for target',
    'chart.target': 'Target',
    'chart.items': 'Items',
    // --- the uploaded file
    'chartFile.title': (p: { period: string }) => `Progress chart ${p.period}`,
    'chartFile.altText': (p: { done: number; total: number; asOf: string }) =>
      `Burn-up chart: ${p.done} of ${p.total} items done as of ${p.asOf}, with the forecast at the pace of the last four weeks`,
    'chartFile.comment': (p: { period: string }) => `Progress chart of the weekly digest ${p.period}`,
    'chartFile.notUploaded': (p: { reason: string }) =>
      `This was the progress chart of the weekly digest; the digest itself went out without it. ${p.reason === 'missing_scope' || p.reason === 'no_permission' ? 'The app lacks the files:write scope: update the app from manifest.yml (Install App → Reinstall), then retry.' : 'Once the cause is fixed it can be sent again.'}`,
    'chartFile.notDrawn': (p: { period: string; error: string }) =>
      `The progress chart of the weekly digest ${p.period} could not be drawn (${p.error}); the digest went out without it. The server log has the details.`,
    'cli.run.detail.chart': 'progress chart',
  },
  'zh-CN': {
    'ranking.departments': '动态排名 · 按责任单位（按期完成率）',
    'ranking.groups': '动态排名 · 按专项小组（按期完成率）',
    'ranking.line': (p: RankLine) =>
      `${p.rank}. *${p.name}* ${p.rate}%（到期 ${p.due} 项，按期完成 ${p.onTime} 项）· 逾期 ${p.overdue} 项 · ${p.movement}`,
    'ranking.up': (p: { places: number }) => `↑${p.places}`,
    'ranking.down': (p: { places: number }) => `↓${p.places}`,
    'ranking.same': '—',
    'ranking.new': '新',
    'ranking.nothingDue': '暂无到期事项，不排名。',
    'ranking.footnote': (p: { previousAsOf: string }) =>
      `_排名规则：按期完成率 = 在原定完成时限（延期前）当日或之前完成的事项 ÷ 截至当日已到期的事项；导入时即为已完成的事项视为按期完成。完成率相同者名次并列（1、2、2、4），并列时依次按到期事项多、逾期少、名称排列；尚无到期事项的不排名。逾期：未完成且已过当前完成时限。升降：与按事项历史重算的 ${p.previousAsOf} 排名相比。_`,
    'forecast.pace': (p: Pace) =>
      `进度预测：共 ${p.total} 项，已完成 ${p.done} 项，剩余 ${p.remaining} 项；近四周平均每周完成 ${p.pace} 项`,
    'forecast.finishOn': (p: { on: string }) => `，按此进度预计 ${p.on} 全部完成`,
    'forecast.stalled': '，按此进度无法预计完成日期',
    'forecast.finished': '进度预测：全部事项均已完成。',
    'forecast.needed': (p: { perWeek: string; target: string }) =>
      `；如需在目标日期 ${p.target} 前完成，每周需完成 ${p.perWeek} 项。`,
    'forecast.targetPassed': (p: { target: string }) => `；目标日期 ${p.target} 已过。`,
    'cli.stats.badBy': (p: { value: string }) => `--by：“${p.value}”不是 department（责任单位）或 group（专项小组）`,
    'cli.stats.rankingTitle': (p: { by: string; asOf: string; previousAsOf: string }) =>
      `按期完成率动态排名 · 按${p.by}（截至 ${p.asOf}，升降与 ${p.previousAsOf} 相比）`,
    'cli.stats.byDepartmentWord': '责任单位',
    'cli.stats.byGroupWord': '专项小组',
    'cli.stats.colRank': '名次',
    'cli.stats.colRate': '按期完成率%',
    'cli.stats.colOnTime': '按期完成',
    'cli.stats.colDue': '已到期',
    'cli.stats.colOverdue': '逾期',
    'cli.stats.colMovement': '较上周',
    'cli.stats.rankingRule':
      '按期完成：在原定完成时限当日或之前完成；已到期：原定完成时限不晚于当日。完成率相同者名次并列（1、2、2、4），并列时依次按到期事项多、逾期少、名称排列。',
    'chart.title': '完成进度（燃起图）',
    'chart.subtitle': (p: { asOf: string }) => `截至 ${p.asOf}`,
    'chart.done': '已完成',
    'chart.total': '事项总数',
    'chart.forecast': '预测（近四周进度）',
    'chart.needed': '按目标日期所需进度',
    'chart.target': '目标日期',
    'chart.items': '事项数',
    'chartFile.title': (p: { period: string }) => `完成进度图 ${p.period}`,
    'chartFile.altText': (p: { done: number; total: number; asOf: string }) =>
      `燃起图：截至 ${p.asOf} 共 ${p.total} 项，已完成 ${p.done} 项，并按近四周进度预测`,
    'chartFile.comment': (p: { period: string }) => `督察周报 ${p.period} 完成进度图`,
    'chartFile.notUploaded': (p: { reason: string }) =>
      `这是督察周报的完成进度图；周报本身已发出，只是没有此图。${p.reason === 'missing_scope' || p.reason === 'no_permission' ? '应用缺少 files:write 权限：请按 manifest.yml 更新应用（Install App → Reinstall）后重试。' : '排除原因后可重新发送。'}`,
    'chartFile.notDrawn': (p: { period: string; error: string }) =>
      `督察周报 ${p.period} 的完成进度图未能生成（${p.error}）；周报已发出，只是没有此图。详情见服务器日志。`,
    'cli.run.detail.chart': '完成进度图',
  },
});
