// Scheduled messages of the jobs engineer's part: deadline reminders, the office admins' alerts
// about messages that could not be delivered, and the `run` / `outbox` commands.
import { defineCatalog } from '../define.ts';

/** One fact of a job run, already in the reader's words (src/cli/commands/runDetails.ts). */
type Detail = { label: string; value: string };
type HealthAlertParams = { minutes: number; reason: string };
type AlertParams = { id: number; kind: string; where: string; reason: string; replies: number; excerpt: string };

export const jobsCatalog = defineCatalog({
  en: {
    // --- reform-bot run
    'cli.run.summary': 'Run a scheduled job now (or as of --at), then send what is due',
    'cli.run.help': [
      'Runs followups, reminders, digest, closeout or housekeeping as the scheduler would at that',
      'instant, prints what it queued, then sends every message that is due, waiting out short retry',
      'delays for at most about a minute. What still fails stays queued for the bot (or the next run) to send.',
      'Running a job twice for the same period sends nothing new: every message carries a key',
      '(kind, recipient, subject, period), e.g. the working day for reminders. housekeeping prunes',
      'history older than RETENTION_DAYS; an instant before the pruned history is refused.',
      '',
      'Options:',
      '  --at <date or instant>  the instant the job runs for (default: now): a date YYYY-MM-DD',
      '                          means 09:00 that day in REFORM_TZ; or ISO 8601 with an offset',
      '  --queue-only            queue the messages, do not send (no Slack token needed)',
      '',
      'Examples:',
      '  reform-bot run reminders',
      '  reform-bot run reminders --at 2026-12-07',
      '  reform-bot run digest --at 2026-11-30T09:00:00+08:00',
    ].join('\n'),
    'cli.run.unknownJob': (p: { job: string; jobs: string }) => `Unknown job "${p.job}". Jobs: ${p.jobs}`,
    'cli.run.badAt': (p: { value: string }) =>
      `--at: "${p.value}" is not a date (YYYY-MM-DD, e.g. 2026-11-27) and not an ISO 8601 instant with an offset (e.g. 2026-11-27T09:00:00+08:00)`,
    'cli.run.atDate': (p: { value: string; instant: string; time: string }) =>
      `--at ${p.value} → ${p.instant} (a date alone means ${p.time} that day in REFORM_TZ)`,
    'cli.run.noToken': 'SLACK_BOT_TOKEN is not set, so nothing can be sent. Set it, or use --queue-only.',
    'cli.run.ran': (p: { job: string; at: string; queued: number }) =>
      `${p.job} for ${p.at}: ${p.queued} message(s) queued.`,
    'cli.run.details': (p: { details: Detail[] }) => `  (${p.details.map((d) => `${d.label}: ${d.value}`).join(', ')})`,
    'cli.run.detail.today': 'today',
    'cli.run.detail.day': 'day',
    'cli.run.detail.period': 'week',
    'cli.run.detail.skipped': 'skipped',
    'cli.run.detail.ready': 'plans ready to close out',
    'cli.run.detail.proposed': 'proposed for close-out',
    'cli.run.detail.admins': 'office admins',
    'cli.run.detail.items': 'items',
    'cli.run.detail.doneRate': 'done %',
    'cli.run.detail.replies': 'thread replies',
    'cli.run.detail.people': 'people',
    'cli.run.detail.groupMessages': 'group messages',
    'cli.run.detail.longOverdue': 'long overdue',
    'cli.run.detail.plans': 'central plans awaiting an answer',
    'cli.run.detail.prompts': 'prompts',
    'cli.run.detail.chases': 'chases',
    'cli.run.detail.supervised': 'notices to the office',
    'cli.run.detail.chaseDay': 'chasing today',
    'cli.run.skipped.notWorkday': 'not a working day',
    'cli.run.skipped.noAdmins': 'no office admins',
    'cli.run.skipped.alreadyPosted': 'already posted this week',
    'cli.run.skipped.noDigestChannel': 'no digest channel',
    'cli.run.yes': 'yes',
    'cli.run.no': 'no',
    'cli.run.queuedRow': (p: { id: number; kind: string; target: string }) => `  #${p.id} ${p.kind} → ${p.target}`,
    'cli.run.queuedMore': (p: { count: number }) => `  … and ${p.count} more`,
    'cli.run.failed': (p: { job: string; message: string }) => `${p.job} failed: ${p.message}. Nothing was queued.`,
    'cli.run.queueOnly': 'Not sending (--queue-only): the bot sends queued messages when it runs.',
    'cli.run.sent': (p: { sent: number; failed: number; pending: number }) =>
      `Sent ${p.sent}, failed ${p.failed}, still queued ${p.pending}.`,
    'cli.run.failedRow': (p: { id: number; kind: string; target: string; error: string }) =>
      `  #${p.id} ${p.kind} → ${p.target}: ${p.error} (the office admins were told; \`reform-bot outbox --retry ${p.id}\` sends it again)`,
    'cli.run.stillQueued': (p: { count: number; at: string }) =>
      `${p.count} message(s) are still queued (next attempt ${p.at}); the running bot or the next \`reform-bot run\` sends them.`,
    'cli.run.blocked': (p: { reason: string }) =>
      `Slack refused the bot token (${p.reason}): nothing more was sent; the messages stay queued.`,
    'cli.run.recovered': (p: { count: number }) =>
      `${p.count} message(s) interrupted mid-send earlier were sent again (each may have arrived twice).`,
    // --- reform-bot outbox
    'cli.outbox.summary': 'List scheduled messages not yet delivered (or --failed), and requeue failed ones',
    'cli.outbox.help': [
      'Lists the outbox: messages waiting to be sent, being sent, and failed, with their kind,',
      'recipient, attempts and the last error. Sent messages are only counted.',
      '',
      'Options:',
      '  --failed        only failed messages',
      '  --json          machine-readable rows',
      '  --limit <n>     at most n rows (default 200)',
      '  --retry <ids>   requeue failed messages (comma-separated ids, or "all"), e.g. after',
      '                  inviting the bot to the channel; their thread replies come back too',
      '',
      'Examples:',
      '  reform-bot outbox --failed',
      '  reform-bot outbox --retry 12,15',
    ].join('\n'),
    'cli.outbox.counts': (p: { pending: number; sending: number; sent: number; failed: number }) =>
      `Outbox: ${p.pending} pending, ${p.sending} sending, ${p.sent} sent, ${p.failed} failed.`,
    'cli.outbox.empty': 'Nothing to list.',
    'cli.outbox.colId': 'Id',
    'cli.outbox.colState': 'State',
    'cli.outbox.colKind': 'Kind',
    'cli.outbox.colTarget': 'To',
    'cli.outbox.colAttempts': 'Attempts',
    'cli.outbox.colWhen': (p: { zone: string }) => `Next attempt / sending since (${p.zone})`,
    'cli.outbox.colError': 'Last error',
    'cli.outbox.badRetry': (p: { value: string }) => `--retry: "${p.value}" is not a list of message ids or "all"`,
    'cli.outbox.badLimit': (p: { value: string }) => `--limit: "${p.value}" is not a positive whole number`,
    'cli.outbox.retried': (p: { count: number }) =>
      `${p.count} message(s) queued again; the running bot or the next \`reform-bot run\` sends them.`,
    'outbox.state.pending': 'pending',
    'outbox.state.sending': 'sending',
    'outbox.state.sent': 'sent',
    'outbox.state.failed': 'failed',
    // --- deadline reminders
    'jobs.reminder.title': (p: { day: string }) => `Deadline reminder · ${p.day}`,
    'jobs.reminder.groupTitle': (p: { day: string; group: string }) => `Group ${p.group} deadlines · ${p.day}`,
    'jobs.reminder.summary': (p: { red: number; yellow: number }) =>
      `You are responsible for *${p.red} overdue* and *${p.yellow} due soon* item${p.red + p.yellow === 1 ? '' : 's'}. Update them straight from here.`,
    'jobs.reminder.groupSummary': (p: { red: number; yellow: number; group: string }) =>
      `As leader of *${p.group}*: *${p.red} overdue* and *${p.yellow} due soon* item${p.red + p.yellow === 1 ? '' : 's'} in the group's plans.`,
    'jobs.reminder.text': (p: { red: number; yellow: number }) =>
      `Deadline reminder: ${p.red} overdue, ${p.yellow} due soon`,
    'jobs.reminder.groupText': (p: { red: number; yellow: number; group: string }) =>
      `${p.group}: ${p.red} overdue, ${p.yellow} due soon`,
    'jobs.reminder.overdue': (p: { date: string; days: number }) =>
      p.days > 0
        ? `overdue since ${p.date} (${p.days} working day${p.days === 1 ? '' : 's'})`
        : `overdue since ${p.date}`,
    'jobs.reminder.dueSoon': (p: { date: string }) => `due ${p.date}`,
    'jobs.reminder.markStarted': 'Mark started',
    'jobs.reminder.markDone': 'Mark done',
    'jobs.reminder.update': 'Update…',
    /** A line changed from the reminder itself: status · who · when. */
    'jobs.reminder.lineChanged': (p: { status: string; who: string; when: string }) =>
      `${p.status} · ${p.who} · ${p.when}`,
    'jobs.reminder.more': (p: { count: number }) => `…and ${p.count} more. See them all with \`/reform mine\`.`,
    'jobs.reminder.footer': 'Reminders come on working days only. See all your items with `/reform mine`.',
    'jobs.reminder.adminTitle': (p: { day: string }) => `Long-overdue items · ${p.day}`,
    'jobs.reminder.adminSummary': (p: { count: number; threshold: number }) =>
      `*${p.count}* item${p.count === 1 ? ' is' : 's are'} overdue by more than ${p.threshold} working days (the worst first):`,
    'jobs.reminder.adminText': (p: { count: number; threshold: number }) =>
      `${p.count} items overdue by more than ${p.threshold} working days`,
    'jobs.reminder.adminMore': (p: { count: number }) =>
      `…and ${p.count} more. \`reform-bot stats\` gives the full picture.`,
    // --- admin alerts (outbox failures)
    'jobs.alert.text': (p: AlertParams) =>
      `reform-bot could not deliver a scheduled message (#${p.id}, ${p.kind}) to ${p.where}: ${p.reason}`,
    'jobs.alert.title': 'A scheduled message could not be delivered',
    'jobs.alert.detail': (p: AlertParams) =>
      `*Message #${p.id}* (${p.kind}) to ${p.where}\n*Slack said:* \`${p.reason}\`` +
      (p.replies > 0
        ? `\nIts ${p.replies} thread repl${p.replies === 1 ? 'y was' : 'ies were'} not sent either.`
        : '') +
      (p.excerpt ? `\n>${p.excerpt}` : ''),
    'jobs.alert.notInChannel': (p: { where: string }) =>
      `I am not a member of ${p.where}, so I cannot post there. Invite me with \`/invite @reform-bot\` in that channel.`,
    'jobs.alert.channelNotFound': (p: { where: string }) =>
      `I cannot find ${p.where}: it was deleted, renamed to another id, or is private without me. Check the channel in the org file, or invite me.`,
    'jobs.alert.archived': (p: { where: string }) =>
      `${p.where} is archived. Unarchive it or set another channel in the org file.`,
    'jobs.alert.userNotFound': (p: { where: string }) =>
      `Slack does not know ${p.where} (left the workspace?). Update the org file.`,
    'jobs.alert.malformed':
      'The message itself was refused by Slack. This is a bug in reform-bot: please report it with the message number.',
    'jobs.alert.gaveUp': 'Slack kept failing for a day, so I stopped trying.',
    'jobs.alert.other': 'Slack refused this message.',
    'jobs.alert.retryHint': (p: { id: number }) =>
      `Once fixed, send it again with \`reform-bot outbox --retry ${p.id}\`.`,

    // --- health alerts (src/health): told once per outage, sent directly, not through the outbox
    'health.alert.delivery': (p: HealthAlertParams) =>
      `:warning: reform-bot cannot deliver messages to Slack: posting has been failing for ${p.minutes} minutes (${p.reason}). Scheduled messages stay queued and go out once Slack answers again.`,
    'health.alert.writes': (p: HealthAlertParams) =>
      `:warning: reform-bot's database has not been able to take writes for ${p.minutes} minutes (${p.reason}). Check the disk, the file's permissions, and any long-running reform-bot command.`,
  },
  'zh-CN': {
    'cli.run.summary': '立即（或按 --at 指定时刻）运行一项定时任务，并发送到期的消息',
    'cli.run.help': [
      '按调度器在该时刻的方式运行 followups、reminders、digest、closeout 或 housekeeping，列出排队的消息，',
      '然后发送所有到期消息，短暂的重试等待最多约一分钟。仍然失败的消息留在队列中，由机器人（或下次运行）发送。',
      '同一周期内重复运行不会发送新消息：每条消息都有键（类型、接收人、主题、周期），如提醒按工作日。',
      'housekeeping 清理早于 RETENTION_DAYS 的历史；早于已清理历史的时刻会被拒绝。',
      '',
      '选项：',
      '  --at <日期或时刻>  任务运行的时刻（默认：现在）：只给日期 YYYY-MM-DD 时为 REFORM_TZ',
      '                    当天 09:00；也可给带时区偏移的 ISO 8601 时刻',
      '  --queue-only      只排队不发送（无需 Slack 令牌）',
      '',
      '示例：',
      '  reform-bot run reminders',
      '  reform-bot run reminders --at 2026-12-07',
      '  reform-bot run digest --at 2026-11-30T09:00:00+08:00',
    ].join('\n'),
    'cli.run.unknownJob': (p: { job: string; jobs: string }) => `未知任务“${p.job}”。可用任务：${p.jobs}`,
    'cli.run.badAt': (p: { value: string }) =>
      `--at：“${p.value}”既不是日期（YYYY-MM-DD，例如 2026-11-27），也不是带时区偏移的 ISO 8601 时刻（例如 2026-11-27T09:00:00+08:00）`,
    'cli.run.atDate': (p: { value: string; instant: string; time: string }) =>
      `--at ${p.value} → ${p.instant}（只给日期时按 REFORM_TZ 当天 ${p.time} 计）`,
    'cli.run.noToken': '未设置 SLACK_BOT_TOKEN，无法发送。请设置，或使用 --queue-only。',
    'cli.run.ran': (p: { job: string; at: string; queued: number }) => `${p.job}（${p.at}）：排队 ${p.queued} 条消息。`,
    'cli.run.details': (p: { details: Detail[] }) =>
      `  （${p.details.map((d) => `${d.label}：${d.value}`).join('，')}）`,
    'cli.run.detail.today': '今天',
    'cli.run.detail.day': '日期',
    'cli.run.detail.period': '周次',
    'cli.run.detail.skipped': '未运行',
    'cli.run.detail.ready': '可销账方案',
    'cli.run.detail.proposed': '提请销账方案',
    'cli.run.detail.admins': '改革办人员',
    'cli.run.detail.items': '事项',
    'cli.run.detail.doneRate': '完成率（%）',
    'cli.run.detail.replies': '跟帖回复',
    'cli.run.detail.people': '人员',
    'cli.run.detail.groupMessages': '专项小组消息',
    'cli.run.detail.longOverdue': '长期逾期',
    'cli.run.detail.plans': '待报送的中央方案',
    'cli.run.detail.prompts': '对接提示',
    'cli.run.detail.chases': '督办提醒',
    'cli.run.detail.supervised': '告知改革办',
    'cli.run.detail.chaseDay': '今天督办',
    'cli.run.skipped.notWorkday': '非工作日',
    'cli.run.skipped.noAdmins': '未设改革办人员',
    'cli.run.skipped.alreadyPosted': '本周已发布',
    'cli.run.skipped.noDigestChannel': '未设周报频道',
    'cli.run.yes': '是',
    'cli.run.no': '否',
    'cli.run.queuedRow': (p: { id: number; kind: string; target: string }) => `  #${p.id} ${p.kind} → ${p.target}`,
    'cli.run.queuedMore': (p: { count: number }) => `  ……另有 ${p.count} 条`,
    'cli.run.failed': (p: { job: string; message: string }) => `${p.job} 运行失败：${p.message}。未排队任何消息。`,
    'cli.run.queueOnly': '未发送（--queue-only）：机器人运行时会发送排队的消息。',
    'cli.run.sent': (p: { sent: number; failed: number; pending: number }) =>
      `已发送 ${p.sent} 条，失败 ${p.failed} 条，仍在队列 ${p.pending} 条。`,
    'cli.run.failedRow': (p: { id: number; kind: string; target: string; error: string }) =>
      `  #${p.id} ${p.kind} → ${p.target}：${p.error}（已通知改革办管理员；可用 \`reform-bot outbox --retry ${p.id}\` 重新发送）`,
    'cli.run.stillQueued': (p: { count: number; at: string }) =>
      `${p.count} 条消息仍在队列中（下次尝试 ${p.at}），由运行中的机器人或下次 \`reform-bot run\` 发送。`,
    'cli.run.blocked': (p: { reason: string }) => `Slack 拒绝了机器人令牌（${p.reason}）：未再发送，消息保留在队列中。`,
    'cli.run.recovered': (p: { count: number }) => `此前发送中断的 ${p.count} 条消息已重新发送（可能重复送达）。`,
    'cli.outbox.summary': '列出尚未送达（或 --failed 失败）的定时消息，并可重新排队失败的消息',
    'cli.outbox.help': [
      '列出发件箱：待发送、发送中和失败的消息，含类型、接收人、尝试次数和最近错误。已发送的只计数。',
      '',
      '选项：',
      '  --failed        只列失败的消息',
      '  --json          输出机器可读的行',
      '  --limit <n>     最多 n 行（默认 200）',
      '  --retry <编号>  重新排队失败的消息（逗号分隔的编号，或 all），例如邀请机器人入频道后；',
      '                  其跟帖回复一并恢复',
      '',
      '示例：',
      '  reform-bot outbox --failed',
      '  reform-bot outbox --retry 12,15',
    ].join('\n'),
    'cli.outbox.counts': (p: { pending: number; sending: number; sent: number; failed: number }) =>
      `发件箱：待发送 ${p.pending}，发送中 ${p.sending}，已发送 ${p.sent}，失败 ${p.failed}。`,
    'cli.outbox.empty': '没有可列出的消息。',
    'cli.outbox.colId': '编号',
    'cli.outbox.colState': '状态',
    'cli.outbox.colKind': '类型',
    'cli.outbox.colTarget': '发往',
    'cli.outbox.colAttempts': '尝试次数',
    'cli.outbox.colWhen': (p: { zone: string }) => `下次尝试 / 开始发送时间（${p.zone}）`,
    'cli.outbox.colError': '最近错误',
    'cli.outbox.badRetry': (p: { value: string }) => `--retry：“${p.value}”不是消息编号列表或 all`,
    'cli.outbox.badLimit': (p: { value: string }) => `--limit：“${p.value}”不是正整数`,
    'cli.outbox.retried': (p: { count: number }) =>
      `已重新排队 ${p.count} 条消息，由运行中的机器人或下次 \`reform-bot run\` 发送。`,
    'outbox.state.pending': '待发送',
    'outbox.state.sending': '发送中',
    'outbox.state.sent': '已发送',
    'outbox.state.failed': '失败',
    'jobs.reminder.title': (p: { day: string }) => `到期提醒 · ${p.day}`,
    'jobs.reminder.groupTitle': (p: { day: string; group: string }) => `专项小组 ${p.group} 到期事项 · ${p.day}`,
    'jobs.reminder.summary': (p: { red: number; yellow: number }) =>
      `您负责的事项中有 *${p.red} 项已逾期* 、 *${p.yellow} 项即将到期* ，可直接在此更新。`,
    'jobs.reminder.groupSummary': (p: { red: number; yellow: number; group: string }) =>
      `您牵头的 *${p.group}* 有 *${p.red} 项已逾期* 、 *${p.yellow} 项即将到期* 。`,
    'jobs.reminder.text': (p: { red: number; yellow: number }) => `到期提醒：${p.red} 项已逾期，${p.yellow} 项即将到期`,
    'jobs.reminder.groupText': (p: { red: number; yellow: number; group: string }) =>
      `${p.group}：${p.red} 项已逾期，${p.yellow} 项即将到期`,
    'jobs.reminder.overdue': (p: { date: string; days: number }) =>
      p.days > 0 ? `${p.date} 到期，已逾期 ${p.days} 个工作日` : `${p.date} 到期，已逾期`,
    'jobs.reminder.dueSoon': (p: { date: string }) => `${p.date} 到期`,
    'jobs.reminder.markStarted': '标记已启动',
    'jobs.reminder.markDone': '标记已完成',
    'jobs.reminder.update': '更新…',
    /** A line changed from the reminder itself: status · who · when. */
    'jobs.reminder.lineChanged': (p: { status: string; who: string; when: string }) =>
      `${p.status} · ${p.who} · ${p.when}`,
    'jobs.reminder.more': (p: { count: number }) => `……另有 ${p.count} 项。用 \`/reform mine\` 查看全部。`,
    'jobs.reminder.footer': '提醒仅在工作日发送。用 `/reform mine` 查看您的全部事项。',
    'jobs.reminder.adminTitle': (p: { day: string }) => `长期逾期事项 · ${p.day}`,
    'jobs.reminder.adminSummary': (p: { count: number; threshold: number }) =>
      `共 *${p.count}* 项逾期超过 ${p.threshold} 个工作日（按严重程度排列）：`,
    'jobs.reminder.adminText': (p: { count: number; threshold: number }) =>
      `${p.count} 项逾期超过 ${p.threshold} 个工作日`,
    'jobs.reminder.adminMore': (p: { count: number }) => `……另有 ${p.count} 项。完整情况见 \`reform-bot stats\`。`,
    'jobs.alert.text': (p: AlertParams) =>
      `reform-bot 未能发送一条定时消息（#${p.id}，${p.kind}）至 ${p.where}：${p.reason}`,
    'jobs.alert.title': '一条定时消息未能送达',
    'jobs.alert.detail': (p: AlertParams) =>
      `*消息 #${p.id}* （${p.kind}）发往 ${p.where}\n*Slack 返回：* \`${p.reason}\`` +
      (p.replies > 0 ? `\n其下 ${p.replies} 条跟帖回复也未发送。` : '') +
      (p.excerpt ? `\n>${p.excerpt}` : ''),
    'jobs.alert.notInChannel': (p: { where: string }) =>
      `我不在 ${p.where} 频道中，无法发消息。请在该频道用 \`/invite @reform-bot\` 邀请我。`,
    'jobs.alert.channelNotFound': (p: { where: string }) =>
      `找不到 ${p.where}：频道可能已删除、更换，或为未邀请我的私有频道。请核对组织文件中的频道，或邀请我加入。`,
    'jobs.alert.archived': (p: { where: string }) => `${p.where} 已归档。请取消归档，或在组织文件中改用其他频道。`,
    'jobs.alert.userNotFound': (p: { where: string }) =>
      `Slack 中找不到 ${p.where}（可能已离开工作区）。请更新组织文件。`,
    'jobs.alert.malformed': '消息本身被 Slack 拒绝，这是 reform-bot 的缺陷，请连同消息编号反馈。',
    'jobs.alert.gaveUp': 'Slack 连续一天出错，已停止重试。',
    'jobs.alert.other': 'Slack 拒绝了这条消息。',
    'jobs.alert.retryHint': (p: { id: number }) => `问题解决后，可用 \`reform-bot outbox --retry ${p.id}\` 重新发送。`,

    // --- health alerts (src/health)
    'health.alert.delivery': (p: HealthAlertParams) =>
      `:warning: reform-bot 无法向 Slack 发送消息：已连续失败 ${p.minutes} 分钟（${p.reason}）。定时消息仍在队列中，Slack 恢复后会自动发出。`,
    'health.alert.writes': (p: HealthAlertParams) =>
      `:warning: reform-bot 的数据库已有 ${p.minutes} 分钟无法正常写入（${p.reason}）。请检查磁盘空间、数据库文件权限，以及是否有长时间运行的 reform-bot 命令。`,
  },
});
