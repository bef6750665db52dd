// Scheduled messages of the jobs engineer's part: deadline reminders, the office admins' alerts
// about messages that could not be delivered, and the `run` / `outbox` commands.
import { defineCatalog } from '../define.ts';

type AlertParams = { id: number; kind: string; where: string; reason: string; replies: number; excerpt: string };

export const jobsCatalog = defineCatalog({
  en: {
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
