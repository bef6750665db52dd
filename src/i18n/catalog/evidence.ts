// Evidence files (佐证材料, README "Evidence files"): the update form's file input and its errors,
// the files on the item card, in the confirmation and in the round self-check.
import { defineCatalog } from '../define.ts';

type Count = { count: number };

export const evidenceCatalog = defineCatalog({
  en: {
    'evidence.more': (p: Count) => `…and ${p.count} more`,
    'evidence.titleCount': (p: Count) => `Evidence files (${p.count})`,
    'evidence.changeFiles': (p: Count) => `📎 ${p.count} file${p.count === 1 ? '' : 's'}`,
    'card.change.files': (p: { when: string; who: string; count: number }) =>
      `${p.when} ${p.who} added ${p.count} evidence file${p.count === 1 ? '' : 's'}`,
    'modal.update.files': 'Evidence files',
    'modal.update.filesHint': (p: { max: number }) =>
      `The issued document, photos or a scan (PDF, OFD, Word, WPS, Excel, images), up to ${p.max} files. A file is evidence enough to mark the item done.`,
    'modal.error.fileUnreadable': (p: { name: string }) =>
      `“${p.name}” arrived without its Slack link. Remove it and attach it again.`,
    'modal.error.fileType': (p: { names: string; types: string }) =>
      `Not a document, photo or scan: ${p.names}. Accepted: ${p.types}.`,
    'modal.error.tooManyFiles': (p: { count: number; max: number }) =>
      `${p.count} files attached; one update keeps at most ${p.max}.`,
    'modal.confirm.files': (p: Count) => `Evidence files (${p.count}):`,
    'round.modal.evidence': '*Evidence files* (佐证材料) of these items, newest first:',
  },
  'zh-CN': {
    'evidence.more': (p: Count) => `……另有 ${p.count} 个文件`,
    'evidence.titleCount': (p: Count) => `佐证材料（${p.count} 个文件）`,
    'evidence.changeFiles': (p: Count) => `📎 ${p.count} 个文件`,
    'card.change.files': (p: { when: string; who: string; count: number }) =>
      `${p.when} ${p.who} 添加了 ${p.count} 个佐证文件`,
    'modal.update.files': '佐证材料（文件）',
    'modal.update.filesHint': (p: { max: number }) =>
      `印发的文件、照片或扫描件（PDF、OFD、Word、WPS、Excel、图片），最多 ${p.max} 个。标记为已完成时，附文件即可作为佐证。`,
    'modal.error.fileUnreadable': (p: { name: string }) => `“${p.name}”缺少 Slack 链接，请移除后重新上传。`,
    'modal.error.fileType': (p: { names: string; types: string }) =>
      `以下文件不是文档、照片或扫描件：${p.names}。可上传：${p.types}。`,
    'modal.error.tooManyFiles': (p: { count: number; max: number }) =>
      `共附 ${p.count} 个文件，一次更新最多保留 ${p.max} 个。`,
    'modal.confirm.files': (p: Count) => `佐证材料（${p.count} 个文件）：`,
    'round.modal.evidence': '*各事项的佐证材料*（按时间由新到旧）：',
  },
});
