import { defineCatalog } from '../define.ts';

export const cliCatalog = defineCatalog({
  en: {
    'cli.overviewTitle': 'reform-bot: checklist-style precision supervision of reform plans',
    'cli.overviewFooter': 'Run `reform-bot <command> --help` for the options and an example of each command.',
    'cli.usageLine': (p: { usage: string }) => `Usage: ${p.usage}`,
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
      '',
      'Example:',
      '  reform-bot import-org org.yml',
    ].join('\n'),
    'cli.importOrg.invalid': (p: { file: string; count: number }) => `${p.file}: ${p.count} error(s), nothing was imported:`,
    'cli.importOrg.summaryLine': (p: Record<string, number>) =>
      `Groups: ${p.groupsCreated} created, ${p.groupsUpdated} updated, ${p.groupsUnchanged} unchanged. ` +
      `Departments: ${p.departmentsCreated} created, ${p.departmentsUpdated} updated, ${p.departmentsUnchanged} unchanged. ` +
      `Admins: ${p.adminsAdded} added, ${p.adminsRemoved} removed.`,
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
      'Counts are the items\' current statuses; percentages have one decimal, rounded half up.',
      '--as-of sets the day the traffic lights are judged against (default: today in REFORM_TZ).',
      '--json prints the figures as JSON (asOf, plans, items, done, started, notStarted, the rates,',
      'closablePlans, lights, byDomain, byGroup).',
      '',
      'Examples:',
      '  reform-bot stats',
      '  reform-bot stats --json --as-of 2016-06-30',
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
  },
  'zh-CN': {
    'cli.overviewTitle': 'reform-bot：专项改革方案“清单式”精准督察',
    'cli.overviewFooter': '运行 `reform-bot <命令> --help` 查看各命令的选项和示例。',
    'cli.usageLine': (p: { usage: string }) => `用法：${p.usage}`,
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
      '',
      '示例：',
      '  reform-bot import-org org.yml',
    ].join('\n'),
    'cli.importOrg.invalid': (p: { file: string; count: number }) => `${p.file}：${p.count} 处错误，未导入任何内容：`,
    'cli.importOrg.summaryLine': (p: Record<string, number>) =>
      `专项小组：新建 ${p.groupsCreated}，更新 ${p.groupsUpdated}，未变 ${p.groupsUnchanged}。` +
      `部门：新建 ${p.departmentsCreated}，更新 ${p.departmentsUpdated}，未变 ${p.departmentsUnchanged}。` +
      `改革办人员：新增 ${p.adminsAdded}，移除 ${p.adminsRemoved}。`,
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
      'closablePlans、lights、byDomain、byGroup）。',
      '',
      '示例：',
      '  reform-bot stats',
      '  reform-bot stats --json --as-of 2016-06-30',
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
  },
});
