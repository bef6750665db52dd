// Follow-ups of central plans (盯跟), the docking-arrangement and registration modals.
import { defineCatalog } from '../define.ts';

type Plan = { title: string; passedOn: string; due: string; days: number; group: string };

export const followupsCatalog = defineCatalog({
  en: {
    'followup.button': 'Send docking arrangement',
    'followup.link': 'Document',
    'followup.andMore': (p: { count: number }) => `and ${p.count} more`,
    'followup.passed': (p: { title: string; passedOn: string; meeting: string }) =>
      `The central reform group passed *${p.title}* on ${p.passedOn}${p.meeting ? ` (${p.meeting})` : ''}.`,
    'followup.prompt.header': 'Follow-up prompt: a central plan has passed',
    'followup.prompt.ask': (p: { group: string; due: string }) =>
      `Special group *${p.group}*: please send the docking arrangement (lead department, whether a provincial plan will be drafted, and by when) by *${p.due}*.`,
    'followup.prompt.youAre': (p: { group: string; role: string }) => `You receive this directly as ${p.role} of ${p.group}.`,
    'followup.prompt.text': (p: { title: string; due: string }) => `Follow-up prompt: ${p.title} has passed; docking arrangement due ${p.due}`,
    'followup.chase.header': 'Overdue: docking arrangement not sent',
    'followup.chase.body': (p: Plan) =>
      `The docking arrangement for *${p.title}* (passed ${p.passedOn}) was due ${p.due} and has not been sent: ` +
      `${p.days} day(s) overdue. It is now a supervised matter (督办事项) of the reform office. Special group: ${p.group}.`,
    'followup.chase.text': (p: { title: string; days: number }) => `Overdue ${p.days} day(s): docking arrangement for ${p.title}`,
    'followup.supervise.body': (p: Plan) =>
      `*Supervised matter (督办事项):* special group ${p.group} has not sent the docking arrangement for *${p.title}* ` +
      `(passed ${p.passedOn}, due ${p.due}, ${p.days} day(s) overdue).`,
    'followup.supervise.reminded': (p: { people: string }) => `Reminded again today: ${p.people}`,
    'followup.supervise.nobody': 'The group has no leader, deputy or liaison to remind: add them to the org file.',
    'followup.supervise.text': (p: { title: string; group: string; days: number }) =>
      `Supervised matter: ${p.group} has not answered ${p.title} (${p.days} day(s) overdue)`,
    'followup.unreachable': (p: { title: string; group: string }) =>
      `The follow-up prompt for *${p.title}* cannot be delivered: special group ${p.group} has no channel and no leader, ` +
      'deputy or liaison. Add them to the org file and run `reform-bot import-org`.',
    'followup.confirm.head': (p: { who: string; on: string; title: string }) => `:white_check_mark: Docking arrangement for *${p.title}* received from ${p.who} on ${p.on}.`,
    'followup.confirm.lead': (p: { department: string }) => `• Lead department: ${p.department}`,
    'followup.confirm.drafts': (p: { target: string }) => `• A provincial plan will be drafted, by ${p.target}`,
    'followup.confirm.noDraft': (p: { target: string }) => `• No separate provincial plan; arrangements in place by ${p.target}`,
    'followup.confirm.note': (p: { note: string }) => `• Note: ${p.note}`,
    'followup.confirm.stopped': 'The follow-up is complete; no more reminders will be sent.',
    'followup.confirm.text': (p: { title: string }) => `Docking arrangement received: ${p.title}`,
    // the docking-arrangement modal
    'followup.modal.title': 'Docking arrangement',
    'followup.modal.submit': 'Send',
    'followup.modal.cancel': 'Cancel',
    'followup.modal.intro': (p: { title: string; passedOn: string; due: string; group: string }) =>
      `*${p.title}*\nPassed ${p.passedOn} · special group ${p.group} · due ${p.due}`,
    'followup.modal.lead': 'Lead department',
    'followup.modal.leadHint': 'The provincial department that leads the follow-up work',
    'followup.modal.drafts': 'Will a provincial plan be drafted?',
    'followup.modal.yes': 'Yes, a provincial plan will be drafted',
    'followup.modal.no': 'No, the central plan is implemented directly',
    'followup.modal.target': 'Target date',
    'followup.modal.targetHint': 'When the provincial plan will be drafted (or the arrangements in place)',
    'followup.modal.note': 'Note',
    'followup.error.leadRequired': 'Name the lead department.',
    'followup.error.leadTooLong': (p: { max: number }) => `At most ${p.max} characters.`,
    'followup.error.draftsRequired': 'Choose yes or no.',
    'followup.error.targetRequired': 'Give the date by which the provincial plan will be drafted.',
    'followup.error.targetBeforePassed': (p: { passedOn: string }) => `The target date cannot be before the central plan passed (${p.passedOn}).`,
    'followup.error.noteTooLong': (p: { max: number }) => `At most ${p.max} characters.`,
    'followup.refuse.notMember': (p: { group: string }) =>
      `Only the leaders, deputies and liaisons of special group ${p.group}, or office admins, can send this docking arrangement. You are not listed for that group in the org file.`,
    'followup.refuse.notFound': 'This central plan no longer exists.',
    'followup.already': (p: { who: string; on: string }) => `The docking arrangement was already sent by ${p.who} on ${p.on}; nothing was changed.`,
    'followup.failed': 'Something went wrong while saving the docking arrangement; nothing was recorded. Please try again.',
    // registration (/reform central, reform-bot central add)
    'central.modal.title': 'Register central plan',
    'central.modal.submit': 'Register',
    'central.modal.intro': 'A plan passed by the central reform group. The special group is prompted within 15 minutes and must answer within the deadline.',
    'central.field.title': 'Title of the plan',
    'central.field.passedOn': 'Passed on',
    'central.field.group': 'Special group that follows it up',
    'central.field.groupCode': 'Special group code (e.g. G1)',
    'central.field.meeting': 'Meeting (e.g. 25th meeting of the central reform group)',
    'central.field.url': 'Link to the document',
    'central.error.required': 'Required.',
    'central.error.tooLong': 'Too long.',
    'central.error.badDate': 'Not a date (YYYY-MM-DD).',
    'central.error.future': 'A plan cannot have passed in the future.',
    'central.error.unknownGroup': 'No special group with this code; see the org file.',
    'central.error.badUrl': 'Not a web link (http:// or https://).',
    'central.refuse.notAdmin': 'Only office admins (改革办) can register central plans: you are not listed under admins in the org file.',
    'central.noGroups': 'No special groups exist yet: import the org file first (`reform-bot import-org`).',
    'central.registered': (p: { id: number; title: string; due: string; group: string }) =>
      `Registered central plan #${p.id} *${p.title}* for special group ${p.group}. The prompt goes out with the next follow-up run (every 15 minutes); the docking arrangement is due ${p.due}.`,
    'central.existing': (p: { id: number; title: string; due: string }) =>
      `*${p.title}* was already registered as #${p.id} (docking arrangement due ${p.due}); nothing was added.`,
  },
  'zh-CN': {
    'followup.button': '报送对接工作安排',
    'followup.link': '文件原文',
    'followup.andMore': (p: { count: number }) => `等 ${p.count} 人`,
    'followup.passed': (p: { title: string; passedOn: string; meeting: string }) =>
      `中央全面深化改革领导小组于 ${p.passedOn}${p.meeting ? `（${p.meeting}）` : ''}审议通过了《${p.title}》。`,
    'followup.prompt.header': '对接提示通知',
    'followup.prompt.ask': (p: { group: string; due: string }) =>
      `请*${p.group}*于 *${p.due}* 前报送对接工作安排（牵头部门、是否制定我省方案及完成时限）。`,
    'followup.prompt.youAre': (p: { group: string; role: string }) => `您是${p.group}${p.role}，特此直接提示。`,
    'followup.prompt.text': (p: { title: string; due: string }) => `对接提示通知：《${p.title}》已审议通过，请于 ${p.due} 前报送对接工作安排`,
    'followup.chase.header': '督办提醒：对接工作安排逾期未报',
    'followup.chase.body': (p: Plan) =>
      `《${p.title}》（${p.passedOn} 审议通过）的对接工作安排应于 ${p.due} 前报送，至今未报，已逾期 ${p.days} 天，` +
      `已列为改革办督办事项。责任专项小组：${p.group}。`,
    'followup.chase.text': (p: { title: string; days: number }) => `逾期 ${p.days} 天：《${p.title}》对接工作安排未报`,
    'followup.supervise.body': (p: Plan) =>
      `*督办事项：*${p.group}尚未报送《${p.title}》的对接工作安排（${p.passedOn} 审议通过，应于 ${p.due} 前报送，已逾期 ${p.days} 天）。`,
    'followup.supervise.reminded': (p: { people: string }) => `今日已再次提醒：${p.people}`,
    'followup.supervise.nobody': '该专项小组没有组长、副组长或联络员可提醒，请在组织文件中补充。',
    'followup.supervise.text': (p: { title: string; group: string; days: number }) => `督办事项：${p.group} 未报送《${p.title}》对接工作安排（逾期 ${p.days} 天）`,
    'followup.unreachable': (p: { title: string; group: string }) =>
      `《${p.title}》的对接提示通知无法送达：${p.group}既没有频道，也没有组长、副组长或联络员。` +
      '请在组织文件中补充后运行 `reform-bot import-org`。',
    'followup.confirm.head': (p: { who: string; on: string; title: string }) => `:white_check_mark: 已收到 ${p.who} 于 ${p.on} 报送的《${p.title}》对接工作安排。`,
    'followup.confirm.lead': (p: { department: string }) => `• 牵头部门：${p.department}`,
    'followup.confirm.drafts': (p: { target: string }) => `• 制定我省方案，完成时限：${p.target}`,
    'followup.confirm.noDraft': (p: { target: string }) => `• 不另行制定我省方案，对接工作完成时限：${p.target}`,
    'followup.confirm.note': (p: { note: string }) => `• 备注：${p.note}`,
    'followup.confirm.stopped': '盯跟完成，不再提醒。',
    'followup.confirm.text': (p: { title: string }) => `已收到对接工作安排：《${p.title}》`,
    'followup.modal.title': '对接工作安排',
    'followup.modal.submit': '报送',
    'followup.modal.cancel': '取消',
    'followup.modal.intro': (p: { title: string; passedOn: string; due: string; group: string }) =>
      `*《${p.title}》*\n${p.passedOn} 审议通过 · 责任专项小组 ${p.group} · 应于 ${p.due} 前报送`,
    'followup.modal.lead': '牵头部门',
    'followup.modal.leadHint': '负责对接落实的省直牵头部门',
    'followup.modal.drafts': '是否制定我省方案？',
    'followup.modal.yes': '是，制定我省方案',
    'followup.modal.no': '否，直接贯彻落实中央方案',
    'followup.modal.target': '完成时限',
    'followup.modal.targetHint': '我省方案起草完成（或对接工作落实）的日期',
    'followup.modal.note': '备注',
    'followup.error.leadRequired': '请填写牵头部门。',
    'followup.error.leadTooLong': (p: { max: number }) => `最多 ${p.max} 个字。`,
    'followup.error.draftsRequired': '请选择是或否。',
    'followup.error.targetRequired': '请填写我省方案的完成时限。',
    'followup.error.targetBeforePassed': (p: { passedOn: string }) => `完成时限不能早于中央方案审议通过日期（${p.passedOn}）。`,
    'followup.error.noteTooLong': (p: { max: number }) => `最多 ${p.max} 个字。`,
    'followup.refuse.notMember': (p: { group: string }) =>
      `只有专项小组 ${p.group} 的组长、副组长、联络员或改革办人员可以报送该对接工作安排。组织文件中您不属于该小组。`,
    'followup.refuse.notFound': '该中央改革方案已不存在。',
    'followup.already': (p: { who: string; on: string }) => `对接工作安排已由 ${p.who} 于 ${p.on} 报送，未作改动。`,
    'followup.failed': '保存对接工作安排时出错，未记录任何内容，请重试。',
    'central.modal.title': '登记中央改革方案',
    'central.modal.submit': '登记',
    'central.modal.intro': '登记中央深改组审议通过的方案。15 分钟内向责任专项小组发出对接提示通知，小组须在时限内报送对接工作安排。',
    'central.field.title': '方案名称',
    'central.field.passedOn': '审议通过日期',
    'central.field.group': '责任专项小组',
    'central.field.groupCode': '责任专项小组代码（如 G1）',
    'central.field.meeting': '会议（如 中央深改组第二十五次会议）',
    'central.field.url': '文件链接',
    'central.error.required': '必填。',
    'central.error.tooLong': '内容过长。',
    'central.error.badDate': '不是日期（YYYY-MM-DD）。',
    'central.error.future': '审议通过日期不能晚于今天。',
    'central.error.unknownGroup': '没有该代码的专项小组，请查看组织文件。',
    'central.error.badUrl': '不是网址（http:// 或 https://）。',
    'central.refuse.notAdmin': '只有改革办人员可以登记中央改革方案：组织文件的 admins 中没有您。',
    'central.noGroups': '尚无专项小组：请先导入组织文件（`reform-bot import-org`）。',
    'central.registered': (p: { id: number; title: string; due: string; group: string }) =>
      `已登记中央改革方案 #${p.id}《${p.title}》，责任专项小组 ${p.group}。下次盯跟任务（每 15 分钟）将发出对接提示通知；对接工作安排应于 ${p.due} 前报送。`,
    'central.existing': (p: { id: number; title: string; due: string }) => `《${p.title}》已登记为 #${p.id}（对接工作安排应于 ${p.due} 前报送），未重复登记。`,
  },
});
