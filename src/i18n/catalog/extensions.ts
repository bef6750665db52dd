// Extension requests (延期申请, README "Extension requests"): the command, the form, the
// approvers' DM and its outcome, the requester's notices, the card, the reminder button, the
// office's escalation, and the figures in statistics and the digest.
import { defineCatalog } from '../define.ts';

type Figures = { extended: number; extendedOpen: number; pastOriginal: number; pending: number };
type Week = Figures & { approved: number; refused: number };

export const extensionsCatalog = defineCatalog({
  en: {
    'extension.help':
      "`/reform extend P1#3 2017-03-31 reason…` (延期): ask to move the due date; the lead group's leaders (or the office) approve or refuse. Also the _Request extension…_ button on cards and reminders",
    'cmd.usage.extend': '/reform extend P1#3 2017-03-31 reason…',
    'extension.error.usage': (p: { missing: string }) =>
      `Missing ${p.missing}. Write \`/reform extend P1#3 2017-03-31 reason…\` (item, new due date, reason). Nothing was saved.`,
    'extension.error.missing.ref': 'the item',
    'extension.error.missing.reason': 'the reason',
    'extension.problem.noDue': 'The item has no due date, so there is nothing to extend.',
    'extension.problem.done': 'The item is done: a done item needs no extension.',
    'extension.problem.planClosed': 'The plan is closed out: its items no longer change.',
    'extension.problem.badDate': (p: { text: string }) =>
      `\`${p.text}\` is not a date. Write it as 2017-03-31 (or 2017/3/31, 2017年3月31日).`,
    'extension.problem.notLater': (p: { due: string }) => `The new due date must be after the current one (${p.due}).`,
    'extension.problem.needReason': 'Give a reason: the approvers decide on it.',
    'extension.problem.reasonTooLong': (p: { length: number; max: number }) =>
      `The reason has ${p.length} characters; at most ${p.max}. Shorten it.`,
    'extension.notSaved': (p: { ref: string }) => `Extension of ${p.ref} not requested, nothing was saved:`,
    'extension.sent': (p: { ref: string; to: string; who: string }) =>
      `Extension of ${p.ref} to ${p.to} requested. Sent to ${p.who}; you will be told their decision by direct message.`,
    'extension.alreadyPending': (p: { ref: string; who: string; to: string }) =>
      `${p.ref} already has an extension request waiting for an answer (${p.who}, to ${p.to}). Nothing new was saved.`,
    'extension.refuse.notApprover':
      "Only the lead group's leaders and deputies, or the office admins, decide on this request. Nothing was changed.",
    'extension.already': (p: { who: string; decision: string }) =>
      `This request was already ${p.decision} by ${p.who}. Nothing was changed.`,
    'extension.decision.approved': 'approved',
    'extension.decision.refused': 'refused',
    'extension.failed': 'The decision could not be saved. Please click again in a moment.',
    'extension.gone': 'This request no longer exists. Nothing was changed.',
    'extension.originally': (p: { date: string }) => ` (originally ${p.date})`,
    'extension.dates': (p: { from: string; to: string; original: string }) =>
      `Due ${p.from}${p.original} → asked: *${p.to}*`,
    'extension.askedBy': (p: { who: string; when: string }) => `Asked by ${p.who} on ${p.when}`,
    'extension.reason': '*Reason:*',
    'extension.approve': 'Approve',
    'extension.refuse': 'Refuse',
    'extension.cancel': 'Cancel',
    'extension.confirmTitle': 'Approve the extension?',
    'extension.confirmText': (p: { to: string }) =>
      `The due date becomes ${p.to}. The original date is kept for the on-time figures.`,
    'extension.request.header': (p: { ref: string }) => `Extension request: ${p.ref}`,
    'extension.request.text': (p: { ref: string; to: string }) => `Extension request: ${p.ref} to ${p.to}`,
    'extension.request.footer':
      'The first answer decides; the requester is told. Unanswered requests are raised to the office.',
    'extension.outcome.approved': (p: { who: string; to: string }) => `✅ Approved by ${p.who}: now due ${p.to}`,
    'extension.outcome.refused': (p: { who: string }) => `⛔ Refused by ${p.who}`,
    'extension.outcome.gone': 'This request no longer exists.',
    'extension.told.approved': (p: { ref: string; who: string; to: string; original: string }) =>
      `✅ Your extension of ${p.ref} was approved by ${p.who}: now due ${p.to} (originally ${p.original}).`,
    'extension.told.refused': (p: { ref: string; who: string; due: string; to: string }) =>
      `⛔ Your extension of ${p.ref} to ${p.to} was refused by ${p.who}: it stays due ${p.due}.`,
    'extension.modal.title': 'Request extension',
    'extension.modal.submit': 'Send request',
    'extension.modal.dueNow': (p: { due: string; original: string }) => `Due now: ${p.due}${p.original}`,
    'extension.modal.date': 'New due date',
    'extension.modal.reason': 'Reason',
    'extension.modal.reasonHint': (p: { max: number }) =>
      `Why the item needs more time (at most ${p.max} characters). The lead group's leaders decide on it.`,
    'extension.button': 'Request extension…',
    'extension.card.due': (p: { due: string; original: string }) => `Extended to ${p.due} (originally ${p.original})`,
    'extension.card.pending': (p: { who: string; to: string }) =>
      `⏳ Extension to ${p.to} requested by ${p.who}, waiting for an answer`,
    'extension.card.change': (p: { when: string; who: string; from: string; to: string }) =>
      `${p.when} ${p.who} approved an extension: due ${p.from} → ${p.to}`,
    'extension.escalation.header': 'Extension requests waiting',
    'extension.escalation.headerPart': (p: { index: number; total: number }) =>
      `Extension requests waiting (${p.index}/${p.total})`,
    'extension.escalation.intro': (p: { count: number; workdays: number }) =>
      `${p.count} request(s) unanswered for ${p.workdays} working days or more. As office admins you may decide them here.`,
    'extension.escalation.text': (p: { count: number; workdays: number }) =>
      `${p.count} extension request(s) unanswered for ${p.workdays}+ working days`,
    'extension.stats': (p: Figures) =>
      `Extensions: ${p.extended} item(s) extended, ${p.extendedOpen} not done, ${p.pastOriginal} of them past the original due date; ${p.pending} request(s) waiting`,
    'extension.digest.topic': 'Extensions (延期)',
    'extension.digest.week': (p: Week) =>
      `This week ${p.approved} approved, ${p.refused} refused; ${p.pending} waiting. ${p.extended} item(s) extended in all, ${p.extendedOpen} not done, ${p.pastOriginal} past the original due date (on-time completion counts against the original date).`,
    'extension.digest.waitingLine': (p: { ref: string; title: string; from: string; to: string; who: string }) =>
      `• ${p.ref} ${p.title}: ${p.from} → ${p.to} (${p.who})`,
    'extension.digest.more': (p: { count: number }) => `…and ${p.count} more`,
    'cli.run.detail.waiting': 'requests waiting',
    'cli.run.detail.escalated': 'raised to the office',
  },
  'zh-CN': {
    'extension.help':
      '`/reform 延期 P1#3 2017-03-31 理由…` (extend)：申请调整完成时限，由牵头小组组长、副组长（或改革办）批准或不批准；卡片和提醒上也有“申请延期…”按钮',
    'cmd.usage.extend': '/reform 延期 P1#3 2017-03-31 理由…',
    'extension.error.usage': (p: { missing: string }) =>
      `缺少${p.missing}。请写 \`/reform 延期 P1#3 2017-03-31 理由…\`（事项、新的完成时限、理由）。未保存任何内容。`,
    'extension.error.missing.ref': '事项',
    'extension.error.missing.reason': '延期理由',
    'extension.problem.noDue': '该事项没有完成时限，无需延期。',
    'extension.problem.done': '该事项已完成，无需延期。',
    'extension.problem.planClosed': '该方案已销账，其事项不再变更。',
    'extension.problem.badDate': (p: { text: string }) =>
      `\`${p.text}\` 不是日期，请写成 2017-03-31（或 2017/3/31、2017年3月31日）。`,
    'extension.problem.notLater': (p: { due: string }) => `新的完成时限须晚于当前时限（${p.due}）。`,
    'extension.problem.needReason': '请填写延期理由，审批人据此决定。',
    'extension.problem.reasonTooLong': (p: { length: number; max: number }) =>
      `理由共 ${p.length} 字，最多 ${p.max} 字，请精简。`,
    'extension.notSaved': (p: { ref: string }) => `${p.ref} 的延期申请未提交，未保存任何内容：`,
    'extension.sent': (p: { ref: string; to: string; who: string }) =>
      `已申请将 ${p.ref} 延期至 ${p.to}，已发给 ${p.who}；审批结果将私信告知你。`,
    'extension.alreadyPending': (p: { ref: string; who: string; to: string }) =>
      `${p.ref} 已有一项待批的延期申请（${p.who}，延期至 ${p.to}），本次未重复保存。`,
    'extension.refuse.notApprover': '此申请由牵头小组组长、副组长或改革办审批，未作任何更改。',
    'extension.already': (p: { who: string; decision: string }) => `此申请已由 ${p.who} ${p.decision}，未作任何更改。`,
    'extension.decision.approved': '批准',
    'extension.decision.refused': '不予批准',
    'extension.failed': '审批结果未能保存，请稍后再点一次。',
    'extension.gone': '此申请已不存在，未作任何更改。',
    'extension.originally': (p: { date: string }) => `（原定 ${p.date}）`,
    'extension.dates': (p: { from: string; to: string; original: string }) =>
      `现完成时限 ${p.from}${p.original} → 申请延期至 *${p.to}*`,
    'extension.askedBy': (p: { who: string; when: string }) => `申请人 ${p.who}，${p.when}`,
    'extension.reason': '*理由：*',
    'extension.approve': '批准',
    'extension.refuse': '不予批准',
    'extension.cancel': '取消',
    'extension.confirmTitle': '批准延期？',
    'extension.confirmText': (p: { to: string }) => `完成时限将改为 ${p.to}；原定时限保留，用于按时完成率统计。`,
    'extension.request.header': (p: { ref: string }) => `延期申请：${p.ref}`,
    'extension.request.text': (p: { ref: string; to: string }) => `延期申请：${p.ref} 延期至 ${p.to}`,
    'extension.request.footer': '以第一位审批人的决定为准，结果会告知申请人；逾期未批的申请将报改革办。',
    'extension.outcome.approved': (p: { who: string; to: string }) => `✅ ${p.who} 已批准：完成时限改为 ${p.to}`,
    'extension.outcome.refused': (p: { who: string }) => `⛔ ${p.who} 不予批准`,
    'extension.outcome.gone': '此申请已不存在。',
    'extension.told.approved': (p: { ref: string; who: string; to: string; original: string }) =>
      `✅ 你申请的 ${p.ref} 延期已由 ${p.who} 批准：延期至 ${p.to}（原定 ${p.original}）。`,
    'extension.told.refused': (p: { ref: string; who: string; due: string; to: string }) =>
      `⛔ 你申请的 ${p.ref} 延期至 ${p.to} 未获 ${p.who} 批准，完成时限仍为 ${p.due}。`,
    'extension.modal.title': '申请延期',
    'extension.modal.submit': '提交申请',
    'extension.modal.dueNow': (p: { due: string; original: string }) => `现完成时限：${p.due}${p.original}`,
    'extension.modal.date': '新的完成时限',
    'extension.modal.reason': '延期理由',
    'extension.modal.reasonHint': (p: { max: number }) =>
      `说明需要延期的原因（最多 ${p.max} 字），由牵头小组组长审批。`,
    'extension.button': '申请延期…',
    'extension.card.due': (p: { due: string; original: string }) => `延期至 ${p.due}（原定 ${p.original}）`,
    'extension.card.pending': (p: { who: string; to: string }) => `⏳ ${p.who} 已申请延期至 ${p.to}，待审批`,
    'extension.card.change': (p: { when: string; who: string; from: string; to: string }) =>
      `${p.when} ${p.who} 批准延期：${p.from} → ${p.to}`,
    'extension.escalation.header': '待审批的延期申请',
    'extension.escalation.headerPart': (p: { index: number; total: number }) =>
      `待审批的延期申请（${p.index}/${p.total}）`,
    'extension.escalation.intro': (p: { count: number; workdays: number }) =>
      `${p.count} 项延期申请已超过 ${p.workdays} 个工作日未审批。改革办可直接在此审批。`,
    'extension.escalation.text': (p: { count: number; workdays: number }) =>
      `${p.count} 项延期申请超过 ${p.workdays} 个工作日未审批`,
    'extension.stats': (p: Figures) =>
      `延期：已延期 ${p.extended} 项，其中未完成 ${p.extendedOpen} 项、已过原定时限 ${p.pastOriginal} 项；待审批申请 ${p.pending} 项`,
    'extension.digest.topic': '延期申请',
    'extension.digest.week': (p: Week) =>
      `本周批准 ${p.approved} 项、不予批准 ${p.refused} 项，待审批 ${p.pending} 项。累计已延期 ${p.extended} 项，其中未完成 ${p.extendedOpen} 项、已过原定时限 ${p.pastOriginal} 项（按时完成率按原定时限计算）。`,
    'extension.digest.waitingLine': (p: { ref: string; title: string; from: string; to: string; who: string }) =>
      `• ${p.ref} ${p.title}：${p.from} → ${p.to}（${p.who}）`,
    'extension.digest.more': (p: { count: number }) => `……另有 ${p.count} 项`,
    'cli.run.detail.waiting': '待审批申请',
    'cli.run.detail.escalated': '报改革办',
  },
});
