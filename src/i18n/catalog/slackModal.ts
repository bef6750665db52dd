// The status-update modal (更新事项进展): labels, inline errors and the confirmation message.
import { defineCatalog } from '../define.ts';

export const slackModalCatalog = defineCatalog({
  en: {
    'modal.update.title': 'Update an item',
    'modal.update.submit': 'Save',
    'modal.update.close': 'Cancel',
    'modal.update.plan': 'Plan',
    'modal.update.planPlaceholder': 'Type a plan code or title',
    'modal.update.item': 'Item',
    'modal.update.itemPlaceholder': 'Type an item code or title',
    'modal.update.itemHint': 'Choose the plan first, or type a reference such as P1#3.',
    'modal.update.status': 'Status',
    'modal.update.note': 'Evidence note',
    'modal.update.notePlaceholder': 'What was done, with evidence: document number, link, meeting',
    'modal.update.noteHint':
      'Required when marking the item done, unless you attach a file below. Kept in the item’s history.',
    'modal.update.outcome': 'Institutional outcome',
    'modal.update.outcomeOption': 'This item produced an institutional outcome (制度性成果)',
    'modal.update.outcomeHintNew': 'Ticking sets it; leaving it unticked keeps what the ledger says.',
    'modal.update.current': (p: { status: string; light: string; due: string }) =>
      `Now: ${p.status} · ${p.light} · ${p.due}`,
    'modal.update.responsible': (p: { names: string }) => `Responsible: ${p.names}`,
    'modal.update.lastNote': (p: { note: string }) => `Last note: ${p.note}`,
    'modal.update.closedPlan': '(closed out)',
    'modal.notice.itemNotFound': ':warning: The item you picked no longer exists. Choose another one.',
    'modal.notice.notResponsible':
      ':warning: You are not responsible for this item, so saving will be refused. Office admins, the lead group’s leaders, deputies and liaisons, and members of the responsible departments may update it.',
    'modal.error.noPlan': 'Choose a plan.',
    'modal.error.noItem': 'Choose an item.',
    'modal.error.itemNotFound': 'This item no longer exists. Choose another one.',
    'modal.error.itemNotInPlan': (p: { plan: string }) => `This item is not in plan ${p.plan}. Choose the item again.`,
    'modal.error.noStatus': 'Choose a status.',
    'modal.error.noteRequired':
      'Marking an item done needs evidence: a note saying what was done and where it is recorded, or a file below.',
    'modal.error.noteTooLong': (p: { length: number; max: number }) =>
      `The note has ${p.length} characters; at most ${p.max} are kept.`,
    'modal.error.notResponsible': (p: { group: string; departments: string }) =>
      `You may not update this item. Only office admins, the leaders, deputies and liaisons of ${p.group}, and members of ${p.departments} may.`,
    'modal.error.stale': (p: { status: string }) =>
      `Someone changed this item after you opened this form (it is now “${p.status}”). Close the form and open it again to see the latest.`,
    'modal.error.unchanged':
      'Nothing to save: the item already has this status and outcome, and there is no new note or file.',
    'modal.error.noGroup': 'no group',
    'modal.error.noDepartments': 'no department',
    'modal.confirm.saved': (p: { ref: string; title: string }) => `Saved *${p.ref}* ${p.title}`,
    'modal.confirm.status': (p: { from: string; to: string }) => `Status: ${p.from} → ${p.to}`,
    'modal.confirm.outcomeOn': 'Institutional outcome: yes',
    'modal.confirm.outcomeOff': 'Institutional outcome: no',
    'modal.confirm.note': (p: { note: string }) => `Note: ${p.note}`,
    'modal.confirm.fallback': (p: { ref: string }) => `Saved ${p.ref}`,
  },
  'zh-CN': {
    'modal.update.title': '更新事项进展',
    'modal.update.submit': '保存',
    'modal.update.close': '取消',
    'modal.update.plan': '改革方案',
    'modal.update.planPlaceholder': '输入方案编号或名称',
    'modal.update.item': '改革事项',
    'modal.update.itemPlaceholder': '输入事项编号或名称',
    'modal.update.itemHint': '请先选择方案，或直接输入编号，如 P1#3。',
    'modal.update.status': '进展状态',
    'modal.update.note': '佐证说明',
    'modal.update.notePlaceholder': '做了哪些工作，依据是什么：文号、链接、会议等',
    'modal.update.noteHint': '标记为已完成时须填写说明，或在下方附佐证文件。说明会记入事项的变更记录。',
    'modal.update.outcome': '制度性成果',
    'modal.update.outcomeOption': '该事项形成了制度性成果',
    'modal.update.outcomeHintNew': '勾选即登记；不勾选则保持台账原有记录。',
    'modal.update.current': (p: { status: string; light: string; due: string }) =>
      `当前：${p.status} · ${p.light} · ${p.due}`,
    'modal.update.responsible': (p: { names: string }) => `责任单位：${p.names}`,
    'modal.update.lastNote': (p: { note: string }) => `最近说明：${p.note}`,
    'modal.update.closedPlan': '（已销账）',
    'modal.notice.itemNotFound': ':warning: 所选事项已不存在，请另选一项。',
    'modal.notice.notResponsible':
      ':warning: 您不是该事项的责任人，保存将被拒绝。改革办、牵头专项小组的组长、副组长、联络员以及责任单位成员可以更新该事项。',
    'modal.error.noPlan': '请选择方案。',
    'modal.error.noItem': '请选择事项。',
    'modal.error.itemNotFound': '该事项已不存在，请另选一项。',
    'modal.error.itemNotInPlan': (p: { plan: string }) => `该事项不属于方案 ${p.plan}，请重新选择事项。`,
    'modal.error.noStatus': '请选择进展状态。',
    'modal.error.noteRequired': '标记为已完成需要佐证：填写说明（做了什么、记录在哪里），或在下方附文件。',
    'modal.error.noteTooLong': (p: { length: number; max: number }) => `说明共 ${p.length} 字，最多保留 ${p.max} 字。`,
    'modal.error.notResponsible': (p: { group: string; departments: string }) =>
      `您无权更新该事项。只有改革办、${p.group}的组长、副组长、联络员以及${p.departments}的成员可以更新。`,
    'modal.error.stale': (p: { status: string }) =>
      `您打开表单后，该事项已被他人修改（现为“${p.status}”）。请关闭表单后重新打开查看最新情况。`,
    'modal.error.unchanged': '没有需要保存的内容：状态和制度性成果未变，也没有新的说明或文件。',
    'modal.error.noGroup': '（无牵头专项小组）',
    'modal.error.noDepartments': '（无责任单位）',
    'modal.confirm.saved': (p: { ref: string; title: string }) => `已保存 *${p.ref}* ${p.title}`,
    'modal.confirm.status': (p: { from: string; to: string }) => `状态：${p.from} → ${p.to}`,
    'modal.confirm.outcomeOn': '制度性成果：是',
    'modal.confirm.outcomeOff': '制度性成果：否',
    'modal.confirm.note': (p: { note: string }) => `说明：${p.note}`,
    'modal.confirm.fallback': (p: { ref: string }) => `已保存 ${p.ref}`,
  },
});
