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
  },
});
