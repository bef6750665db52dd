// App Home (the bot's Home tab): a person's own items, their groups' plans, the office overview.
import { defineCatalog } from '../define.ts';

export const slackHomeCatalog = defineCatalog({
  en: {
    'home.header': 'Reform supervision',
    'home.asOf': (p: { date: string }) => `As of ${p.date}`,
    'home.roleAdmin': 'office admin',
    'home.departments': (p: { names: string }) => `Departments: ${p.names}`,
    'home.mine.header': 'My items',
    'home.mine.summary': (p: { total: number; done: number; red: number; yellow: number; green: number }) =>
      `${p.total} items: 🔴 ${p.red} overdue · 🟡 ${p.yellow} due soon · 🟢 ${p.green} on track (${p.done} done)`,
    'home.mine.none': 'No items are assigned to you through a department or a group role.',
    'home.mine.allDone': 'Nothing overdue or due soon. 🎉',
    'home.mine.light': (p: { light: string; count: number }) => `${p.light} (${p.count})`,
    'home.mine.more': (p: { shown: number; open: number }) =>
      `Showing the ${p.shown} most urgent of ${p.open} open items. Type \`/reform mine\` for the full list.`,
    'home.button.update': 'Update',
    'home.group.roles': (p: { roles: string }) => `you are ${p.roles}`,
    'home.group.summary': (p: {
      plans: number;
      items: number;
      done: number;
      rate: string;
      red: number;
      yellow: number;
    }) => `${p.plans} open plans · ${p.items} items · ${p.done} done (${p.rate}) · 🔴 ${p.red} · 🟡 ${p.yellow}`,
    'home.group.closed': (p: { count: number }) => `${p.count} plans closed out`,
    'home.group.noPlans': 'This group leads no open plans.',
    'home.group.morePlans': (p: { count: number; code: string }) =>
      `… and ${p.count} more plans. Type \`/reform stats ${p.code}\` for all of them.`,
    'home.group.moreGroups': (p: { count: number }) =>
      `… and ${p.count} more groups. Type \`/reform stats\` for every group.`,
    'home.admin.header': 'Office overview',
    'home.admin.figures': (p: {
      plans: number;
      items: number;
      done: number;
      doneRate: string;
      started: number;
      startedRate: string;
      notStarted: number;
      notStartedRate: string;
    }) =>
      `${p.plans} plans · ${p.items} items\n✅ done ${p.done} (${p.doneRate}) · 🔄 started ${p.started} (${p.startedRate}) · ⬜ not started ${p.notStarted} (${p.notStartedRate})`,
    'home.admin.lights': (p: { red: number; yellow: number; closed: number }) =>
      `🔴 ${p.red} overdue · 🟡 ${p.yellow} due soon · ${p.closed} plans closed out`,
    'home.admin.byGroup': 'By group',
    'home.admin.moreGroups': (p: { count: number }) => `… and ${p.count} more groups (\`/reform stats\`)`,
    'home.admin.closable': (p: { count: number }) => `Plans ready to close (${p.count})`,
    'home.admin.closableNone': 'No open plan has every item done yet.',
    'home.admin.closableMore': (p: { count: number }) => `… and ${p.count} more. Type \`/reform stats\` for the list.`,
    'home.admin.closableItems': (p: { items: number }) => `all ${p.items} items done`,
    'home.footer':
      'Commands: `/reform mine` · `/reform item P1#3` · `/reform update` · `/reform plan P1` · `/reform stats` · `/reform help`',
  },
  'zh-CN': {
    'home.header': '改革督察',
    'home.asOf': (p: { date: string }) => `截至 ${p.date}`,
    'home.roleAdmin': '改革办',
    'home.departments': (p: { names: string }) => `所在单位：${p.names}`,
    'home.mine.header': '我负责的事项',
    'home.mine.summary': (p: { total: number; done: number; red: number; yellow: number; green: number }) =>
      `共 ${p.total} 项：🔴 已逾期 ${p.red} · 🟡 即将到期 ${p.yellow} · 🟢 正常 ${p.green}（已完成 ${p.done}）`,
    'home.mine.none': '您所在的单位和专项小组目前没有分配给您的事项。',
    'home.mine.allDone': '没有逾期或即将到期的事项。🎉',
    'home.mine.light': (p: { light: string; count: number }) => `${p.light}（${p.count}）`,
    'home.mine.more': (p: { shown: number; open: number }) =>
      `显示 ${p.open} 项未完成事项中最紧急的 ${p.shown} 项。输入 \`/reform mine\` 查看全部。`,
    'home.button.update': '更新',
    'home.group.roles': (p: { roles: string }) => `您是${p.roles}`,
    'home.group.summary': (p: {
      plans: number;
      items: number;
      done: number;
      rate: string;
      red: number;
      yellow: number;
    }) =>
      `未销账方案 ${p.plans} 个 · 事项 ${p.items} 项 · 已完成 ${p.done} 项（${p.rate}）· 🔴 ${p.red} · 🟡 ${p.yellow}`,
    'home.group.closed': (p: { count: number }) => `已销账方案 ${p.count} 个`,
    'home.group.noPlans': '该专项小组目前没有牵头的未销账方案。',
    'home.group.morePlans': (p: { count: number; code: string }) =>
      `……另有 ${p.count} 个方案。输入 \`/reform stats ${p.code}\` 查看全部。`,
    'home.group.moreGroups': (p: { count: number }) =>
      `……另有 ${p.count} 个专项小组。输入 \`/reform stats\` 查看全部。`,
    'home.admin.header': '改革办总览',
    'home.admin.figures': (p: {
      plans: number;
      items: number;
      done: number;
      doneRate: string;
      started: number;
      startedRate: string;
      notStarted: number;
      notStartedRate: string;
    }) =>
      `方案 ${p.plans} 个 · 事项 ${p.items} 项\n✅ 已完成 ${p.done}（${p.doneRate}）· 🔄 已启动未完成 ${p.started}（${p.startedRate}）· ⬜ 未启动 ${p.notStarted}（${p.notStartedRate}）`,
    'home.admin.lights': (p: { red: number; yellow: number; closed: number }) =>
      `🔴 已逾期 ${p.red} · 🟡 即将到期 ${p.yellow} · 已销账方案 ${p.closed} 个`,
    'home.admin.byGroup': '各专项小组',
    'home.admin.moreGroups': (p: { count: number }) => `……另有 ${p.count} 个专项小组（\`/reform stats\`）`,
    'home.admin.closable': (p: { count: number }) => `可销账方案（${p.count} 个）`,
    'home.admin.closableNone': '目前没有全部事项已完成的未销账方案。',
    'home.admin.closableMore': (p: { count: number }) => `……另有 ${p.count} 个。输入 \`/reform stats\` 查看清单。`,
    'home.admin.closableItems': (p: { items: number }) => `${p.items} 项全部完成`,
    'home.footer':
      '命令：`/reform mine` · `/reform item P1#3` · `/reform update` · `/reform plan P1` · `/reform stats` · `/reform help`',
  },
});
