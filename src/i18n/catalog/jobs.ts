// Scheduled messages of the jobs engineer's part: deadline reminders, the office admins' alerts
// about messages that could not be delivered, and the `run` / `outbox` commands.
import { defineCatalog } from '../define.ts';

type AlertParams = { id: number; kind: string; where: string; reason: string; replies: number; excerpt: string };

export const jobsCatalog = defineCatalog({
  en: {
    // --- deadline reminders
    'jobs.reminder.title': (p: { day: string }) => `Deadline reminder · ${p.day}`,
    'jobs.reminder.groupTitle': (p: { day: string; group: string }) => `Group ${p.group} deadlines · ${p.day}`,
    'jobs.reminder.summary': (p: { red: number; yellow: number }) =>
      `You are responsible for *${p.red} overdue* and *${p.yellow} due soon* item${p.red + p.yellow === 1 ? '' : 's'}. Update them straight from here.`,
    'jobs.reminder.groupSummary': (p: { red: number; yellow: number; group: string }) =>
      `As leader of *${p.group}*: *${p.red} overdue* and *${p.yellow} due soon* item${p.red + p.yellow === 1 ? '' : 's'} in the group's plans.`,
    'jobs.reminder.text': (p: { red: number; yellow: number }) => `Deadline reminder: ${p.red} overdue, ${p.yellow} due soon`,
    'jobs.reminder.groupText': (p: { red: number; yellow: number; group: string }) => `${p.group}: ${p.red} overdue, ${p.yellow} due soon`,
    'jobs.reminder.overdue': (p: { date: string; days: number }) =>
      p.days > 0 ? `overdue since ${p.date} (${p.days} working day${p.days === 1 ? '' : 's'})` : `overdue since ${p.date}`,
    'jobs.reminder.dueSoon': (p: { date: string }) => `due ${p.date}`,
    'jobs.reminder.markStarted': 'Mark started',
    'jobs.reminder.markDone': 'Mark done',
    'jobs.reminder.update': 'Update…',
    'jobs.reminder.more': (p: { count: number }) => `…and ${p.count} more. See them all with \`/reform mine\`.`,
    'jobs.reminder.footer': 'Reminders come on working days only. See all your items with `/reform mine`.',
    'jobs.reminder.adminTitle': (p: { day: string }) => `Long-overdue items · ${p.day}`,
    'jobs.reminder.adminSummary': (p: { count: number; threshold: number }) =>
      `*${p.count}* item${p.count === 1 ? ' is' : 's are'} overdue by more than ${p.threshold} working days (the worst first):`,
    'jobs.reminder.adminText': (p: { count: number; threshold: number }) => `${p.count} items overdue by more than ${p.threshold} working days`,
    'jobs.reminder.adminMore': (p: { count: number }) => `…and ${p.count} more. \`reform-bot stats\` gives the full picture.`,
    // --- admin alerts (outbox failures)
    'jobs.alert.text': (p: AlertParams) => `reform-bot could not deliver a scheduled message (#${p.id}, ${p.kind}) to ${p.where}: ${p.reason}`,
    'jobs.alert.title': 'A scheduled message could not be delivered',
    'jobs.alert.detail': (p: AlertParams) =>
      `*Message #${p.id}* (${p.kind}) to ${p.where}\n*Slack said:* \`${p.reason}\`` +
      (p.replies > 0 ? `\nIts ${p.replies} thread repl${p.replies === 1 ? 'y was' : 'ies were'} not sent either.` : '') +
      (p.excerpt ? `\n>${p.excerpt}` : ''),
    'jobs.alert.notInChannel': (p: { where: string }) =>
      `I am not a member of ${p.where}, so I cannot post there. Invite me with \`/invite @reform-bot\` in that channel.`,
    'jobs.alert.channelNotFound': (p: { where: string }) =>
      `I cannot find ${p.where}: it was deleted, renamed to another id, or is private without me. Check the channel in the org file, or invite me.`,
    'jobs.alert.archived': (p: { where: string }) => `${p.where} is archived. Unarchive it or set another channel in the org file.`,
    'jobs.alert.userNotFound': (p: { where: string }) => `Slack does not know ${p.where} (left the workspace?). Update the org file.`,
    'jobs.alert.malformed': 'The message itself was refused by Slack. This is a bug in reform-bot: please report it with the message number.',
    'jobs.alert.gaveUp': 'Slack kept failing for a day, so I stopped trying.',
    'jobs.alert.other': 'Slack refused this message.',
    'jobs.alert.retryHint': (p: { id: number }) => `Once fixed, send it again with \`reform-bot outbox --retry ${p.id}\`.`,
  },
  'zh-CN': {
    'jobs.reminder.title': (p: { day: string }) => `到期提醒 · ${p.day}`,
    'jobs.reminder.groupTitle': (p: { day: string; group: string }) => `专项小组 ${p.group} 到期事项 · ${p.day}`,
    'jobs.reminder.summary': (p: { red: number; yellow: number }) =>
      `您负责的事项中，*${p.red} 项已逾期*，*${p.yellow} 项即将到期*。可直接在此更新。`,
    'jobs.reminder.groupSummary': (p: { red: number; yellow: number; group: string }) =>
      `您牵头的 *${p.group}*：*${p.red} 项已逾期*，*${p.yellow} 项即将到期*。`,
    'jobs.reminder.text': (p: { red: number; yellow: number }) => `到期提醒：${p.red} 项已逾期，${p.yellow} 项即将到期`,
    'jobs.reminder.groupText': (p: { red: number; yellow: number; group: string }) => `${p.group}：${p.red} 项已逾期，${p.yellow} 项即将到期`,
    'jobs.reminder.overdue': (p: { date: string; days: number }) =>
      p.days > 0 ? `${p.date} 到期，已逾期 ${p.days} 个工作日` : `${p.date} 到期，已逾期`,
    'jobs.reminder.dueSoon': (p: { date: string }) => `${p.date} 到期`,
    'jobs.reminder.markStarted': '标记已启动',
    'jobs.reminder.markDone': '标记已完成',
    'jobs.reminder.update': '更新…',
    'jobs.reminder.more': (p: { count: number }) => `……另有 ${p.count} 项。用 \`/reform mine\` 查看全部。`,
    'jobs.reminder.footer': '提醒仅在工作日发送。用 `/reform mine` 查看您的全部事项。',
    'jobs.reminder.adminTitle': (p: { day: string }) => `长期逾期事项 · ${p.day}`,
    'jobs.reminder.adminSummary': (p: { count: number; threshold: number }) => `共 *${p.count}* 项逾期超过 ${p.threshold} 个工作日（按严重程度排列）：`,
    'jobs.reminder.adminText': (p: { count: number; threshold: number }) => `${p.count} 项逾期超过 ${p.threshold} 个工作日`,
    'jobs.reminder.adminMore': (p: { count: number }) => `……另有 ${p.count} 项。完整情况见 \`reform-bot stats\`。`,
    'jobs.alert.text': (p: AlertParams) => `reform-bot 未能发送一条定时消息（#${p.id}，${p.kind}）至 ${p.where}：${p.reason}`,
    'jobs.alert.title': '一条定时消息未能送达',
    'jobs.alert.detail': (p: AlertParams) =>
      `*消息 #${p.id}*（${p.kind}）发往 ${p.where}\n*Slack 返回：* \`${p.reason}\`` +
      (p.replies > 0 ? `\n其下 ${p.replies} 条跟帖回复也未发送。` : '') +
      (p.excerpt ? `\n>${p.excerpt}` : ''),
    'jobs.alert.notInChannel': (p: { where: string }) => `我不在 ${p.where} 频道中，无法发消息。请在该频道用 \`/invite @reform-bot\` 邀请我。`,
    'jobs.alert.channelNotFound': (p: { where: string }) =>
      `找不到 ${p.where}：频道可能已删除、更换，或为未邀请我的私有频道。请核对组织文件中的频道，或邀请我加入。`,
    'jobs.alert.archived': (p: { where: string }) => `${p.where} 已归档。请取消归档，或在组织文件中改用其他频道。`,
    'jobs.alert.userNotFound': (p: { where: string }) => `Slack 中找不到 ${p.where}（可能已离开工作区）。请更新组织文件。`,
    'jobs.alert.malformed': '消息本身被 Slack 拒绝，这是 reform-bot 的缺陷，请连同消息编号反馈。',
    'jobs.alert.gaveUp': 'Slack 连续一天出错，已停止重试。',
    'jobs.alert.other': 'Slack 拒绝了这条消息。',
    'jobs.alert.retryHint': (p: { id: number }) => `问题解决后，可用 \`reform-bot outbox --retry ${p.id}\` 重新发送。`,
  },
});
