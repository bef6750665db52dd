// Housekeeping (README "Running in production"): what `reform-bot run housekeeping` reports, why `run --at`
// refuses an instant behind the pruning horizon, and `backup --keep`.
import { defineCatalog } from '../define.ts';

export const housekeepingCatalog = defineCatalog({
  en: {
    'cli.run.detail.horizon': 'history kept from',
    'cli.run.detail.outboxPruned': 'old messages pruned',
    'cli.run.detail.jobRunsPruned': 'old job runs pruned',
    'cli.run.detail.pagesFreed': 'pages returned to the disk',
    'cli.run.detail.freePages': 'free pages left in the file',
    'cli.run.beforeHorizon': (p: { at: string; horizon: string }) =>
      `Refused: ${p.at} is before ${p.horizon}, where housekeeping pruned the message history (RETENTION_DAYS). ` +
      'A run that far back could send again messages that were already delivered. Choose a later instant.',
    'cli.run.futureInstant': (p: { job: string; at: string }) =>
      `Refused: ${p.job} cannot run for ${p.at}, a later instant than now: it would prune history that is not old yet.`,
    'cli.backup.keepNeedsFolder': (p: { path: string }) =>
      `--keep: ${p.path} is a file; with --keep the target is a folder (the copies are named reform-bot-<date>-<time>.db in it)`,
    'cli.backup.badKeep': (p: { value: string }) =>
      `--keep: "${p.value}" is not a whole number of copies of at least 1`,
    'cli.backup.pruned': (p: { kept: number; removed: string[] }) =>
      `Kept the newest ${p.kept} backup(s); removed ${p.removed.length}${p.removed.length ? `: ${p.removed.join(', ')}` : ''}`,
  },
  'zh-CN': {
    'cli.run.detail.horizon': '历史保留起点',
    'cli.run.detail.outboxPruned': '清理的旧消息',
    'cli.run.detail.jobRunsPruned': '清理的旧任务记录',
    'cli.run.detail.pagesFreed': '归还磁盘的页数',
    'cli.run.detail.freePages': '文件内剩余空闲页',
    'cli.run.beforeHorizon': (p: { at: string; horizon: string }) =>
      `已拒绝：${p.at} 早于 ${p.horizon}，此前的消息记录已按保留期（RETENTION_DAYS）清理。` +
      '按这么早的时刻运行，可能把已送达的消息再发一遍。请选择更晚的时刻。',
    'cli.run.futureInstant': (p: { job: string; at: string }) =>
      `已拒绝：${p.job} 不能按晚于现在的时刻 ${p.at} 运行，否则会清理尚未过期的历史。`,
    'cli.backup.keepNeedsFolder': (p: { path: string }) =>
      `--keep：${p.path} 是文件；使用 --keep 时目标应为文件夹（副本在其中命名为 reform-bot-<日期>-<时间>.db）`,
    'cli.backup.badKeep': (p: { value: string }) => `--keep：“${p.value}” 不是不小于 1 的整数份数`,
    'cli.backup.pruned': (p: { kept: number; removed: string[] }) =>
      `保留最新的 ${p.kept} 份备份；删除 ${p.removed.length} 份${p.removed.length ? `：${p.removed.join('、')}` : ''}`,
  },
});
