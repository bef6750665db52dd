// Follow-ups of central plans (盯跟), the docking-arrangement and registration modals.
import { defineCatalog } from '../define.ts';

type Plan = { title: string; passedOn: string; due: string; days: number; group: string };
type Counts = {
  items: number;
  plans: number;
  done: number;
  doneRate: string;
  started: number;
  startedRate: string;
  notStarted: number;
  notStartedRate: string;
};
type FollowupLine = { title: string; group: string; passedOn: string; due: string; days: number };

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
    'followup.prompt.youAre': (p: { group: string; role: string }) =>
      `You receive this directly as ${p.role} of ${p.group}.`,
    'followup.prompt.text': (p: { title: string; due: string }) =>
      `Follow-up prompt: ${p.title} has passed; docking arrangement due ${p.due}`,
    'followup.chase.header': 'Overdue: docking arrangement not sent',
    'followup.chase.body': (p: Plan) =>
      `The docking arrangement for *${p.title}* (passed ${p.passedOn}) was due ${p.due} and has not been sent: ` +
      `${p.days} day(s) overdue. It is now a supervised matter (督办事项) of the reform office. Special group: ${p.group}.`,
    'followup.chase.text': (p: { title: string; days: number }) =>
      `Overdue ${p.days} day(s): docking arrangement for ${p.title}`,
    'followup.supervise.body': (p: Plan) =>
      `*Supervised matter (督办事项):* special group ${p.group} has not sent the docking arrangement for *${p.title}* ` +
      `(passed ${p.passedOn}, due ${p.due}, ${p.days} day(s) overdue).`,
    'followup.supervise.reminded': (p: { people: string }) => `Reminded again today: ${p.people}`,
    'followup.supervise.nobody': 'The group has no leader, deputy or liaison to remind: add them to the org file.',
    'followup.supervise.text': (p: { title: string; group: string; days: number }) =>
      `Supervised matter: ${p.group} has not sent the docking arrangement for ${p.title} (${p.days} day(s) overdue)`,
    'followup.unreachable': (p: { title: string; group: string }) =>
      `The follow-up prompt for *${p.title}* cannot be delivered: special group ${p.group} has no channel and no leader, ` +
      'deputy or liaison. Add them to the org file and run `reform-bot import-org`.',
    'followup.confirm.head': (p: { who: string; on: string; title: string }) =>
      `:white_check_mark: Docking arrangement for *${p.title}* received from ${p.who} on ${p.on}.`,
    'followup.confirm.lead': (p: { department: string }) => `• Lead department: ${p.department}`,
    'followup.confirm.drafts': (p: { target: string }) => `• A provincial plan will be drafted, by ${p.target}`,
    'followup.confirm.noDraft': (p: { target: string }) =>
      `• No separate provincial plan; arrangements in place by ${p.target}`,
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
    'followup.error.targetBeforePassed': (p: { passedOn: string }) =>
      `The target date cannot be before the central plan passed (${p.passedOn}).`,
    'followup.error.noteTooLong': (p: { max: number }) => `At most ${p.max} characters.`,
    'followup.refuse.notMember': (p: { group: string }) =>
      `Only the leaders, deputies and liaisons of special group ${p.group}, or office admins, can send this docking arrangement. You are not listed for that group in the org file.`,
    'followup.refuse.notFound': 'This central plan no longer exists.',
    'followup.already': (p: { who: string; on: string }) =>
      `The docking arrangement was already sent by ${p.who} on ${p.on}; nothing was changed.`,
    'followup.failed':
      'Something went wrong while saving the docking arrangement; nothing was recorded. Please try again.',
    // registration (/reform central, reform-bot central add)
    'central.modal.title': 'Register central plan',
    'central.modal.submit': 'Register',
    'central.modal.intro':
      'A plan passed by the central reform group. The special group is prompted within 15 minutes and must send its docking arrangement within the deadline.',
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
    'central.refuse.notAdmin':
      'Only office admins (改革办) can register central plans: you are not listed under admins in the org file.',
    'central.noGroups': 'No special groups exist yet: import the org file first (`reform-bot import-org`).',
    'central.registered': (p: { id: number; title: string; due: string; group: string }) =>
      `Registered central plan #${p.id} *${p.title}* for special group ${p.group}. The prompt goes out with the next follow-up run (every 15 minutes); the docking arrangement is due ${p.due}.`,
    'central.existing': (p: { id: number; title: string; due: string }) =>
      `*${p.title}* was already registered as #${p.id} (docking arrangement due ${p.due}); nothing was added.`,
    // close-out (销账)
    'closeout.header': 'Ready to close out (销账)',
    'closeout.header.part': (p: { index: number; total: number }) =>
      `Ready to close out (销账), part ${p.index} of ${p.total}`,
    'closeout.intro':
      'Every item of these plans is done. *Close out* a plan to take it out of reminders and report it as closed; *Not yet* keeps it open and it is not proposed again until one of its items changes.',
    'closeout.allDone': (p: { items: number }) => `All ${p.items} item(s) done`,
    'closeout.confirm': 'Close out',
    'closeout.notYet': 'Not yet',
    'closeout.cancel': 'Cancel',
    'closeout.confirmTitle': 'Close out this plan?',
    'closeout.confirmText': (p: { code: string }) =>
      `Plan ${p.code} will be closed out as of today and leave the reminders.`,
    'closeout.text': (p: { count: number; codes: string }) => `${p.count} plan(s) ready to close out: ${p.codes}`,
    'closeout.outcome.closed': (p: { who: string; on: string }) =>
      `:white_check_mark: Closed out by ${p.who} on ${p.on}.`,
    'closeout.outcome.notYet': (p: { who: string }) =>
      `:hourglass: Not yet (${p.who}): kept open; proposed again when its items change.`,
    'closeout.outcome.changed': (p: { items: number; done: number }) =>
      `:warning: The plan changed since it was proposed (${p.done} of ${p.items} items done); not closed. It will be proposed again when every item is done.`,
    'closeout.refuse.notAdmin':
      'Only office admins (改革办) can close out plans: you are not listed under admins in the org file. Nothing was changed.',
    'closeout.already': (p: { code: string; who: string; on: string }) =>
      `Plan ${p.code} was already closed out by ${p.who} on ${p.on}; nothing was changed.`,
    'closeout.alreadyDecided': (p: { code: string; who: string }) =>
      `${p.who} already answered this proposal for ${p.code}; nothing was changed.`,
    'closeout.notFound': 'This plan no longer exists.',
    'closeout.failed': 'Something went wrong; nothing was changed. Please try again.',
    // weekly digest
    'digest.title': (p: { period: string; asOf: string }) =>
      `*Weekly supervision digest · ${p.period}* (as of ${p.asOf})`,
    'digest.counts': (p: Counts) =>
      `${p.items} items in ${p.plans} plans: ${p.done} done (${p.doneRate}%), ${p.started} started (${p.startedRate}%), ${p.notStarted} not started (${p.notStartedRate}%)`,
    'digest.noItems': 'No items in the ledger yet.',
    'digest.firstDigest': (p: { rate: string }) => `Completion ${p.rate}% (first digest: no change to report yet)`,
    'digest.changeLastWeek': (p: { rate: string; delta: string }) =>
      `Completion ${p.rate}% (${p.delta} points on last week)`,
    'digest.changeSince': (p: { rate: string; delta: string; period: string }) =>
      `Completion ${p.rate}% (${p.delta} points since the ${p.period} digest)`,
    'digest.lights': (p: { red: number; yellow: number; workdays: number; closable: number; followups: number }) =>
      `:red_circle: ${p.red} overdue · :large_yellow_circle: ${p.yellow} due within ${p.workdays} working days · ${p.closable} plan(s) ready to close out · ${p.followups} central plan(s) awaiting a docking arrangement`,
    'digest.seeThread': 'Details in the replies: by domain, by group, overdue items, close-out, follow-ups.',
    'digest.fallback': (p: { period: string; change: string }) => `Weekly digest ${p.period}: ${p.change}`,
    'digest.changeShort': (p: { change: string }) => ` (${p.change})`,
    'digest.tally': (p: {
      plans: number;
      items: number;
      done: number;
      doneRate: string;
      started: number;
      notStarted: number;
    }) =>
      `${p.plans} plans, ${p.items} items: ${p.done} done (${p.doneRate}%), ${p.started} started, ${p.notStarted} not started`,
    'digest.noGroup': '(no group)',
    'digest.continued': '(continued)',
    'digest.replyFallback': (p: { period: string; topic: string }) => `Weekly digest ${p.period}: ${p.topic}`,
    'digest.byDomain': 'By reform domain',
    'digest.byGroup': 'By special group, ranked by completion',
    'digest.overdue': (p: { count: number }) => `Overdue items (${p.count}), the most overdue first`,
    'digest.overdueLine': (p: {
      ref: string;
      title: string;
      due: string;
      days: number;
      group: string;
      status: string;
    }) =>
      `• :red_circle: *${p.ref}* ${p.title} — due ${p.due}, ${p.days} working day(s) overdue · ${p.group} · ${p.status}`,
    'digest.noneOverdue': 'No overdue items.',
    'digest.andMore': (p: { count: number }) => `… and ${p.count} more`,
    'digest.closable': (p: { count: number }) => `Plans ready to close out (${p.count})`,
    'digest.closed': (p: { count: number; since: string }) => `Plans closed out since ${p.since} (${p.count})`,
    'digest.closedLine': (p: { code: string; title: string; on: string; who: string }) =>
      `• *${p.code}* ${p.title} — closed ${p.on} by ${p.who}`,
    'digest.followups': (p: { count: number }) => `Central plans awaiting a docking arrangement (${p.count})`,
    'digest.followupOverdue': (p: FollowupLine) =>
      `• :rotating_light: *${p.title}* · ${p.group} · passed ${p.passedOn}, due ${p.due}, ${p.days} day(s) overdue (supervised matter)`,
    'digest.followupPending': (p: FollowupLine) => `• *${p.title}* · ${p.group} · passed ${p.passedOn}, due ${p.due}`,
    'digest.noChannel': (p: { period: string }) =>
      `The weekly digest ${p.period} was not posted: no digest channel is set. Add \`digest_channel\` to the org file and run \`reform-bot import-org\`, then \`reform-bot run digest\`.`,
    // CLI: central add / central list / plan close
    'cli.central.add.summary':
      'Register a plan passed by the central reform group; its special group is prompted to follow it up',
    'cli.central.add.help': [
      'The docking arrangement is due FOLLOWUP_DEADLINE_DAYS calendar days after --passed-on (3 by default,',
      'the article\'s "within 3 days"). The next follow-up run (every 15 minutes) posts the prompt in the',
      "group's channel and sends it to its leaders, deputies and liaisons. Registering the same title, date and",
      'group again changes nothing.',
      '',
      'Options:',
      "  --title <text>        the plan's title (required, at most 300 characters)",
      '  --passed-on <date>    the day it passed, YYYY-MM-DD, not in the future (required)',
      '  --group <code>        the special group that follows it up, e.g. G1 (required)',
      '  --meeting <text>      the meeting that passed it',
      '  --url <link>          a link to the document (http or https)',
      '',
      'Example:',
      '  reform-bot central add --title "关于深化国有企业改革的指导意见" --passed-on 2026-09-24 --group G1 --meeting "中央深改组第十七次会议"',
    ].join('\n'),
    'cli.central.list.summary':
      'List central plans and the state of their follow-up (arrangement sent, waiting, overdue)',
    'cli.central.list.help': [
      'Options:',
      '  --open    only those still awaiting a docking arrangement',
      '  --json    print JSON',
      '',
      'Example:',
      '  reform-bot central list --open',
    ].join('\n'),
    'cli.central.missing': (p: { option: string }) => `${p.option} is required`,
    'cli.central.problem': (p: { option: string; problem: string }) => `${p.option}: ${p.problem}`,
    'cli.central.added': (p: { id: number; title: string; due: string; group: string }) =>
      `Registered central plan #${p.id} "${p.title}" for special group ${p.group}; docking arrangement due ${p.due}. The next follow-up run sends the prompt.`,
    'cli.central.existing': (p: { id: number; title: string; due: string }) =>
      `"${p.title}" is already registered as #${p.id} (due ${p.due}); nothing was added.`,
    'cli.central.colId': '#',
    'cli.central.colTitle': 'Title',
    'cli.central.colPassed': 'Passed',
    'cli.central.colGroup': 'Group',
    'cli.central.colDue': 'Due',
    'cli.central.colState': 'Follow-up',
    'cli.central.arranged': (p: { by: string; on: string }) => `arrangement sent by ${p.by} on ${p.on}`,
    'cli.central.waiting': 'waiting',
    'cli.central.overdue': (p: { days: number }) => `overdue ${p.days} day(s), supervised`,
    'cli.central.none': 'No central plans registered.',
    'cli.planClose.summary': 'Close out (销账) a plan whose items are all done',
    'cli.planClose.help': [
      'Closes the plan as of today (REFORM_TZ): it leaves the reminders and is reported as closed in the digest.',
      'Refused when not every item is done, unless --force (e.g. items superseded by a later plan; the',
      'items keep their statuses). Closing a closed plan changes nothing.',
      '',
      'Options:',
      '  --force    close even if not every item is done',
      '',
      'Example:',
      '  reform-bot plan close SC-FA-001',
    ].join('\n'),
    'cli.planClose.notFound': (p: { code: string }) => `No plan with code ${p.code}`,
    'cli.planClose.closed': (p: { code: string; on: string }) => `Plan ${p.code} closed out on ${p.on}.`,
    'cli.planClose.already': (p: { code: string; on: string; by: string }) =>
      `Plan ${p.code} was already closed out on ${p.on} by ${p.by}; nothing changed.`,
    'cli.planClose.notClosable': (p: { code: string; done: number; items: number }) =>
      `Plan ${p.code} is not closed: ${p.done} of ${p.items} items done. Use --force to close it anyway.`,
  },
  'zh-CN': {
    'followup.button': '报送对接工作安排',
    'followup.link': '文件原文',
    'followup.andMore': (p: { count: number }) => `等 ${p.count} 人`,
    'followup.passed': (p: { title: string; passedOn: string; meeting: string }) =>
      `中央全面深化改革领导小组于 ${p.passedOn}${p.meeting ? `（${p.meeting}）` : ' '}审议通过了《${p.title}》。`,
    'followup.prompt.header': '对接提示通知',
    'followup.prompt.ask': (p: { group: string; due: string }) =>
      `请 *${p.group}* 于 *${p.due}* 前报送对接工作安排（牵头部门、是否制定我省方案及完成时限）。`,
    'followup.prompt.youAre': (p: { group: string; role: string }) => `您是${p.group}${p.role}，特此直接提示。`,
    'followup.prompt.text': (p: { title: string; due: string }) =>
      `对接提示通知：《${p.title}》已审议通过，请于 ${p.due} 前报送对接工作安排`,
    'followup.chase.header': '督办提醒：对接工作安排逾期未报',
    'followup.chase.body': (p: Plan) =>
      `《${p.title}》（${p.passedOn} 审议通过）的对接工作安排应于 ${p.due} 前报送，至今未报，已逾期 ${p.days} 天，` +
      `已列为改革办督办事项。责任专项小组：${p.group}。`,
    'followup.chase.text': (p: { title: string; days: number }) => `逾期 ${p.days} 天：《${p.title}》对接工作安排未报`,
    'followup.supervise.body': (p: Plan) =>
      `*督办事项：* ${p.group} 尚未报送《${p.title}》的对接工作安排（${p.passedOn} 审议通过，应于 ${p.due} 前报送，已逾期 ${p.days} 天）。`,
    'followup.supervise.reminded': (p: { people: string }) => `今日已再次提醒：${p.people}`,
    'followup.supervise.nobody': '该专项小组没有组长、副组长或联络员可提醒，请在组织文件中补充。',
    'followup.supervise.text': (p: { title: string; group: string; days: number }) =>
      `督办事项：${p.group} 未报送《${p.title}》对接工作安排（逾期 ${p.days} 天）`,
    'followup.unreachable': (p: { title: string; group: string }) =>
      `《${p.title}》的对接提示通知无法送达：${p.group}既没有频道，也没有组长、副组长或联络员。` +
      '请在组织文件中补充后运行 `reform-bot import-org`。',
    'followup.confirm.head': (p: { who: string; on: string; title: string }) =>
      `:white_check_mark: 已收到 ${p.who} 于 ${p.on} 报送的《${p.title}》对接工作安排。`,
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
    'followup.error.targetBeforePassed': (p: { passedOn: string }) =>
      `完成时限不能早于中央方案审议通过日期（${p.passedOn}）。`,
    'followup.error.noteTooLong': (p: { max: number }) => `最多 ${p.max} 个字。`,
    'followup.refuse.notMember': (p: { group: string }) =>
      `只有专项小组 ${p.group} 的组长、副组长、联络员或改革办人员可以报送该对接工作安排。组织文件中您不属于该小组。`,
    'followup.refuse.notFound': '该中央改革方案已不存在。',
    'followup.already': (p: { who: string; on: string }) => `对接工作安排已由 ${p.who} 于 ${p.on} 报送，未作改动。`,
    'followup.failed': '保存对接工作安排时出错，未记录任何内容，请重试。',
    'central.modal.title': '登记中央改革方案',
    'central.modal.submit': '登记',
    'central.modal.intro':
      '登记中央深改组审议通过的方案。15 分钟内向责任专项小组发出对接提示通知，小组须在时限内报送对接工作安排。',
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
    'central.existing': (p: { id: number; title: string; due: string }) =>
      `《${p.title}》已登记为 #${p.id}（对接工作安排应于 ${p.due} 前报送），未重复登记。`,
    'closeout.header': '可销账方案',
    'closeout.header.part': (p: { index: number; total: number }) => `可销账方案（第 ${p.index}/${p.total} 部分）`,
    'closeout.intro':
      '以下方案的具体改革事项已全部完成。*确认销账* 后方案不再提醒，并在统计中列为已销账；*暂不销账* 则保留，待其事项有变化时再提出。',
    'closeout.allDone': (p: { items: number }) => `${p.items} 项事项全部完成`,
    'closeout.confirm': '确认销账',
    'closeout.notYet': '暂不销账',
    'closeout.cancel': '取消',
    'closeout.confirmTitle': '确认销账？',
    'closeout.confirmText': (p: { code: string }) => `方案 ${p.code} 将以今天为销账日期，不再提醒。`,
    'closeout.text': (p: { count: number; codes: string }) => `${p.count} 个方案可销账：${p.codes}`,
    'closeout.outcome.closed': (p: { who: string; on: string }) =>
      `:white_check_mark: ${p.who} 已于 ${p.on} 确认销账。`,
    'closeout.outcome.notYet': (p: { who: string }) => `:hourglass: 暂不销账（${p.who}）：保留，事项有变化时再提出。`,
    'closeout.outcome.changed': (p: { items: number; done: number }) =>
      `:warning: 提出后方案已有变化（${p.items} 项中完成 ${p.done} 项），未销账；事项全部完成后将再次提出。`,
    'closeout.refuse.notAdmin': '只有改革办人员可以销账：组织文件的 admins 中没有您。未作任何改动。',
    'closeout.already': (p: { code: string; who: string; on: string }) =>
      `方案 ${p.code} 已由 ${p.who} 于 ${p.on} 销账，未作改动。`,
    'closeout.alreadyDecided': (p: { code: string; who: string }) =>
      `${p.who} 已答复方案 ${p.code} 的销账提议，未作改动。`,
    'closeout.notFound': '该方案已不存在。',
    'closeout.failed': '出错了，未作任何改动，请重试。',
    'digest.title': (p: { period: string; asOf: string }) => `*督察周报 · ${p.period}*（截至 ${p.asOf}）`,
    'digest.counts': (p: Counts) =>
      `${p.plans} 个方案 ${p.items} 项具体改革事项：已完成 ${p.done} 项（${p.doneRate}%），已启动未完成 ${p.started} 项（${p.startedRate}%），未启动 ${p.notStarted} 项（${p.notStartedRate}%）`,
    'digest.noItems': '台账中尚无具体改革事项。',
    'digest.firstDigest': (p: { rate: string }) => `完成率 ${p.rate}%（首次周报，暂无对比）`,
    'digest.changeLastWeek': (p: { rate: string; delta: string }) => `完成率 ${p.rate}%（较上周 ${p.delta} 个百分点）`,
    'digest.changeSince': (p: { rate: string; delta: string; period: string }) =>
      `完成率 ${p.rate}%（较 ${p.period} 周报 ${p.delta} 个百分点）`,
    'digest.lights': (p: { red: number; yellow: number; workdays: number; closable: number; followups: number }) =>
      `:red_circle: 逾期 ${p.red} 项 · :large_yellow_circle: ${p.workdays} 个工作日内到期 ${p.yellow} 项 · 可销账方案 ${p.closable} 个 · 待报对接工作安排 ${p.followups} 件`,
    'digest.seeThread': '详情见本消息的回复：按改革领域、按专项小组、逾期事项、可销账方案、盯跟事项。',
    'digest.fallback': (p: { period: string; change: string }) => `督察周报 ${p.period}：${p.change}`,
    'digest.changeShort': (p: { change: string }) => `（${p.change}）`,
    'digest.tally': (p: {
      plans: number;
      items: number;
      done: number;
      doneRate: string;
      started: number;
      notStarted: number;
    }) =>
      `${p.plans} 个方案 ${p.items} 项：完成 ${p.done}（${p.doneRate}%）· 已启动 ${p.started} · 未启动 ${p.notStarted}`,
    'digest.noGroup': '（未指定专项小组）',
    'digest.continued': '（续）',
    'digest.replyFallback': (p: { period: string; topic: string }) => `督察周报 ${p.period}：${p.topic}`,
    'digest.byDomain': '按改革领域',
    'digest.byGroup': '按专项小组（按完成率排序）',
    'digest.overdue': (p: { count: number }) => `逾期事项（${p.count} 项，逾期最久的在前）`,
    'digest.overdueLine': (p: {
      ref: string;
      title: string;
      due: string;
      days: number;
      group: string;
      status: string;
    }) =>
      `• :red_circle: *${p.ref}* ${p.title} —— 应于 ${p.due} 完成，逾期 ${p.days} 个工作日 · ${p.group} · ${p.status}`,
    'digest.noneOverdue': '没有逾期事项。',
    'digest.andMore': (p: { count: number }) => `……另有 ${p.count} 条`,
    'digest.closable': (p: { count: number }) => `可销账方案（${p.count} 个）`,
    'digest.closed': (p: { count: number; since: string }) => `${p.since} 以来已销账方案（${p.count} 个）`,
    'digest.closedLine': (p: { code: string; title: string; on: string; who: string }) =>
      `• *${p.code}* ${p.title} —— ${p.on} 由 ${p.who} 销账`,
    'digest.followups': (p: { count: number }) => `待报对接工作安排的中央改革方案（${p.count} 件）`,
    'digest.followupOverdue': (p: FollowupLine) =>
      `• :rotating_light: 《${p.title}》· ${p.group} · ${p.passedOn} 审议通过，应于 ${p.due} 前报送，已逾期 ${p.days} 天（督办事项）`,
    'digest.followupPending': (p: FollowupLine) =>
      `• 《${p.title}》· ${p.group} · ${p.passedOn} 审议通过，应于 ${p.due} 前报送`,
    'digest.noChannel': (p: { period: string }) =>
      `督察周报 ${p.period} 未发布：未设置周报频道。请在组织文件中填写 \`digest_channel\` 并运行 \`reform-bot import-org\`，然后运行 \`reform-bot run digest\`。`,
    'cli.central.add.summary': '登记中央深改组审议通过的方案，向责任专项小组发出对接提示',
    'cli.central.add.help': [
      '对接工作安排应于 --passed-on 之后 FOLLOWUP_DEADLINE_DAYS 个自然日内报送（默认 3 天，即“3天之内”）。',
      '下次盯跟任务（每 15 分钟）在专项小组频道发出对接提示通知，并直接发给组长、副组长和联络员。',
      '同一名称、日期和小组重复登记不会新增。',
      '',
      '选项：',
      '  --title <文本>        方案名称（必填，最多 300 字）',
      '  --passed-on <日期>    审议通过日期，YYYY-MM-DD，不能晚于今天（必填）',
      '  --group <代码>        负责盯跟的专项小组代码，如 G1（必填）',
      '  --meeting <文本>      审议通过的会议',
      '  --url <链接>          文件链接（http 或 https）',
      '',
      '示例：',
      '  reform-bot central add --title "关于深化国有企业改革的指导意见" --passed-on 2026-09-24 --group G1 --meeting "中央深改组第十七次会议"',
    ].join('\n'),
    'cli.central.list.summary': '列出中央改革方案及盯跟情况（已报送、待报送、逾期）',
    'cli.central.list.help': [
      '选项：',
      '  --open    只列出尚未报送对接工作安排的',
      '  --json    以 JSON 输出',
      '',
      '示例：',
      '  reform-bot central list --open',
    ].join('\n'),
    'cli.central.missing': (p: { option: string }) => `缺少 ${p.option}`,
    'cli.central.problem': (p: { option: string; problem: string }) => `${p.option}：${p.problem}`,
    'cli.central.added': (p: { id: number; title: string; due: string; group: string }) =>
      `已登记中央改革方案 #${p.id}《${p.title}》，责任专项小组 ${p.group}，对接工作安排应于 ${p.due} 前报送。下次盯跟任务将发出对接提示通知。`,
    'cli.central.existing': (p: { id: number; title: string; due: string }) =>
      `《${p.title}》已登记为 #${p.id}（应于 ${p.due} 前报送），未重复登记。`,
    'cli.central.colId': '#',
    'cli.central.colTitle': '方案名称',
    'cli.central.colPassed': '审议通过',
    'cli.central.colGroup': '专项小组',
    'cli.central.colDue': '报送时限',
    'cli.central.colState': '盯跟情况',
    'cli.central.arranged': (p: { by: string; on: string }) => `已由 ${p.by} 于 ${p.on} 报送`,
    'cli.central.waiting': '待报送',
    'cli.central.overdue': (p: { days: number }) => `逾期 ${p.days} 天，督办中`,
    'cli.central.none': '尚未登记中央改革方案。',
    'cli.planClose.summary': '对事项全部完成的方案销账',
    'cli.planClose.help': [
      '以今天（REFORM_TZ）为销账日期：方案不再提醒，周报中列为已销账。',
      '事项未全部完成时拒绝销账，除非使用 --force（如事项已被后续方案取代；事项保持原状态）。',
      '对已销账的方案再次销账不作改动。',
      '',
      '选项：',
      '  --force    事项未全部完成也销账',
      '',
      '示例：',
      '  reform-bot plan close SC-FA-001',
    ].join('\n'),
    'cli.planClose.notFound': (p: { code: string }) => `没有代码为 ${p.code} 的方案`,
    'cli.planClose.closed': (p: { code: string; on: string }) => `方案 ${p.code} 已于 ${p.on} 销账。`,
    'cli.planClose.already': (p: { code: string; on: string; by: string }) =>
      `方案 ${p.code} 已于 ${p.on} 由 ${p.by} 销账，未作改动。`,
    'cli.planClose.notClosable': (p: { code: string; done: number; items: number }) =>
      `方案 ${p.code} 未销账：${p.items} 项事项中完成 ${p.done} 项。如确需销账，请加 --force。`,
  },
});
