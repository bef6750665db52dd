// The empty ledger template (`reform-bot template`): its title and its instructions sheet
// (填表说明), one explanation per column and a few rules that hold for the whole sheet.
import { defineCatalog } from '../define.ts';

/** Every column's explanation takes the same parameters, so one typed call serves them all. */
type Guide = {
  /** The ledger sheet's name, the one the import reads. */
  sheet: string;
  /** The dropdown words, joined for reading. */
  statuses: string;
  domains: string;
};

export const ledgerTemplateCatalog = defineCatalog({
  en: {
    'template.title': 'Reform work ledger',
    'template.sheet.guide': 'Instructions',
    'template.guide.title': 'How to fill in the ledger',
    'template.guide.colTopic': 'Column or topic',
    'template.guide.colText': 'Explanation',
    'template.guide.column.seq': (_: Guide) =>
      "The plan's number (1, 2, 3 …). Optional; may be merged down the plan's rows.",
    'template.guide.column.plan_title': (_: Guide) =>
      "The plan's name. Required. Write it on every row of the plan, or merge the cell down the plan's rows.",
    'template.guide.column.domain': (p: Guide) =>
      `The plan's reform domain, from the dropdown: ${p.domains}. Optional: a section row above the plans (一、经济体制改革) or the org file gives it.`,
    'template.guide.column.lead_group': (_: Guide) =>
      'The special group leading the plan, by code or name. Optional: the section row above the plans (一、经济体制改革) gives it.',
    'template.guide.column.lead_department': (_: Guide) =>
      "The department leading the plan; may be merged down the plan's rows. Without a responsible departments column, it is every item's responsible department.",
    'template.guide.column.item_title': (_: Guide) => 'The reform item. Required, one item per row.',
    'template.guide.column.responsible_departments': (_: Guide) =>
      'The departments responsible for the item, separated by 、 or ；, the leading one first.',
    'template.guide.column.cooperating_departments': (_: Guide) =>
      'The departments that cooperate on the item, separated by 、 or ；. Optional.',
    'template.guide.column.due_on': (_: Guide) =>
      'The deadline: 2016-06-30, 2016/6/30, 2016年6月30日, 2016年6月底前, 2016年第三季度 (the end of the quarter), 2016年底, or an Excel date. ' +
      '长期坚持 (ongoing) or an empty cell means no deadline: the item never turns yellow or red.',
    'template.guide.column.status': (p: Guide) => `How far the item is, from the dropdown: ${p.statuses}.`,
    'template.guide.column.note': (_: Guide) => 'Anything else worth knowing. Optional.',
    'template.guide.topic.sheet': 'Sheets',
    'template.guide.topicText.sheet': (p: Guide) =>
      `The import reads the "${p.sheet}" sheet only; these instructions are not imported. Keep the sheet's name and its header row; title rows above the header are fine.`,
    'template.guide.topic.merged': 'Merged cells',
    'template.guide.topicText.merged': (_: Guide) =>
      "No., plan name, domain, special group and lead department may be merged down a plan's rows: a merged cell counts for every row it covers.",
    'template.guide.topic.sections': 'Section rows',
    'template.guide.topicText.sections': (_: Guide) =>
      'A row such as 一、经济体制改革 may group the plans below it: they get that reform domain without a domain in each row.',
    'template.guide.topic.codes': 'Codes',
    'template.guide.topicText.codes': (_: Guide) =>
      'Plans and items get their codes automatically: do not add them. Ledgers exported later carry the codes, and a new import matches rows by them.',
    'template.guide.topic.extra': 'Other columns',
    'template.guide.topicText.extra': (_: Guide) =>
      'Columns of your own (a contact person, say) may stay: the import ignores them and says so.',
  },
  'zh-CN': {
    'template.title': '改革工作台账',
    'template.sheet.guide': '填表说明',
    'template.guide.title': '填表说明',
    'template.guide.colTopic': '栏目',
    'template.guide.colText': '说明',
    'template.guide.column.seq': (_: Guide) => '方案的序号（1、2、3……）。可不填；一个方案的各行可向下合并。',
    'template.guide.column.plan_title': (_: Guide) =>
      '改革方案的名称，必填。一个方案的每一行都填写，或向下合并单元格。',
    'template.guide.column.domain': (p: Guide) =>
      `方案所属的改革领域，从下拉列表中选择：${p.domains}。可不填：由方案上方的分组行（如“一、经济体制改革”）或组织架构文件确定。`,
    'template.guide.column.lead_group': (_: Guide) =>
      '牵头的专项小组，写编号或名称。可不填：由方案上方的分组行（如“一、经济体制改革”）确定。',
    'template.guide.column.lead_department': (_: Guide) =>
      '方案的牵头单位，一个方案的各行可向下合并。表中没有“责任单位”列时，牵头单位即各事项的责任单位。',
    'template.guide.column.item_title': (_: Guide) => '具体改革事项，必填，每行一项。',
    'template.guide.column.responsible_departments': (_: Guide) =>
      '负责该事项的单位，多个单位用“、”或“；”分隔，牵头的写在最前。',
    'template.guide.column.cooperating_departments': (_: Guide) =>
      '配合该事项的单位，多个单位用“、”或“；”分隔。可不填。',
    'template.guide.column.due_on': (_: Guide) =>
      '完成时限，可写 2016-06-30、2016/6/30、2016年6月30日、2016年6月底前、2016年第三季度（按季度末计）、2016年底，或 Excel 日期。' +
      '写“长期坚持”或留空表示没有时限，该事项不亮黄灯、红灯。',
    'template.guide.column.status': (p: Guide) => `事项的落实情况，从下拉列表中选择：${p.statuses}。`,
    'template.guide.column.note': (_: Guide) => '其他需要说明的情况。可不填。',
    'template.guide.topic.sheet': '工作表',
    'template.guide.topicText.sheet': (p: Guide) =>
      `导入只读取“${p.sheet}”工作表，本说明页不会被导入。请勿修改该工作表的名称和表头行；表头上方可以有标题行。`,
    'template.guide.topic.merged': '合并单元格',
    'template.guide.topicText.merged': (_: Guide) =>
      '序号、方案名称、改革领域、牵头专项小组、牵头单位可在一个方案的各行向下合并，合并的单元格对它覆盖的每一行都有效。',
    'template.guide.topic.sections': '分组行',
    'template.guide.topicText.sections': (_: Guide) =>
      '可插入“一、经济体制改革”这样的分组行，其下各方案归入该改革领域，不必逐行填写改革领域。',
    'template.guide.topic.codes': '编号',
    'template.guide.topicText.codes': (_: Guide) =>
      '方案和事项的编号由系统自动给出，无需填写。以后导出的台账带有编号，再次导入时据此对应各行。',
    'template.guide.topic.extra': '其他列',
    'template.guide.topicText.extra': (_: Guide) => '本单位自己的其他列（如联系人）可以保留，导入时忽略并提示。',
  },
});
