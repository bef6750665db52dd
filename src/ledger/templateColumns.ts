// The columns of the empty ledger template, in the order offices keep them (序号, 方案名称 … 备注):
// the office's own layout, not our export's. No codes (given automatically) and no `rev` (only
// an export has versions to compare).
import type { Column } from './columns.ts';

export const TEMPLATE_COLUMNS = [
  'seq',
  'plan_title',
  'domain',
  'lead_group',
  'lead_department',
  'item_title',
  'responsible_departments',
  'cooperating_departments',
  'due_on',
  'status',
  'note',
] as const satisfies readonly Column[];
