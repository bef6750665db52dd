import { defineCatalog } from '../define.ts';

/** A lease holder as `cli.lease.holder` names it. */
interface LeaseHolderText {
  command: string;
  pid: number;
  host: string;
  since: string;
  heartbeatAgoS: number;
}

export const cliCatalog = defineCatalog({
  en: {
    'cli.overviewTitle': 'reform-bot: checklist-style precision supervision of reform plans',
    'cli.overviewFooter': 'Run `reform-bot <command> --help` for the options and an example of each command.',
    'cli.usageLine': (p: { usage: string }) => `Usage: ${p.usage}`,
    'cli.overviewUsage': 'reform-bot <command> [options]',
    'cli.group.usage': (p: { group: string }) => `reform-bot ${p.group} <subcommand> [options]`,
    'cli.group.footer': (p: { group: string }) =>
      `Run \`reform-bot ${p.group} <subcommand> --help\` for the options and an example of each.`,
    'cli.group.missing': (p: { group: string }) => `reform-bot ${p.group} needs a subcommand:`,
    'cli.unknownCommand': (p: { command: string }) => `Unknown command: ${p.command}`,
    'cli.wrongArgCount': (p: { command: string; min: number; max: number; got: number }) =>
      `${p.command}: expected ${p.min === p.max ? p.min : `${p.min} to ${p.max}`} argument(s), got ${p.got}`,
    'cli.failed': (p: { command: string; message: string }) => `${p.command} failed: ${p.message}`,
    'cli.cannotRead': (p: { file: string; message: string }) => `Cannot read ${p.file}: ${p.message}`,
    'cli.importOrg.summary': 'Import or update the org file: admins, digest channel, special groups, departments',
    'cli.importOrg.help': [
      'Reads a YAML org file and upserts it: running it twice changes nothing. Groups and departments',
      'named in the file get exactly the people it lists; those it does not name are kept.',
      'Nothing is written when the file has an error; each error names its path.',
      'Without an `admins:` key the admins stay as they are. A file that would leave no admin',
      '(`admins: []`) is refused unless --allow-no-admin is given.',
      '',
      'Example:',
      '  reform-bot import-org org.yml',
    ].join('\n'),
    'cli.importOrg.invalid': (p: { file: string; count: number }) =>
      `${p.file}: ${p.count} error(s), nothing was imported:`,
    'cli.importOrg.summaryLine': (p: Record<string, number>) =>
      `Groups: ${p.groupsCreated} created, ${p.groupsUpdated} updated, ${p.groupsUnchanged} unchanged. ` +
      `Departments: ${p.departmentsCreated} created, ${p.departmentsUpdated} updated, ${p.departmentsUnchanged} unchanged. ` +
      `Admins: ${p.adminsAdded} added, ${p.adminsRemoved} removed.`,
    // import-org and the last admin (README "The org file")
    'cli.importOrg.adminsKept': 'The file has no `admins:` key: the admins were left as they are.',
    'cli.importOrg.lastAdmin': (p: { file: string; admins: string }) =>
      `${p.file}: \`admins:\` is empty, which would remove the last admin(s) (${p.admins}) and leave nobody able to manage the bot. Nothing was imported. List at least one admin, or run again with --allow-no-admin if that is really meant.`,
    'cli.start.summary': 'Start the bot (Socket Mode with SLACK_APP_TOKEN, otherwise HTTP on PORT)',
    'cli.start.help': [
      'Opens (creating and migrating) the database, connects to Slack and runs the scheduler.',
      'Needs SLACK_BOT_TOKEN, and SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).',
      'SIGTERM stops it cleanly.',
      '',
      'Example:',
      '  SLACK_BOT_TOKEN=xoxb-... SLACK_APP_TOKEN=xapp-... SLACK_SIGNING_SECRET=... reform-bot start',
    ].join('\n'),
    'cli.badDate': (p: { option: string; value: string }) => `${p.option}: "${p.value}" is not a date (YYYY-MM-DD)`,
    'cli.stats.summary': 'Completion statistics: done / started / not started per domain, per group and overall',
    'cli.stats.help': [
      "Counts are the items' current statuses; percentages have one decimal, rounded half up.",
      '--as-of sets the day the traffic lights are judged against (default: today in REFORM_TZ).',
      '--json prints the figures as JSON (asOf, plans, items, done, started, notStarted, the rates,',
      'closablePlans, lights, byDomain, byGroup; each group with its code and name; forecast).',
      '--by department|group prints the on-time completion ranking instead, with the movement',
      'since the same day a week before and the overdue count (README "Ranking").',
      'The last line is the forecast: the pace of the last four weeks and the pace needed by',
      'OFFICE_TARGET_DATE (README "Progress chart").',
      '',
      'Examples:',
      '  reform-bot stats',
      '  reform-bot stats --json --as-of 2016-06-30',
      '  reform-bot stats --by department',
    ].join('\n'),
    'cli.stats.title': (p: { asOf: string }) => `Supervision statistics as of ${p.asOf}`,
    'cli.stats.byDomain': 'By reform domain',
    'cli.stats.byGroup': 'By special group',
    'cli.stats.colName': 'Name',
    'cli.stats.colPlans': 'Plans',
    'cli.stats.colItems': 'Items',
    'cli.stats.lightsLine': (p: { red: number; yellow: number; green: number; yellowWorkdays: number }) =>
      `Traffic lights: ${p.red} overdue, ${p.yellow} due within ${p.yellowWorkdays} working days, ${p.green} on track`,
    'cli.stats.closableLine': (p: { closable: number; closed: number }) =>
      `Plans with every item done, ready to close out: ${p.closable}; closed out: ${p.closed}`,
    'cli.backup.summary': 'Make a consistent copy of the database, also while the bot runs',
    'cli.backup.help': [
      "Copies the database in one step (SQLite's VACUUM INTO, a snapshot: the bot keeps writing meanwhile),",
      'to a temporary file renamed onto the target when complete (readable by this user only), then checks',
      'the copy (integrity_check). Keep copies off this machine.',
      '',
      'Options:',
      '  --keep <N>  the target is a folder: the copy is named reform-bot-<YYYYMMDD>-<HHMMSS>.db (REFORM_TZ)',
      '              and only the newest N files so named are kept; nothing else in the folder is touched',
      '',
      'Examples:',
      '  reform-bot backup backups/reform-bot-2026-11-27.db',
      '  reform-bot backup /var/backups/reform-bot --keep 14',
    ].join('\n'),
    'cli.backup.sameFile': 'The backup file must not be the database itself',
    'cli.backup.checkFailed': (p: { file: string; problems: string }) =>
      `The copy ${p.file} failed its check: ${p.problems}`,
    'cli.backup.done': (p: { file: string }) => `Backup written and checked: ${p.file}`,
    'cli.restore.summary': 'Put a backup back in place of the database (stop the bot first)',
    'cli.restore.help': [
      "Checks the file (a SQLite database, intact, with reform-bot's tables) and refuses it otherwise.",
      'The current database is kept as <database>.before-restore; the restored one is migrated to this version.',
      'Stop the bot before restoring and start it again afterwards: restore refuses while a bot holds the',
      "database, and the restored file carries no bot's lease.",
      '',
      'Options:',
      "  --force  restore although a bot on ANOTHER host still holds the database's lease, when you know",
      '           it is stopped (never while its process runs on this host)',
      '',
      'Example:',
      '  reform-bot restore backups/reform-bot-2026-11-27.db',
    ].join('\n'),
    'cli.restore.refused': (p: { file: string; problems: string }) => `Not restored: ${p.file}: ${p.problems}`,
    'cli.restore.done': (p: { file: string; database: string; previous: string }) =>
      `Restored ${p.file} to ${p.database}; the previous database is kept as ${p.previous}`,
    'cli.restore.pendingSetAside': (p: { count: number; folder: string }) =>
      `${p.count} Slack change(s) that were waiting for the replaced database were set aside in ${p.folder}; they are not applied to the restored one`,
    'cli.template.summary':
      "Write an empty ledger (工作台账) to fill in: the office's layout, dropdowns and instructions",
    'cli.template.help': [
      "Writes an XLSX with a 台账/Ledger sheet in the office's layout (序号, 方案名称, 改革领域, 牵头专项小组,",
      '牵头单位, 具体改革事项, 责任单位, 配合单位, 完成时限, 落实情况, 备注) under a title row, with',
      'dropdowns on 落实情况 and 改革领域, and a 填表说明/Instructions sheet explaining each column.',
      'Fill it in and load it with `reform-bot import`; the import reads the ledger sheet only.',
      '',
      'Options:',
      '  --headers zh|en  header texts and dropdown words (default: zh, as offices write them)',
      '  --force          replace the file if it exists',
      '',
      'Examples:',
      '  reform-bot template 2027台账.xlsx',
      '  reform-bot template ledger.xlsx --headers en',
    ].join('\n'),
    'cli.template.badFormat': (p: { file: string }) => `${p.file}: the template must end in .xlsx`,
    'cli.template.exists': (p: { file: string }) =>
      `${p.file} already exists; nothing was written. Use --force to replace it.`,
    'cli.template.done': (p: { file: string; sheet: string }) =>
      `Wrote the empty ledger ${p.file}: fill in the "${p.sheet}" sheet, then run reform-bot import ${p.file}`,
    // One bot per database (src/lease): who holds the file, and why start/restore refuse.
    'cli.lease.holder': (p: LeaseHolderText) =>
      `reform-bot ${p.command} (pid ${p.pid} on host ${p.host}, since ${p.since}, last heartbeat ${p.heartbeatAgoS} s ago)`,
    'cli.lease.startRefused': (p: { database: string; holder: string }) =>
      `Not started: ${p.database} is in use by ${p.holder}. One bot per database: stop that process first. ` +
      '(A bot that was killed frees the database at once on this host, otherwise BOT_LEASE_TTL_MS after its last heartbeat.)',
    'cli.lease.restoreRefused': (p: { database: string; holder: string; otherHost: boolean }) =>
      `Not restored: ${p.database} is in use by ${p.holder}. Stop the bot, then restore.` +
      (p.otherHost ? ' If it runs on another host and you know it is stopped, add --force.' : ''),
    'cli.lease.restoreForceRefused': (p: { database: string; holder: string }) =>
      `Not restored, even with --force: ${p.holder} is running on this host and holds ${p.database}. Stop it first.`,
    'cli.lease.restoreOverriding': (p: { database: string; holder: string }) =>
      `--force: replacing ${p.database} although ${p.holder} still holds its lease`,
  },
  'zh-CN': {
    'cli.overviewTitle': 'reform-bot：专项改革方案“清单式”精准督察',
    'cli.overviewFooter': '运行 `reform-bot <命令> --help` 查看各命令的选项和示例。',
    'cli.usageLine': (p: { usage: string }) => `用法：${p.usage}`,
    'cli.overviewUsage': 'reform-bot <命令> [选项]',
    'cli.group.usage': (p: { group: string }) => `reform-bot ${p.group} <子命令> [选项]`,
    'cli.group.footer': (p: { group: string }) =>
      `运行 \`reform-bot ${p.group} <子命令> --help\` 查看各子命令的选项和示例。`,
    'cli.group.missing': (p: { group: string }) => `reform-bot ${p.group} 需要指定子命令：`,
    'cli.unknownCommand': (p: { command: string }) => `未知命令：${p.command}`,
    'cli.wrongArgCount': (p: { command: string; min: number; max: number; got: number }) =>
      `${p.command}：需要 ${p.min === p.max ? p.min : `${p.min} 至 ${p.max}`} 个参数，实际 ${p.got} 个`,
    'cli.failed': (p: { command: string; message: string }) => `${p.command} 执行失败：${p.message}`,
    'cli.cannotRead': (p: { file: string; message: string }) => `无法读取 ${p.file}：${p.message}`,
    'cli.importOrg.summary': '导入或更新组织文件：改革办人员、周报频道、专项小组、省直部门',
    'cli.importOrg.help': [
      '读取 YAML 组织文件并更新：重复运行结果不变。文件中列出的专项小组和部门，',
      '其人员以文件为准；文件未列出的小组和部门保持不变。',
      '文件有任何错误时不写入任何内容，每条错误注明位置。',
      '文件没有 admins 项时，改革办人员保持不变。admins 项为空列表、会移除全部改革办人员时拒绝导入，',
      '除非加上 --allow-no-admin。',
      '',
      '示例：',
      '  reform-bot import-org org.yml',
    ].join('\n'),
    'cli.importOrg.invalid': (p: { file: string; count: number }) => `${p.file}：${p.count} 处错误，未导入任何内容：`,
    'cli.importOrg.summaryLine': (p: Record<string, number>) =>
      `专项小组：新建 ${p.groupsCreated}，更新 ${p.groupsUpdated}，未变 ${p.groupsUnchanged}。` +
      `部门：新建 ${p.departmentsCreated}，更新 ${p.departmentsUpdated}，未变 ${p.departmentsUnchanged}。` +
      `改革办人员：新增 ${p.adminsAdded}，移除 ${p.adminsRemoved}。`,
    // import-org and the last admin (README "The org file")
    'cli.importOrg.adminsKept': '文件没有 admins 项：改革办人员保持不变。',
    'cli.importOrg.lastAdmin': (p: { file: string; admins: string }) =>
      `${p.file}：admins 项为空，将移除最后的改革办人员（${p.admins}），此后无人能管理机器人。未导入任何内容。请至少列出一名改革办人员；确需如此，请加上 --allow-no-admin 重新运行。`,
    'cli.start.summary': '启动机器人（设置 SLACK_APP_TOKEN 时用 Socket Mode，否则在 PORT 上以 HTTP 方式运行）',
    'cli.start.help': [
      '打开（必要时创建并迁移）数据库，连接 Slack，并运行定时任务。',
      '需要 SLACK_BOT_TOKEN，以及 SLACK_APP_TOKEN（Socket Mode）或 SLACK_SIGNING_SECRET（HTTP 方式）。',
      '收到 SIGTERM 时正常退出。',
      '',
      '示例：',
      '  SLACK_BOT_TOKEN=xoxb-... SLACK_APP_TOKEN=xapp-... SLACK_SIGNING_SECRET=... reform-bot start',
    ].join('\n'),
    'cli.badDate': (p: { option: string; value: string }) => `${p.option}：“${p.value}”不是日期（YYYY-MM-DD）`,
    'cli.stats.summary': '落实情况统计：按改革领域、专项小组和总体统计已完成 / 已启动未完成 / 未启动',
    'cli.stats.help': [
      '按各事项当前落实情况计数；百分比保留一位小数，四舍五入。',
      '--as-of 指定判断红黄绿灯的日期（默认：REFORM_TZ 时区的今天）。',
      '--json 以 JSON 输出（asOf、plans、items、done、started、notStarted、各比率、',
      'closablePlans、lights、byDomain、byGroup；各专项小组含代码 group 和名称 name；forecast）。',
      '--by department|group 改为输出按期完成率动态排名（责任单位或专项小组），含较一周前同日的',
      '名次升降和逾期数（见 README "Ranking"）。',
      '最后一行为进度预测：近四周进度，以及按 OFFICE_TARGET_DATE 完成所需的每周进度。',
      '',
      '示例：',
      '  reform-bot stats',
      '  reform-bot stats --json --as-of 2016-06-30',
      '  reform-bot stats --by department',
    ].join('\n'),
    'cli.stats.title': (p: { asOf: string }) => `督察评估统计表（截至 ${p.asOf}）`,
    'cli.stats.byDomain': '按改革领域',
    'cli.stats.byGroup': '按专项小组',
    'cli.stats.colName': '名称',
    'cli.stats.colPlans': '方案数',
    'cli.stats.colItems': '事项数',
    'cli.stats.lightsLine': (p: { red: number; yellow: number; green: number; yellowWorkdays: number }) =>
      `红黄绿灯：逾期 ${p.red} 项，${p.yellowWorkdays} 个工作日内到期 ${p.yellow} 项，正常 ${p.green} 项`,
    'cli.stats.closableLine': (p: { closable: number; closed: number }) =>
      `事项全部完成、可进入销账程序的方案：${p.closable} 个；已销账：${p.closed} 个`,
    'cli.backup.summary': '备份数据库（机器人运行时也可进行），得到一致的副本',
    'cli.backup.help': [
      '一步复制数据库（SQLite 的 VACUUM INTO，读取快照：复制期间机器人照常写入），先写入临时文件，',
      '完成后改名为目标文件（仅本用户可读），然后检查副本（integrity_check）。请把备份保存到本机以外。',
      '',
      '选项：',
      '  --keep <N>  目标为文件夹：副本命名为 reform-bot-<年月日>-<时分秒>.db（REFORM_TZ），',
      '              只保留这样命名的最新 N 份；文件夹中的其他文件不受影响',
      '',
      '示例：',
      '  reform-bot backup backups/reform-bot-2026-11-27.db',
      '  reform-bot backup /var/backups/reform-bot --keep 14',
    ].join('\n'),
    'cli.backup.sameFile': '备份文件不能是数据库本身',
    'cli.backup.checkFailed': (p: { file: string; problems: string }) => `副本 ${p.file} 检查未通过：${p.problems}`,
    'cli.backup.done': (p: { file: string }) => `已写入并检查备份：${p.file}`,
    'cli.restore.summary': '用备份替换当前数据库（请先停止机器人）',
    'cli.restore.help': [
      '先检查文件（是完好的 SQLite 数据库且包含 reform-bot 的数据表），否则拒绝恢复。',
      '当前数据库保留为 <数据库>.before-restore；恢复后的数据库会迁移到当前版本。',
      '恢复前请停止机器人，恢复后再启动：机器人占用数据库时拒绝恢复；恢复后的文件不带任何机器人的租约。',
      '',
      '选项：',
      '  --force  机器人在【其他主机】上仍持有数据库租约、但确认已停止时，仍予恢复',
      '           （该进程在本机运行时一律拒绝）',
      '',
      '示例：',
      '  reform-bot restore backups/reform-bot-2026-11-27.db',
    ].join('\n'),
    'cli.restore.refused': (p: { file: string; problems: string }) => `未恢复：${p.file}：${p.problems}`,
    'cli.restore.done': (p: { file: string; database: string; previous: string }) =>
      `已将 ${p.file} 恢复为 ${p.database}；原数据库保留为 ${p.previous}`,
    'cli.restore.pendingSetAside': (p: { count: number; folder: string }) =>
      `原数据库有 ${p.count} 条待保存的 Slack 更新，已移至 ${p.folder}，不会写入恢复后的数据库`,
    'cli.template.summary': '生成空白工作台账：按各单位常用格式，含下拉选项和填表说明',
    'cli.template.help': [
      '生成一个 XLSX 文件：“台账”工作表按各单位常用格式排列（序号、方案名称、改革领域、牵头专项小组、',
      '牵头单位、具体改革事项、责任单位、配合单位、完成时限、落实情况、备注），上方有标题行，',
      '落实情况和改革领域两列带下拉选项；“填表说明”工作表逐列说明填法。',
      '填好后用 `reform-bot import` 导入；导入只读取台账工作表。',
      '',
      '选项：',
      '  --headers zh|en  表头及下拉选项的语言（默认 zh，即各单位使用的中文表头）',
      '  --force          文件已存在时覆盖',
      '',
      '示例：',
      '  reform-bot template 2027台账.xlsx',
      '  reform-bot template ledger.xlsx --headers en',
    ].join('\n'),
    'cli.template.badFormat': (p: { file: string }) => `${p.file}：模板文件须以 .xlsx 结尾`,
    'cli.template.exists': (p: { file: string }) => `${p.file} 已存在，未写入。如需覆盖，请加 --force。`,
    'cli.template.done': (p: { file: string; sheet: string }) =>
      `已生成空白台账 ${p.file}：请在“${p.sheet}”工作表中填写，然后运行 reform-bot import ${p.file}`,
    // One bot per database (src/lease): who holds the file, and why start/restore refuse.
    'cli.lease.holder': (p: LeaseHolderText) =>
      `reform-bot ${p.command}（主机 ${p.host} 上的进程 ${p.pid}，自 ${p.since} 起运行，最近一次心跳在 ${p.heartbeatAgoS} 秒前）`,
    'cli.lease.startRefused': (p: { database: string; holder: string }) =>
      `未启动：${p.database} 正被 ${p.holder} 使用。同一数据库只能运行一个机器人，请先停止该进程。` +
      '（被强行终止的机器人：在本机上立即释放数据库；在其他主机上，最后一次心跳后经过 BOT_LEASE_TTL_MS 释放。）',
    'cli.lease.restoreRefused': (p: { database: string; holder: string; otherHost: boolean }) =>
      `未恢复：${p.database} 正被 ${p.holder} 使用。请先停止机器人，再恢复。` +
      (p.otherHost ? '如该进程在其他主机上且确认已停止，可加 --force。' : ''),
    'cli.lease.restoreForceRefused': (p: { database: string; holder: string }) =>
      `未恢复（即使加了 --force）：本机上的 ${p.holder} 正在运行并占用 ${p.database}。请先停止它。`,
    'cli.lease.restoreOverriding': (p: { database: string; holder: string }) =>
      `--force：${p.holder} 仍持有 ${p.database} 的租约，仍予替换`,
  },
});
