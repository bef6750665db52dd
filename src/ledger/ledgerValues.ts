// One item as a ledger row, shared by the CSV and XLSX exports so both write exactly the
// columns and words the import reads.
import type { ExportItem, ExportPlan } from '../store/ledgerExport.ts';
import { domainWord, type ExportColumn, type HeaderLanguage, joinDepartments, statusWord } from './columns.ts';

/** Null where the ledger leaves a cell empty. */
export function ledgerValues(
  plan: ExportPlan,
  item: ExportItem,
  language: HeaderLanguage,
): Record<ExportColumn, string | null> {
  return {
    plan_code: plan.code,
    plan_title: plan.title,
    domain: domainWord(plan.domain, language),
    lead_group: plan.leadGroup,
    lead_department: plan.leadDepartment,
    issued_on: plan.issuedOn,
    item_code: item.code,
    item_title: item.title,
    responsible_departments: joinDepartments(item.departments, language),
    cooperating_departments: joinDepartments(item.cooperatingDepartments, language),
    due_on: item.dueOn,
    status: statusWord(item.status, language),
    note: item.note,
    rev: String(item.version),
  };
}
