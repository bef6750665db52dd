// The /reform command, item cards, plan files, `mine`, `stats`, and the shared UI fragments.
// Parameters named like `ref`, `title`, `group` arrive already escaped for mrkdwn.
import { defineCatalog } from '../define.ts';

type Counts = { plans: number; items: number };
type Tally = {
  done: number;
  doneRate: string;
  started: number;
  startedRate: string;
  notStarted: number;
  notStartedRate: string;
};
type Lights = { red: number; yellow: number; green: number };

export const slackCommandsCatalog = defineCatalog({
  en: {
    'parts.due': (p: { date: string }) => `due ${p.date}`,
    'parts.noDue': 'no due date',

    'cmd.help.title': 'reform-bot: the /reform command',
    'cmd.help.intro':
      'Each subcommand also has a Chinese word (in brackets). Answers only you need are shown only to you.',
    'cmd.help.lines': [
      '`/reform help` (帮助): this list',
      '`/reform item P1#3` (事项): the item card: plan, departments, due date, status and light, last changes, buttons',
      '`/reform update P1#3 done evidence note…` (更新): a one-line status update; statuses `done`, `started`, `not started` or 已完成, 已启动未完成, 未启动',
      '`/reform update` or `/reform update P1#3`: opens the status-update form (prefilled when an item is named)',
      "`/reform plan P1` (方案): the plan's implementation file: counts, rates, every item with status and light",
      '`/reform mine` (我的): the items you answer for, overdue first',
      '`/reform stats` / `/reform stats group` (统计, 统计 小组): current statistics by domain or by special group',
      '`/reform central` (中央方案): office admins register a plan passed by the central reform group, to be followed up (盯跟)',
      "`/reform round 3 P12` (督察): fill in plan P12's self-check in supervision round 3 (the three checks, 三看)",
    ].join('\n'),
    'cmd.help.unknown': (p: { word: string }) => `I don't know the subcommand \`${p.word}\`. Here is what I can do:`,
    'cmd.help.fallback': 'reform-bot commands: help, item, update, plan, mine, stats, central, round',

    'cmd.error.needRef': (p: { example: string }) =>
      `Name the item as plan code#item code, for example \`${p.example}\`.`,
    'cmd.error.badRef': (p: { text: string; example: string }) =>
      `\`${p.text}\` is not an item reference. Write plan code#item code, for example \`${p.example}\`.`,
    'cmd.error.unknownPlan': (p: { plan: string }) => `There is no plan \`${p.plan}\`. Check the code in the ledger.`,
    'cmd.error.unknownItem': (p: { plan: string; item: string }) =>
      `Plan \`${p.plan}\` has no item \`${p.item}\`. Use \`/reform plan ${p.plan}\` to see its items.`,
    'cmd.error.needPlan': 'Name the plan, for example `/reform plan P1`.',
    'cmd.error.needRound':
      'Name the round and the plan, for example `/reform round 3 P12` (see `reform-bot round list`).',
    'cmd.error.roundModal':
      'The self-check form could not be opened (Slack allows 3 seconds). Please run the command again.',
    'cmd.error.badStatus': (p: { word: string }) =>
      `\`${p.word}\` is not a status. Use \`done\`, \`started\` or \`not started\` (已完成, 已启动未完成, 未启动).`,
    'cmd.error.badCut': (p: { word: string }) =>
      `\`/reform stats\` takes \`domain\` or \`group\` (领域, 小组), not \`${p.word}\`.`,
    'cmd.error.extra': (p: { usage: string }) => `Too many words. Usage: \`${p.usage}\``,
    'cmd.usage.help': '/reform help',
    'cmd.usage.item': '/reform item P1#3',
    'cmd.usage.update': '/reform update P1#3 done evidence…',
    'cmd.usage.plan': '/reform plan P1 [page]',
    'cmd.usage.mine': '/reform mine',
    'cmd.usage.stats': '/reform stats [domain|group]',
    'cmd.usage.central': '/reform central',
    'cmd.usage.round': '/reform round 3 P12',
    // Text round-trips: one note limit on every path (README "Using it in Slack")
    'cmd.error.noteTooLong': (p: { length: number; max: number }) =>
      `The note has ${p.length} characters; a note keeps at most ${p.max}. Nothing was changed: shorten it and send it again.`,
    'cmd.error.failed': 'Something went wrong while answering. Please try again in a moment.',
    'cmd.error.busy':
      'The database is busy with an office command (an import or a backup), so nothing was saved. Please try again in a minute.',
    'cmd.error.badButton': 'This button is out of date. Ask for the card again with `/reform item`.',
    'cmd.error.modal': 'The update form could not be opened (Slack allows 3 seconds). Please run the command again.',
    // Every flow answers (src/slack/openModal.ts, viewInputs.ts, listeners/fallbacks.ts)
    'flow.modalNotOpened':
      'The form could not be opened (Slack refused or took longer than its 3 seconds). Please click the button again.',
    'flow.formOutOfDate': 'This form is out of date and nothing was saved. Close it and open it again.',
    'flow.buttonOutOfDate':
      'This button is out of date (from an older message). Ask for the message again, for example with `/reform mine`.',
    'flow.unknownCommand': (p: { command: string }) =>
      `This app does not answer \`${p.command}\`. Try \`/reform help\`.`,
    'flow.unknownShortcut': 'This shortcut is no longer available. Try `/reform help`.',
    'flow.noticeTitle': 'Reform bot',
    'flow.close': 'Close',

    'cmd.refused.update': (p: { ref: string; who: string }) =>
      `You may not update ${p.ref}: only ${p.who} may. Nothing was changed.`,
    'cmd.refused.admins': 'office admins',
    'cmd.refused.group': (p: { group: string }) => `the leaders, deputies and liaisons of ${p.group}`,
    'cmd.refused.departments': (p: { departments: string }) => `members of ${p.departments}`,
    'cmd.refused.join': ', ',
    'cmd.refused.lastJoin': ' and ',

    'cmd.update.applied': (p: { ref: string; from: string; to: string }) => `Updated ${p.ref}: ${p.from} → ${p.to}.`,
    'cmd.update.noteAdded': (p: { ref: string }) => `Added your note to ${p.ref}.`,
    'cmd.update.queued': (p: { ref: string }) =>
      `Saving your update of ${p.ref}: the database is busy with an office command (an import or a backup). Your update is kept and you will be told here when it is saved.`,
    'cmd.update.unchanged': (p: { ref: string; status: string }) =>
      `${p.ref} is already ${p.status}; nothing was changed.`,
    'cmd.update.duplicate': (p: { ref: string }) =>
      `This update of ${p.ref} was already applied; it was not applied twice.`,
    'cmd.update.stale': (p: { ref: string }) =>
      `${p.ref} was changed by someone else since this card was shown; nothing was changed. Here is the current card: click again if it is still needed.`,
    // Issue 11 (done needs evidence, reminder lines in place): one block.
    'cmd.update.needsEvidence': (p: { ref: string }) =>
      `Marking ${p.ref} done needs an evidence note saying what was done: \`/reform update ${p.ref} done what was done…\`, or open the form with \`/reform update ${p.ref}\`. Nothing was changed.`,
    'cmd.markDone.formFailed':
      'The update form could not be opened (Slack allows 3 seconds). Please click *Mark done* again.',
    'cmd.update.reminderStale': (p: { ref: string }) =>
      `${p.ref} was changed by someone else since this reminder was sent; nothing was changed. Its line now shows where it stands: click again if it is still needed.`,

    'card.plan': 'Plan',
    'card.departments': 'Responsible',
    'card.cooperating': 'Cooperating',
    'card.due': 'Due',
    'card.status': 'Status',
    'card.light': 'Light',
    'card.overdueDays': (p: { days: number }) => `${p.days} working day${p.days === 1 ? '' : 's'} overdue`,
    'card.outcome': 'Institutional outcome (制度性成果)',
    'card.yes': 'yes',
    'card.no': 'no',
    'card.note': 'Latest note',
    'card.history': 'Last changes',
    'card.noHistory': 'No changes recorded yet.',
    'card.change.status': (p: { when: string; who: string; from: string; to: string }) =>
      `${p.when} ${p.who}: ${p.from} → ${p.to}`,
    'card.change.outcome': (p: { when: string; who: string; to: string }) =>
      `${p.when} ${p.who}: institutional outcome → ${p.to}`,
    'card.change.note': (p: { when: string; who: string }) => `${p.when} ${p.who} added a note`,
    'card.change.other': (p: { when: string; who: string; field: string; from: string; to: string }) =>
      `${p.when} ${p.who}: ${p.field} ${p.from} → ${p.to}`,
    'card.button.started': 'Mark started',
    'card.button.done': 'Mark done',
    'card.button.update': 'Update with note…',
    'card.readOnly': 'You can read this item. Its responsible departments, the leading group and the office update it.',
    'card.closedPlan': 'This plan is closed out.',
    'card.text': (p: { ref: string; title: string; status: string }) => `${p.ref} ${p.title}: ${p.status}`,

    'plan.title': 'Implementation file',
    'plan.meta': (p: { domain: string; group: string; department: string; stage: string }) =>
      `${p.domain} · group ${p.group} · lead department ${p.department} · ${p.stage}`,
    'plan.issued': (p: { date: string }) => `issued ${p.date}`,
    'plan.counts': (p: Tally & { items: number }) =>
      `*${p.items} items*: ✅ done ${p.done} (${p.doneRate}%) · 🔄 started ${p.started} (${p.startedRate}%) · ⬜ not started ${p.notStarted} (${p.notStartedRate}%)`,
    'plan.lights': (p: Lights & { days: number }) =>
      `🔴 ${p.red} overdue · 🟡 ${p.yellow} due within ${p.days} working days · 🟢 ${p.green} on track or done`,
    'plan.page': (p: { from: number; to: number; total: number; page: number; pages: number }) =>
      `Items ${p.from}–${p.to} of ${p.total} (page ${p.page} of ${p.pages})`,
    'plan.prev': '◀ Previous',
    'plan.next': 'Next ▶',
    'plan.empty': 'This plan has no items yet.',
    'plan.text': (p: { code: string; title: string }) => `Implementation file of ${p.code} ${p.title}`,

    'mine.title': 'Your items',
    'mine.summary': (p: Lights & { total: number; done: number }) =>
      `You answer for *${p.total}* items in open plans (${p.done} done): 🔴 ${p.red} overdue · 🟡 ${p.yellow} due soon · 🟢 ${p.green} on track or done.`,
    'mine.none': 'No items of open plans are assigned to you through a department or a special group role.',
    'mine.more': (p: { shown: number; total: number }) =>
      `Showing the ${p.shown} most urgent of ${p.total}. \`/reform plan P1\` shows a whole plan.`,
    'mine.text': (p: { total: number; red: number }) => `You answer for ${p.total} items, ${p.red} overdue`,

    'stats.title': (p: { asOf: string }) => `Supervision statistics as of ${p.asOf}`,
    'stats.headline': (p: Counts & Tally) =>
      `*Overall: ${p.plans} plans, ${p.items} items*\n✅ done ${p.done} (${p.doneRate}%) · 🔄 started ${p.started} (${p.startedRate}%) · ⬜ not started ${p.notStarted} (${p.notStartedRate}%)`,
    'stats.lights': (p: Lights & { days: number }) =>
      `🔴 ${p.red} overdue · 🟡 ${p.yellow} due within ${p.days} working days · 🟢 ${p.green}`,
    'stats.closable': (p: { closable: number; closed: number }) =>
      `Ready to close out: ${p.closable} plans · closed out: ${p.closed}`,
    'stats.byDomain': '*By reform domain*',
    'stats.byGroup': '*By special group*',
    'stats.row': (p: Counts & Tally & { name: string; bar: string; red: number }) =>
      `*${p.name}* · ${p.plans} plans · ${p.items} items\n${p.bar} ✅ ${p.done} · 🔄 ${p.started} (${p.startedRate}%) · ⬜ ${p.notStarted} (${p.notStartedRate}%)${p.red > 0 ? ` · 🔴 ${p.red}` : ''}`,
    'stats.noGroup': '(no group)',
    'stats.more': (p: { count: number }) =>
      `…and ${p.count} more groups (the CLI \`reform-bot stats\` lists them all).`,
    'stats.text': (p: { items: number; doneRate: string }) => `${p.items} items, ${p.doneRate}% done`,
  },
  'zh-CN': {
    'parts.due': (p: { date: string }) => `截止 ${p.date}`,
    'parts.noDue': '无截止日期',

    'cmd.help.title': '改革督察机器人：/reform 命令',
    'cmd.help.intro': '每个子命令都可以用中文或英文词（括号内为英文）。只与你有关的回复仅你可见。',
    'cmd.help.lines': [
      '`/reform 帮助` (help)：显示本说明',
      '`/reform 事项 P1#3` (item)：事项卡片：所属方案、责任单位、完成时限、状态与信号灯、最近变更、操作按钮',
      '`/reform 更新 P1#3 已完成 佐证说明…` (update)：一行更新状态；状态可写 已完成、已启动未完成、未启动 或 done、started、not started',
      '`/reform 更新` 或 `/reform 更新 P1#3`：打开状态更新表单（写明事项时自动预填）',
      '`/reform 方案 P1` (plan)：方案的落实情况档案：数量、比率及每个事项的状态和信号灯',
      '`/reform 我的` (mine)：你负责的事项，已逾期的排在最前',
      '`/reform 统计` / `/reform 统计 小组` (stats)：按改革领域或专项小组的当前统计',
      '`/reform 中央方案` (central)：改革办登记中央深改组审议通过的方案，启动盯跟',
      '`/reform 督察 3 P12` (round)：填写第 3 轮督察评估中方案 P12 的自查（“三看”）',
    ].join('\n'),
    'cmd.help.unknown': (p: { word: string }) => `无法识别子命令 \`${p.word}\`。可用的命令如下：`,
    'cmd.help.fallback': '改革督察机器人命令：帮助、事项、更新、方案、我的、统计、中央方案、督察',

    'cmd.error.needRef': (p: { example: string }) => `请写明事项：方案编号#事项编号，例如 \`${p.example}\`。`,
    'cmd.error.badRef': (p: { text: string; example: string }) =>
      `\`${p.text}\` 不是事项编号。请写成 方案编号#事项编号，例如 \`${p.example}\`。`,
    'cmd.error.unknownPlan': (p: { plan: string }) => `没有编号为 \`${p.plan}\` 的方案，请核对台账中的编号。`,
    'cmd.error.unknownItem': (p: { plan: string; item: string }) =>
      `方案 \`${p.plan}\` 中没有事项 \`${p.item}\`。可用 \`/reform 方案 ${p.plan}\` 查看其事项。`,
    'cmd.error.needPlan': '请写明方案编号，例如 `/reform 方案 P1`。',
    'cmd.error.needRound': '请写明督察轮次和方案编号，例如 `/reform 督察 3 P12`（轮次见 `reform-bot round list`）。',
    'cmd.error.roundModal': '未能打开督察评估表单（Slack 只允许 3 秒），请重新执行命令。',
    'cmd.error.badStatus': (p: { word: string }) =>
      `\`${p.word}\` 不是有效状态。请用 已完成、已启动未完成、未启动（或 done、started、not started）。`,
    'cmd.error.badCut': (p: { word: string }) =>
      `\`/reform 统计\` 后面可写 领域 或 小组（domain、group），不能是 \`${p.word}\`。`,
    'cmd.error.extra': (p: { usage: string }) => `参数过多。用法：\`${p.usage}\``,
    'cmd.usage.help': '/reform 帮助',
    'cmd.usage.item': '/reform 事项 P1#3',
    'cmd.usage.update': '/reform 更新 P1#3 已完成 佐证说明…',
    'cmd.usage.plan': '/reform 方案 P1 [页码]',
    'cmd.usage.mine': '/reform 我的',
    'cmd.usage.stats': '/reform 统计 [领域|小组]',
    'cmd.usage.central': '/reform 中央方案',
    'cmd.usage.round': '/reform 督察 3 P12',
    // Text round-trips: one note limit on every path (README "Using it in Slack")
    'cmd.error.noteTooLong': (p: { length: number; max: number }) =>
      `说明共 ${p.length} 字，最多保留 ${p.max} 字，未作改动。请删减后重新发送。`,
    'cmd.error.failed': '处理时出错，请稍后再试。',
    'cmd.error.busy': '数据库正忙于办公室的导入或备份，本次未保存，请一分钟后再试。',
    'cmd.error.badButton': '此按钮已失效，请用 `/reform 事项` 重新查看卡片。',
    'cmd.error.modal': '未能打开更新表单（Slack 只允许 3 秒），请重新执行命令。',
    // Every flow answers (src/slack/openModal.ts, viewInputs.ts, listeners/fallbacks.ts)
    'flow.modalNotOpened': '未能打开表单（Slack 拒绝或超过 3 秒时限），请再点一次按钮。',
    'flow.formOutOfDate': '此表单已过期，未保存任何内容。请关闭后重新打开。',
    'flow.buttonOutOfDate': '此按钮已失效（来自旧消息）。请重新获取消息，例如 `/reform 我的`。',
    'flow.unknownCommand': (p: { command: string }) => `本应用不处理 \`${p.command}\`。可试试 \`/reform 帮助\`。`,
    'flow.unknownShortcut': '此快捷方式已停用。可试试 `/reform 帮助`。',
    'flow.noticeTitle': '改革督办',
    'flow.close': '关闭',

    'cmd.refused.update': (p: { ref: string; who: string }) =>
      `你无权更新 ${p.ref}：只有${p.who}可以更新。未做任何修改。`,
    'cmd.refused.admins': '改革办管理员',
    'cmd.refused.group': (p: { group: string }) => `${p.group}的组长、副组长和联络员`,
    'cmd.refused.departments': (p: { departments: string }) => `${p.departments}的成员`,
    'cmd.refused.join': '、',
    'cmd.refused.lastJoin': '以及',

    'cmd.update.applied': (p: { ref: string; from: string; to: string }) => `已更新 ${p.ref}：${p.from} → ${p.to}。`,
    'cmd.update.noteAdded': (p: { ref: string }) => `已为 ${p.ref} 添加说明。`,
    'cmd.update.queued': (p: { ref: string }) =>
      `正在保存对 ${p.ref} 的更新：数据库正忙于办公室的导入或备份。你的更新已留存，保存后会在此告知。`,
    'cmd.update.unchanged': (p: { ref: string; status: string }) => `${p.ref} 已经是 ${p.status}，未做修改。`,
    'cmd.update.duplicate': (p: { ref: string }) => `对 ${p.ref} 的这次更新已经生效，没有重复执行。`,
    'cmd.update.stale': (p: { ref: string }) =>
      `${p.ref} 在你查看卡片后已被他人修改，本次未做修改。以下是最新卡片，如仍需要请再点一次。`,
    // Issue 11 (done needs evidence, reminder lines in place): one block.
    'cmd.update.needsEvidence': (p: { ref: string }) =>
      `标记 ${p.ref} 为已完成需要填写佐证说明（完成了什么）：\`/reform 更新 ${p.ref} 已完成 完成情况…\`，或用 \`/reform 更新 ${p.ref}\` 打开表单填写。本次未做修改。`,
    'cmd.markDone.formFailed': '未能打开更新表单（Slack 只允许 3 秒），请再点一次“标记已完成”。',
    'cmd.update.reminderStale': (p: { ref: string }) =>
      `${p.ref} 在提醒发出后已被他人修改，本次未做修改。该行已显示最新状态，如仍需要请再点一次。`,

    'card.plan': '所属方案',
    'card.departments': '责任单位',
    'card.cooperating': '配合单位',
    'card.due': '完成时限',
    'card.status': '状态',
    'card.light': '信号灯',
    'card.overdueDays': (p: { days: number }) => `已逾期 ${p.days} 个工作日`,
    'card.outcome': '制度性成果',
    'card.yes': '是',
    'card.no': '否',
    'card.note': '最新说明',
    'card.history': '最近变更',
    'card.noHistory': '暂无变更记录。',
    'card.change.status': (p: { when: string; who: string; from: string; to: string }) =>
      `${p.when} ${p.who}：${p.from} → ${p.to}`,
    'card.change.outcome': (p: { when: string; who: string; to: string }) => `${p.when} ${p.who}：制度性成果 → ${p.to}`,
    'card.change.note': (p: { when: string; who: string }) => `${p.when} ${p.who} 添加了说明`,
    'card.change.other': (p: { when: string; who: string; field: string; from: string; to: string }) =>
      `${p.when} ${p.who}：${p.field} ${p.from} → ${p.to}`,
    'card.button.started': '标记为已启动',
    'card.button.done': '标记为已完成',
    'card.button.update': '填写说明并更新…',
    'card.readOnly': '你可以查看此事项；由其责任单位、牵头专项小组和改革办负责更新。',
    'card.closedPlan': '该方案已销账。',
    'card.text': (p: { ref: string; title: string; status: string }) => `${p.ref} ${p.title}：${p.status}`,

    'plan.title': '落实情况档案',
    'plan.meta': (p: { domain: string; group: string; department: string; stage: string }) =>
      `${p.domain} · 牵头专项小组 ${p.group} · 牵头单位 ${p.department} · ${p.stage}`,
    'plan.issued': (p: { date: string }) => `${p.date} 出台`,
    'plan.counts': (p: Tally & { items: number }) =>
      `*共 ${p.items} 项*：✅ 已完成 ${p.done}（${p.doneRate}%）· 🔄 已启动未完成 ${p.started}（${p.startedRate}%）· ⬜ 未启动 ${p.notStarted}（${p.notStartedRate}%）`,
    'plan.lights': (p: Lights & { days: number }) =>
      `🔴 已逾期 ${p.red} · 🟡 ${p.days} 个工作日内到期 ${p.yellow} · 🟢 正常或已完成 ${p.green}`,
    'plan.page': (p: { from: number; to: number; total: number; page: number; pages: number }) =>
      `第 ${p.from}–${p.to} 项，共 ${p.total} 项（第 ${p.page}/${p.pages} 页）`,
    'plan.prev': '◀ 上一页',
    'plan.next': '下一页 ▶',
    'plan.empty': '该方案尚无事项。',
    'plan.text': (p: { code: string; title: string }) => `${p.code} ${p.title} 落实情况档案`,

    'mine.title': '我负责的事项',
    'mine.summary': (p: Lights & { total: number; done: number }) =>
      `你负责未销账方案中的 *${p.total}* 个事项（已完成 ${p.done}）：🔴 已逾期 ${p.red} · 🟡 即将到期 ${p.yellow} · 🟢 正常或已完成 ${p.green}。`,
    'mine.none': '没有通过所在单位或专项小组职务分配给你的未销账方案事项。',
    'mine.more': (p: { shown: number; total: number }) =>
      `仅显示最紧急的 ${p.shown} 项（共 ${p.total} 项）。用 \`/reform 方案 方案编号\` 查看整个方案。`,
    'mine.text': (p: { total: number; red: number }) => `你负责 ${p.total} 个事项，其中已逾期 ${p.red} 个`,

    'stats.title': (p: { asOf: string }) => `督察评估统计（截至 ${p.asOf}）`,
    'stats.headline': (p: Counts & Tally) =>
      `*总体：${p.plans} 个方案，${p.items} 个事项*\n✅ 已完成 ${p.done}（${p.doneRate}%）· 🔄 已启动未完成 ${p.started}（${p.startedRate}%）· ⬜ 未启动 ${p.notStarted}（${p.notStartedRate}%）`,
    'stats.lights': (p: Lights & { days: number }) =>
      `🔴 已逾期 ${p.red} · 🟡 ${p.days} 个工作日内到期 ${p.yellow} · 🟢 ${p.green}`,
    'stats.closable': (p: { closable: number; closed: number }) =>
      `可销账方案 ${p.closable} 个 · 已销账 ${p.closed} 个`,
    'stats.byDomain': '*按改革领域*',
    'stats.byGroup': '*按专项小组*',
    'stats.row': (p: Counts & Tally & { name: string; bar: string; red: number }) =>
      `*${p.name}* · ${p.plans} 个方案 · ${p.items} 个事项\n${p.bar} ✅ ${p.done} · 🔄 ${p.started}（${p.startedRate}%）· ⬜ ${p.notStarted}（${p.notStartedRate}%）${p.red > 0 ? ` · 🔴 ${p.red}` : ''}`,
    'stats.noGroup': '（未指定小组）',
    'stats.more': (p: { count: number }) => `……另有 ${p.count} 个小组（命令行 \`reform-bot stats\` 可列出全部）。`,
    'stats.text': (p: { items: number; doneRate: string }) => `共 ${p.items} 个事项，已完成 ${p.doneRate}%`,
  },
});
