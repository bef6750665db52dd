// Labels of the exported workbook: the statistics sheet, the per-plan supervision tables and the
// ledger sheet, and the dropdowns the ledger sheet and the empty template share.
import { defineCatalog } from '../define.ts';

type Rates = {
  done: number;
  doneRate: string;
  started: number;
  startedRate: string;
  notStarted: number;
  notStartedRate: string;
};

export const ledgerExportCatalog = defineCatalog({
  en: {
    'export.sheet.summary': 'Summary',
    'export.sheet.ledger': 'Ledger',
    'export.summary.title': (p: { asOf: string }) => `Implementation of reform plans: statistics as of ${p.asOf}`,
    'export.summary.byDomain': 'By domain',
    'export.summary.byGroup': 'By special group',
    'export.col.category': 'Category',
    'export.col.plans': 'Plans',
    'export.col.items': 'Items',
    'export.col.rate': '%',
    'export.summary.closable': (p: { count: number }) => `Plans with every item done (ready to close out): ${p.count}`,
    'export.summary.lights': (p: { red: number; yellow: number; green: number; yellowWorkdays: number }) =>
      `Traffic lights: ${p.red} overdue, ${p.yellow} due within ${p.yellowWorkdays} working days, ${p.green} on track`,
    'export.plan.title': (p: { code: string; title: string }) => `Supervision table: ${p.code} ${p.title}`,
    'export.plan.info': (p: { group: string; department: string; issuedOn: string; stage: string }) =>
      `Lead group: ${p.group}   Lead department: ${p.department}   Issued: ${p.issuedOn}   Stage: ${p.stage}`,
    'export.plan.colCode': 'Item',
    'export.plan.colTitle': 'Reform item',
    'export.plan.colDepartments': 'Responsible departments',
    'export.plan.colDue': 'Due',
    'export.plan.colStatus': 'Status',
    'export.plan.colNote': 'Note',
    'export.plan.colLight': 'Light',
    'export.plan.readOnly': (p: { sheet: string }) =>
      `This sheet is a read-only summary: make changes in the "${p.sheet}" sheet. The import does not read this sheet.`,
    'export.ledger.title': (p: { exportedAt: string }) => `Reform work ledger (exported ${p.exportedAt})`,
    'export.ledger.revNote': (p: { header: string }) =>
      `${p.header}: the item's version when this file was exported. The import compares it with the item's version now to tell whether the item was changed in Slack after the export. Do not edit.`,
    'export.dropdown.errorTitle': 'Not in the list',
    'export.dropdown.error': (p: { words: string }) => `Choose one of: ${p.words}.`,
    'export.plan.total': (p: Rates) =>
      `Done ${p.done} (${p.doneRate}%), started ${p.started} (${p.startedRate}%), not started ${p.notStarted} (${p.notStartedRate}%)`,
  },
  'zh-CN': {
    'export.sheet.summary': '统计表',
    'export.sheet.ledger': '台账',
    'export.summary.title': (p: { asOf: string }) => `专项改革方案落实情况统计表（截至 ${p.asOf}）`,
    'export.summary.byDomain': '按改革领域',
    'export.summary.byGroup': '按专项小组',
    'export.col.category': '类别',
    'export.col.plans': '方案数',
    'export.col.items': '事项数',
    'export.col.rate': '占比(%)',
    'export.summary.closable': (p: { count: number }) => `事项全部完成的方案（可销账）：${p.count} 个`,
    'export.summary.lights': (p: { red: number; yellow: number; green: number; yellowWorkdays: number }) =>
      `红黄绿灯：已逾期 ${p.red} 项，${p.yellowWorkdays} 个工作日内到期 ${p.yellow} 项，正常 ${p.green} 项`,
    'export.plan.title': (p: { code: string; title: string }) => `督察评估事项表：${p.code} ${p.title}`,
    'export.plan.info': (p: { group: string; department: string; issuedOn: string; stage: string }) =>
      `牵头专项小组：${p.group}　牵头单位：${p.department}　出台时间：${p.issuedOn}　阶段：${p.stage}`,
    'export.plan.colCode': '事项编号',
    'export.plan.colTitle': '具体改革事项',
    'export.plan.colDepartments': '责任单位',
    'export.plan.colDue': '完成时限',
    'export.plan.colStatus': '落实情况',
    'export.plan.colNote': '备注',
    'export.plan.colLight': '状态灯',
    'export.plan.readOnly': (p: { sheet: string }) =>
      `本表为只读汇总，修改请在“${p.sheet}”工作表中进行；导入时不读取本表。`,
    'export.ledger.title': (p: { exportedAt: string }) => `改革工作台账（导出于 ${p.exportedAt}）`,
    'export.ledger.revNote': (p: { header: string }) =>
      `${p.header}：导出时该事项的版本号。导入时与事项当前的版本号比较，以判断导出后是否在 Slack 中改过该事项。请勿修改。`,
    'export.dropdown.errorTitle': '不在列表中',
    'export.dropdown.error': (p: { words: string }) => `请从以下选项中选择：${p.words}。`,
    'export.plan.total': (p: Rates) =>
      `已完成 ${p.done} 项（${p.doneRate}%），已启动未完成 ${p.started} 项（${p.startedRate}%），未启动 ${p.notStarted} 项（${p.notStartedRate}%）`,
  },
});
