// Review of claimed results (审核 / 退回, README "Review of claimed results"): the request to the
// reviewers, their Confirm / Return buttons on it, on the item card and in App Home, the return
// form, the notice to the responsible people, and the digest's count of returns. Values arrive
// escaped (refs, titles, reasons: escapeClip; people: actorText).
import { defineCatalog } from '../define.ts';

export const reviewCatalog = defineCatalog({
  en: {
    'review.request.text': (p: { ref: string; title: string; who: string }) =>
      `${p.who} marked ${p.ref} ${p.title} done: please confirm or return it`,
    'review.request.header': 'A result to review',
    'review.request.body': (p: { ref: string; title: string; plan: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\n${p.plan}\nMarked done by ${p.who} at ${p.when}.`,
    'review.request.note': (p: { note: string }) => `*Evidence*\n${p.note}`,
    'review.request.noNote': 'No evidence note.',
    'review.request.hint':
      'Confirm records that the result was checked; Return puts the item back to started and tells the responsible people why.',
    'review.button.confirm': 'Confirm',
    'review.button.return': 'Return…',
    'review.outcome.confirmed': (p: { who: string; when: string }) => `✅ Confirmed by ${p.who} at ${p.when}`,
    'review.outcome.returned': (p: { who: string; when: string }) => `↩️ Returned by ${p.who} at ${p.when}`,
    'review.outcome.superseded': (p: { status: string }) =>
      `This claim no longer stands (the item is now: ${p.status}); nothing to review.`,
    'review.done.confirmed': (p: { ref: string }) => `Confirmed: ${p.ref} is done.`,
    'review.done.returned': (p: { ref: string }) =>
      `Returned: ${p.ref} is back to started, and its responsible people were told why.`,
    'review.already.confirmed': (p: { ref: string; who: string; when: string }) =>
      `${p.ref} was already confirmed by ${p.who} at ${p.when}; nothing changed.`,
    'review.already.returned': (p: { ref: string; who: string; when: string }) =>
      `${p.ref} was already returned by ${p.who} at ${p.when}; nothing changed.`,
    'review.superseded': (p: { ref: string; status: string }) =>
      `${p.ref} is no longer done on the claim you were shown (now: ${p.status}); nothing changed.`,
    'review.refuse.notReviewer': (p: { ref: string }) =>
      `Only the leading group's liaison or the reform office can review ${p.ref}. Nothing changed.`,
    'review.refuse.ownClaim': (p: { ref: string }) =>
      `You marked ${p.ref} done yourself: another liaison or the reform office reviews it. Nothing changed.`,
    'review.failed': 'The review could not be recorded. Please try again in a moment.',
    'review.modal.title': 'Return a result',
    'review.modal.submit': 'Return',
    'review.modal.cancel': 'Cancel',
    'review.modal.intro': (p: { ref: string; title: string; who: string }) =>
      `*${p.ref}* ${p.title}\nMarked done by ${p.who}. Returning it puts it back to started; the responsible people get your reason.`,
    'review.modal.reason': 'Why is it returned?',
    'review.modal.reasonHint': 'What is missing or wrong, and what would make it done.',
    'review.modal.reasonRequired': 'Write the reason for returning it.',
    'review.modal.reasonTooLong': (p: { length: number; max: number }) =>
      `The reason has ${p.length} characters; at most ${p.max} are kept.`,
    'review.returnedNotice.text': (p: { ref: string; title: string; who: string; reason: string }) =>
      `${p.who} returned ${p.ref} ${p.title}: it is back to started. Reason: ${p.reason}`,
    'review.returnedNotice.header': 'A result was returned',
    'review.returnedNotice.body': (p: { ref: string; title: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\n${p.who} returned the claim that it is done at ${p.when}; its status is back to *started*.`,
    'review.returnedNotice.reason': (p: { reason: string }) => `*Reason*\n${p.reason}`,
    'review.returnedNotice.update': 'Update…',
    'review.card.pending': 'Claimed done; awaiting review by the leading group’s liaison or the office.',
    'review.card.unasked': 'Done, not reviewed.',
    'review.card.confirmed': (p: { who: string; when: string }) => `Done, confirmed by ${p.who} at ${p.when}.`,
    'review.history.confirmed': (p: { when: string; who: string }) => `${p.when} ${p.who} confirmed the result`,
    'review.history.returned': (p: { when: string; who: string }) => `${p.when} ${p.who} returned the result`,
    'review.home.header': (p: { count: number }) => `Results to review (${p.count})`,
    'review.home.line': (p: { ref: string; title: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\nmarked done by ${p.who} at ${p.when}`,
    'review.home.more': (p: { count: number }) =>
      `${p.count} more waiting: the oldest are shown; each item card has the same buttons.`,
    'review.digest.returned': (p: { count: number }) =>
      `↩️ ${p.count} result${p.count === 1 ? '' : 's'} returned this week`,
  },
  'zh-CN': {
    'review.request.text': (p: { ref: string; title: string; who: string }) =>
      `${p.who} 将 ${p.ref} ${p.title} 标记为已完成，请审核确认或退回`,
    'review.request.header': '待审核的完成情况',
    'review.request.body': (p: { ref: string; title: string; plan: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\n${p.plan}\n${p.who} 于 ${p.when} 标记为已完成。`,
    'review.request.note': (p: { note: string }) => `*佐证说明*\n${p.note}`,
    'review.request.noNote': '未填写佐证说明。',
    'review.request.hint': '“确认”表示已核实完成情况；“退回”将事项改回已启动未完成，并把理由告知责任单位。',
    'review.button.confirm': '确认',
    'review.button.return': '退回…',
    'review.outcome.confirmed': (p: { who: string; when: string }) => `✅ ${p.who} 已于 ${p.when} 确认`,
    'review.outcome.returned': (p: { who: string; when: string }) => `↩️ ${p.who} 已于 ${p.when} 退回`,
    'review.outcome.superseded': (p: { status: string }) => `该完成报告已失效（事项现为：${p.status}），无需审核。`,
    'review.done.confirmed': (p: { ref: string }) => `已确认：${p.ref} 已完成。`,
    'review.done.returned': (p: { ref: string }) => `已退回：${p.ref} 已改回已启动未完成，退回理由已告知责任单位。`,
    'review.already.confirmed': (p: { ref: string; who: string; when: string }) =>
      `${p.ref} 已由 ${p.who} 于 ${p.when} 确认，未作改动。`,
    'review.already.returned': (p: { ref: string; who: string; when: string }) =>
      `${p.ref} 已由 ${p.who} 于 ${p.when} 退回，未作改动。`,
    'review.superseded': (p: { ref: string; status: string }) =>
      `${p.ref} 已不是你看到的那次完成报告（现为：${p.status}），未作改动。`,
    'review.refuse.notReviewer': (p: { ref: string }) =>
      `只有牵头专项小组的联络员或改革办人员可以审核 ${p.ref}，未作改动。`,
    'review.refuse.ownClaim': (p: { ref: string }) =>
      `${p.ref} 是你本人标记完成的，须由其他联络员或改革办人员审核，未作改动。`,
    'review.failed': '未能记录审核结果，请稍后再试。',
    'review.modal.title': '退回完成报告',
    'review.modal.submit': '退回',
    'review.modal.cancel': '取消',
    'review.modal.intro': (p: { ref: string; title: string; who: string }) =>
      `*${p.ref}* ${p.title}\n由 ${p.who} 标记为已完成。退回后事项改回已启动未完成，责任单位将收到你的理由。`,
    'review.modal.reason': '退回理由',
    'review.modal.reasonHint': '缺少什么、哪里不符合要求，怎样才算完成。',
    'review.modal.reasonRequired': '请填写退回理由。',
    'review.modal.reasonTooLong': (p: { length: number; max: number }) =>
      `退回理由有 ${p.length} 个字，最多保留 ${p.max} 个字。`,
    'review.returnedNotice.text': (p: { ref: string; title: string; who: string; reason: string }) =>
      `${p.who} 退回了 ${p.ref} ${p.title} 的完成报告，状态已改回已启动未完成。理由：${p.reason}`,
    'review.returnedNotice.header': '完成报告被退回',
    'review.returnedNotice.body': (p: { ref: string; title: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\n${p.who} 于 ${p.when} 退回了完成报告，状态已改回 *已启动未完成*。`,
    'review.returnedNotice.reason': (p: { reason: string }) => `*退回理由*\n${p.reason}`,
    'review.returnedNotice.update': '更新…',
    'review.card.pending': '已报完成，待牵头专项小组联络员或改革办审核。',
    'review.card.unasked': '已完成，未经审核。',
    'review.card.confirmed': (p: { who: string; when: string }) => `已完成，${p.who} 已于 ${p.when} 审核确认。`,
    'review.history.confirmed': (p: { when: string; who: string }) => `${p.when} ${p.who} 审核确认了完成情况`,
    'review.history.returned': (p: { when: string; who: string }) => `${p.when} ${p.who} 退回了完成报告`,
    'review.home.header': (p: { count: number }) => `待你审核的完成报告（${p.count}）`,
    'review.home.line': (p: { ref: string; title: string; who: string; when: string }) =>
      `*${p.ref}* ${p.title}\n${p.who} 于 ${p.when} 标记为已完成`,
    'review.home.more': (p: { count: number }) =>
      `另有 ${p.count} 项待审核：此处先列最早的；每个事项卡片上也有同样的按钮。`,
    'review.digest.returned': (p: { count: number }) => `↩️ 本周退回 ${p.count} 项`,
  },
});
