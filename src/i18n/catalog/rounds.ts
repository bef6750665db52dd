// Supervision rounds (督察评估): CLI, self-check modal and message, export.
import { defineCatalog } from '../define.ts';

type RoundRef = { id: number; kind: string; asOf: string };

export const roundsCatalog = defineCatalog({
  en: {
    'round.kind.mid-year': 'mid-year assessment',
    'round.kind.year-end': 'year-end self-check',
    'round.kind.special': 'special round',
    'round.check.coordinated':
      'Did the lead department specifically coordinate the implementation after the plan was issued?',
    'round.check.onSchedule': 'Are the reform items progressing on schedule?',
    'round.check.breakthroughs': 'Has the plan produced institutional outcomes (制度性成果)?',
    'round.check.coordinatedShort': 'Coordinated',
    'round.check.onScheduleShort': 'On schedule',
    'round.check.breakthroughsShort': 'Institutional outcomes',
    'round.answer.yes': 'Yes',
    'round.answer.no': 'No',
    'round.answer.none': '-',

    'round.modal.title': 'Round self-check',
    'round.modal.submit': 'Submit',
    'round.modal.cancel': 'Cancel',
    'round.modal.close': 'Close',
    'round.modal.roundLine': (p: RoundRef & { items: number }) =>
      `Round #${p.id} · ${p.kind} · as of ${p.asOf} · ${p.items} items`,
    'round.modal.filledLine': (p: { by: string; at: string }) =>
      `Last filled in by ${p.by} on ${p.at}. Submitting again replaces the answers.`,
    'round.modal.selectIntro': (p: { asOf: string }) => `*Items.* Confirm each item's status as of ${p.asOf}.`,
    'round.modal.linesIntro': (p: { asOf: string }) =>
      `*Items and their status as of ${p.asOf}.* Items you do not list under "Corrections" are confirmed as shown.`,
    'round.modal.more': (p: { count: number }) =>
      `…and ${p.count} more items, not shown here; you can still correct them by their code.`,
    'round.modal.due': (p: { date: string }) => `due ${p.date}`,
    'round.modal.noDue': 'no due date',
    'round.modal.corrections': 'Corrections (optional)',
    'round.modal.correctionsHint':
      'One item per line: item code=status, e.g. SC-FA-001-003=done. Status: done, started, not started (or 已完成, 已启动未完成, 未启动).',
    'round.modal.correctionsPlaceholder': 'ITEM-CODE=done',
    'round.modal.checksIntro': '*The three checks (三看)*',
    'round.modal.note': 'Note (optional)',
    'round.modal.notePlaceholder': 'Coordination meetings, documents issued, institutional outcomes…',

    'round.error.answer': 'Please answer this question.',
    'round.error.itemStatus': 'Please choose a status.',
    'round.error.noteTooLong': (p: { max: number }) => `Please keep the note under ${p.max} characters.`,
    'round.error.format': (p: { line: number }) => `line ${p.line}: write item code=status`,
    'round.error.unknownItem': (p: { line: number; code: string }) => `line ${p.line}: no item ${p.code} in this plan`,
    'round.error.unknownStatus': (p: { line: number }) => `line ${p.line}: status must be done, started or not started`,
    'round.error.conflict': (p: { line: number }) => `line ${p.line}: this item already has another status above`,
    'round.error.more': (p: { count: number }) => `and ${p.count} more`,

    'round.result.recorded': (p: { code: string }) => `Recorded the self-check of *${p.code}*. Thank you.`,
    'round.result.unchanged': (p: { code: string }) =>
      `The self-check of *${p.code}* was already recorded with these answers; nothing changed.`,
    'round.result.corrected': (p: { count: number }) => `Statuses corrected in the round: ${p.count}.`,
    'round.result.applied': (p: { codes: string }) => `Also updated in the ledger: ${p.codes}`,
    'round.result.keptNewer': (p: { codes: string }) =>
      `Not changed in the ledger, because they were updated after the round's snapshot: ${p.codes}`,
    'round.refused.notAdmin': (p: { kind: string }) =>
      `Only the reform office fills in the ${p.kind}. Nothing was changed.`,
    'round.refused.notLeadGroup': (p: { code: string }) =>
      `Only the leader, deputy or liaison of the group leading ${p.code}, or the reform office, can fill in its self-check. Nothing was changed.`,
    'round.notFound': 'This round or plan no longer exists. Nothing was changed.',
    'round.liveNote': (p: { id: number }) => `Corrected in the self-check of round #${p.id}`,

    'round.prompt.text': (p: RoundRef & { code: string }) =>
      `Round #${p.id} (${p.kind}, as of ${p.asOf}): please fill in the self-check of ${p.code}.`,
    'round.prompt.body': (p: RoundRef & { code: string; title: string; items: number }) =>
      `*${p.kind} · round #${p.id}, as of ${p.asOf}*\nPlease fill in the self-check of *${p.code}* ${p.title} (${p.items} items): ` +
      `confirm each item's status and answer the three checks (三看).`,
    'round.prompt.button': 'Fill in the self-check',

    'round.cli.create.summary': 'Create a supervision round: select the plans, snapshot their items, print the table',
    'round.cli.create.help': [
      'Selects the plans issued at least --min-age-months (default 6) before --as-of and not closed by',
      "then, and records each of their items' current status and due date (a snapshot: later updates",
      'do not change the round). --as-of defaults to today in REFORM_TZ.',
      "A year-end round also queues a direct message to each selected plan's lead group liaisons with",
      'a button that opens the self-check; the running bot sends them. A round with the same kind,',
      'date and age is refused (see `reform-bot round list`).',
      '--json prints the stats --json keys for the selected plans plus roundId and selectedPlans.',
      '',
      'Examples:',
      '  reform-bot round create --kind mid-year --as-of 2016-06-30',
      '  reform-bot round create --kind year-end --as-of 2016-12-31 --json',
    ].join('\n'),
    'round.cli.list.summary': 'List the supervision rounds and how many plans have their three checks filled in',
    'round.cli.list.help': 'Example:\n  reform-bot round list',
    'round.cli.show.summary': 'Show a round: each plan, its confirmed items and its three checks',
    'round.cli.show.help': 'Example:\n  reform-bot round show 3\n  reform-bot round show 3 --json',
    'round.cli.notify.summary': 'Queue the year-end self-check messages again for plans not yet filled in',
    'round.cli.notify.help': [
      'For liaisons added since the round was created. Nobody gets the same message twice.',
      '',
      'Example:',
      '  reform-bot round notify 3',
    ].join('\n'),
    'round.cli.badKind': (p: { value: string }) => `--kind: "${p.value}" must be mid-year, year-end or special`,
    'round.cli.badCount': (p: { option: string; value: string }) =>
      `${p.option}: "${p.value}" is not a whole number >= 0`,
    'round.cli.badId': (p: { value: string }) => `"${p.value}" is not a round number`,
    'round.cli.notFound': (p: { id: number }) => `No round #${p.id} (see reform-bot round list)`,
    'round.cli.created': (p: RoundRef & { cutoff: string; months: number; plans: number; items: number }) =>
      `Round #${p.id} created: ${p.kind} as of ${p.asOf}; ${p.plans} plans issued on or before ${p.cutoff} ` +
      `(${p.months} months) and open then, ${p.items} items recorded.`,
    'round.cli.exists': (p: RoundRef) =>
      `Round #${p.id} (${p.kind} as of ${p.asOf}) already exists; nothing was created.`,
    'round.cli.empty': (p: { asOf: string; cutoff: string }) =>
      `No plan was issued on or before ${p.cutoff} and still open on ${p.asOf}; no round was created.`,
    'round.cli.selected': (p: { codes: string }) => `Plans: ${p.codes}`,
    'round.cli.queued': (p: { queued: number; already: number; recipients: number }) =>
      `Self-check messages: ${p.queued} queued, ${p.already} already queued, to ${p.recipients} liaison(s).`,
    'round.cli.noLiaison': (p: { codes: string }) =>
      `No liaison to write to (add them with import-org) for: ${p.codes}`,
    'round.cli.notYearEnd': (p: { id: number; kind: string }) =>
      `Round #${p.id} is a ${p.kind}: the office fills it in, no messages are sent.`,
    'round.cli.showTitle': (p: RoundRef & { createdAt: string; createdBy: string }) =>
      `Round #${p.id}: ${p.kind} as of ${p.asOf} (created ${p.createdAt} by ${p.createdBy})`,
    'round.cli.filledLine': (p: { filled: number; plans: number }) =>
      `Three checks filled in: ${p.filled} of ${p.plans} plans`,
    'round.cli.noRounds': 'No rounds yet. Create one with reform-bot round create.',
    'round.cli.colId': '#',
    'round.cli.colKind': 'Kind',
    'round.cli.colAsOf': 'As of',
    'round.cli.colMinAge': 'Min. age (months)',
    'round.cli.colPlans': 'Plans',
    'round.cli.colFilled': 'Filled in',
    'round.cli.colItems': 'Items',
    'round.cli.colCreated': 'Created',
    'round.cli.colPlan': 'Plan',
    'round.cli.colGroup': 'Group',
    'round.cli.colConfirmed': 'Confirmed',
    'round.cli.colFilledBy': 'Filled in by',
    'round.cli.colFilledAt': 'Filled in at',
    'round.cli.exported': (p: { file: string; plans: number }) =>
      `Wrote ${p.file}: a summary sheet and ${p.plans} plan sheets.`,

    'round.export.summarySheet': 'Summary',
    'round.export.title': (p: RoundRef) => `Supervision statistics, round #${p.id} (${p.kind}, as of ${p.asOf})`,
    'round.export.plans': 'Plans and the three checks',
    'round.export.planTitle': (p: { code: string; title: string }) =>
      `Supervision table (督察评估事项表): ${p.code} ${p.title}`,
    'round.export.domain': 'Reform domain',
    'round.export.leadGroup': 'Lead group',
    'round.export.leadDepartment': 'Lead department',
    'round.export.note': 'Note',
    'round.export.filledBy': 'Filled in by',
    'round.export.filledAt': 'Filled in at',
    'round.export.colItemCode': 'Item code',
    'round.export.colItemTitle': 'Reform item',
    'round.export.colDepartments': 'Responsible departments',
    'round.export.colDue': 'Due date',
    'round.export.colStatus': (p: { asOf: string }) => `Status as of ${p.asOf}`,
    'round.export.colConfirmedBy': 'Confirmed by',
    'round.export.colConfirmedAt': 'Confirmed at',
    'round.export.colTitle': 'Title',
  },
  'zh-CN': {
    'round.kind.mid-year': '年中督察评估',
    'round.kind.year-end': '年底自查',
    'round.kind.special': '专项督察',
    'round.check.coordinated': '牵头部门是否就落实工作专门进行了协调？',
    'round.check.onSchedule': '具体改革事项是否按时间进度推进？',
    'round.check.breakthroughs': '是否形成制度性成果？',
    'round.check.coordinatedShort': '专门协调',
    'round.check.onScheduleShort': '按进度推进',
    'round.check.breakthroughsShort': '制度性成果',
    'round.answer.yes': '是',
    'round.answer.no': '否',
    'round.answer.none': '未填',

    'round.modal.title': '督察评估自查',
    'round.modal.submit': '提交',
    'round.modal.cancel': '取消',
    'round.modal.close': '关闭',
    'round.modal.roundLine': (p: RoundRef & { items: number }) =>
      `第 ${p.id} 轮 · ${p.kind} · 截至 ${p.asOf} · 共 ${p.items} 项`,
    'round.modal.filledLine': (p: { by: string; at: string }) => `${p.by} 已于 ${p.at} 填报。再次提交将替换原有填报。`,
    'round.modal.selectIntro': (p: { asOf: string }) => `*具体改革事项。* 请确认各事项截至 ${p.asOf} 的落实情况。`,
    'round.modal.linesIntro': (p: { asOf: string }) =>
      `*具体改革事项及截至 ${p.asOf} 的落实情况。* 未在“更正”中列出的事项，视为按所示情况确认。`,
    'round.modal.more': (p: { count: number }) => `……另有 ${p.count} 项未在此列出，仍可按事项编号更正。`,
    'round.modal.due': (p: { date: string }) => `时限 ${p.date}`,
    'round.modal.noDue': '无时限',
    'round.modal.corrections': '更正（可选）',
    'round.modal.correctionsHint':
      '每行一项：事项编号=落实情况，例如 SC-FA-001-003=已完成。落实情况：已完成、已启动未完成、未启动（或 done、started、not started）。',
    'round.modal.correctionsPlaceholder': '事项编号=已完成',
    'round.modal.checksIntro': '*三看*',
    'round.modal.note': '说明（可选）',
    'round.modal.notePlaceholder': '专题协调会议、出台文件、形成的制度性成果等',

    'round.error.answer': '请回答此问题。',
    'round.error.itemStatus': '请选择落实情况。',
    'round.error.noteTooLong': (p: { max: number }) => `说明请不超过 ${p.max} 字。`,
    'round.error.format': (p: { line: number }) => `第 ${p.line} 行：请按“事项编号=落实情况”填写`,
    'round.error.unknownItem': (p: { line: number; code: string }) => `第 ${p.line} 行：本方案没有事项 ${p.code}`,
    'round.error.unknownStatus': (p: { line: number }) => `第 ${p.line} 行：落实情况应为已完成、已启动未完成或未启动`,
    'round.error.conflict': (p: { line: number }) => `第 ${p.line} 行：该事项在前面已填了另一种落实情况`,
    'round.error.more': (p: { count: number }) => `另有 ${p.count} 处`,

    'round.result.recorded': (p: { code: string }) => `已记录 *${p.code}* 的自查情况，谢谢。`,
    'round.result.unchanged': (p: { code: string }) => `*${p.code}* 的自查已按相同内容记录，未作改动。`,
    'round.result.corrected': (p: { count: number }) => `本轮更正落实情况 ${p.count} 项。`,
    'round.result.applied': (p: { codes: string }) => `已同步更新工作台账：${p.codes}`,
    'round.result.keptNewer': (p: { codes: string }) => `以下事项在本轮快照后已有更新，工作台账未改动：${p.codes}`,
    'round.refused.notAdmin': (p: { kind: string }) => `${p.kind}由改革办填报。未作任何改动。`,
    'round.refused.notLeadGroup': (p: { code: string }) =>
      `只有 ${p.code} 牵头专项小组的组长、副组长、联络员或改革办可以填报其自查。未作任何改动。`,
    'round.notFound': '该轮督察评估或方案已不存在。未作任何改动。',
    'round.liveNote': (p: { id: number }) => `第 ${p.id} 轮督察评估自查更正`,

    'round.prompt.text': (p: RoundRef & { code: string }) =>
      `第 ${p.id} 轮${p.kind}（截至 ${p.asOf}）：请填报 ${p.code} 的自查情况。`,
    'round.prompt.body': (p: RoundRef & { code: string; title: string; items: number }) =>
      `*${p.kind} · 第 ${p.id} 轮，截至 ${p.asOf}*\n请填报 *${p.code}* ${p.title}（共 ${p.items} 项）的自查情况：确认各事项落实情况，并回答“三看”。`,
    'round.prompt.button': '填报自查',

    'round.cli.create.summary': '创建督察评估：选定方案，记录事项快照，输出统计表',
    'round.cli.create.help': [
      '选定在 --as-of 之前至少 --min-age-months 个月（默认 6）出台、且当时尚未销账的方案，',
      '记录其各事项当前的落实情况和完成时限（快照：此后的更新不影响本轮）。--as-of 默认为 REFORM_TZ 时区的今天。',
      '年底自查还会给每个方案牵头专项小组的联络员发送私信，附“填报自查”按钮；由运行中的机器人发送。',
      '同类型、同日期、同时长的督察评估不能重复创建（见 `reform-bot round list`）。',
      '--json 输出所选方案的 stats --json 各项，以及 roundId 和 selectedPlans。',
      '',
      '示例：',
      '  reform-bot round create --kind mid-year --as-of 2016-06-30',
      '  reform-bot round create --kind year-end --as-of 2016-12-31 --json',
    ].join('\n'),
    'round.cli.list.summary': '列出各轮督察评估及已填报“三看”的方案数',
    'round.cli.list.help': '示例：\n  reform-bot round list',
    'round.cli.show.summary': '查看一轮督察评估：各方案、已确认事项及“三看”',
    'round.cli.show.help': '示例：\n  reform-bot round show 3\n  reform-bot round show 3 --json',
    'round.cli.notify.summary': '为尚未填报的方案再次排队发送年底自查私信',
    'round.cli.notify.help': [
      '用于创建本轮之后新增的联络员。同一条私信不会重复发送给同一人。',
      '',
      '示例：',
      '  reform-bot round notify 3',
    ].join('\n'),
    'round.cli.badKind': (p: { value: string }) => `--kind：“${p.value}”应为 mid-year、year-end 或 special`,
    'round.cli.badCount': (p: { option: string; value: string }) => `${p.option}：“${p.value}”不是大于等于 0 的整数`,
    'round.cli.badId': (p: { value: string }) => `“${p.value}”不是督察评估编号`,
    'round.cli.notFound': (p: { id: number }) => `没有第 ${p.id} 轮督察评估（见 reform-bot round list）`,
    'round.cli.created': (p: RoundRef & { cutoff: string; months: number; plans: number; items: number }) =>
      `已创建第 ${p.id} 轮${p.kind}（截至 ${p.asOf}）：${p.plans} 个方案在 ${p.cutoff} 或之前出台（${p.months} 个月）且当时未销账，` +
      `记录事项 ${p.items} 项。`,
    'round.cli.exists': (p: RoundRef) => `第 ${p.id} 轮${p.kind}（截至 ${p.asOf}）已存在，未创建新的督察评估。`,
    'round.cli.empty': (p: { asOf: string; cutoff: string }) =>
      `没有在 ${p.cutoff} 或之前出台且截至 ${p.asOf} 未销账的方案，未创建督察评估。`,
    'round.cli.selected': (p: { codes: string }) => `方案：${p.codes}`,
    'round.cli.queued': (p: { queued: number; already: number; recipients: number }) =>
      `自查私信：新排队 ${p.queued} 条，此前已排队 ${p.already} 条，共 ${p.recipients} 名联络员。`,
    'round.cli.noLiaison': (p: { codes: string }) => `以下方案没有可发送的联络员（请用 import-org 添加）：${p.codes}`,
    'round.cli.notYearEnd': (p: { id: number; kind: string }) => `第 ${p.id} 轮是${p.kind}，由改革办填报，不发送私信。`,
    'round.cli.showTitle': (p: RoundRef & { createdAt: string; createdBy: string }) =>
      `第 ${p.id} 轮：${p.kind}，截至 ${p.asOf}（${p.createdBy} 于 ${p.createdAt} 创建）`,
    'round.cli.filledLine': (p: { filled: number; plans: number }) => `已填报“三看”：${p.filled} / ${p.plans} 个方案`,
    'round.cli.noRounds': '尚无督察评估。请用 reform-bot round create 创建。',
    'round.cli.colId': '轮次',
    'round.cli.colKind': '类型',
    'round.cli.colAsOf': '截至',
    'round.cli.colMinAge': '出台满（月）',
    'round.cli.colPlans': '方案数',
    'round.cli.colFilled': '已填报',
    'round.cli.colItems': '事项数',
    'round.cli.colCreated': '创建时间',
    'round.cli.colPlan': '方案',
    'round.cli.colGroup': '专项小组',
    'round.cli.colConfirmed': '已确认',
    'round.cli.colFilledBy': '填报人',
    'round.cli.colFilledAt': '填报时间',
    'round.cli.exported': (p: { file: string; plans: number }) =>
      `已写入 ${p.file}：统计表 1 张，方案事项表 ${p.plans} 张。`,

    'round.export.summarySheet': '统计表',
    'round.export.title': (p: RoundRef) => `督察评估统计表（第 ${p.id} 轮，${p.kind}，截至 ${p.asOf}）`,
    'round.export.plans': '各方案及“三看”情况',
    'round.export.planTitle': (p: { code: string; title: string }) => `督察评估事项表：${p.code} ${p.title}`,
    'round.export.domain': '改革领域',
    'round.export.leadGroup': '牵头专项小组',
    'round.export.leadDepartment': '牵头部门',
    'round.export.note': '说明',
    'round.export.filledBy': '填报人',
    'round.export.filledAt': '填报时间',
    'round.export.colItemCode': '事项编号',
    'round.export.colItemTitle': '具体改革事项',
    'round.export.colDepartments': '责任单位',
    'round.export.colDue': '完成时限',
    'round.export.colStatus': (p: { asOf: string }) => `落实情况（截至 ${p.asOf}）`,
    'round.export.colConfirmedBy': '确认人',
    'round.export.colConfirmedAt': '确认时间',
    'round.export.colTitle': '方案名称',
  },
});
