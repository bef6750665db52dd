// The ledger's rules, pure: raw rows in, typed rows or the complete list of defects out. Rows
// arrive one at a time (the file is streamed) and only what cross-row rules need is kept: the
// first line of every (plan, item) and each plan's plan-level values.
import type { Domain, IsoDate, Status } from '../domain/types.ts';
import {
  COLUMNS,
  type Column,
  domainFromWord,
  PLAN_LEVEL_COLUMNS,
  splitDepartments,
  statusFromWord,
} from './columns.ts';
import { compareDefects, type Defect } from './defects.ts';
import type { HeaderMap } from './header.ts';
import { parseDateCell } from './parseDate.ts';
import { cellText, type RawRow } from './rawRow.ts';

export interface LedgerRow {
  line: number;
  planCode: string;
  planTitle: string;
  domain: Domain;
  leadGroup: string;
  leadDepartment: string;
  issuedOn: IsoDate | null;
  itemCode: string;
  itemTitle: string;
  departments: string[];
  dueOn: IsoDate | null;
  status: Status;
  note: string | null;
}

export interface Ledger {
  rows: LedgerRow[];
  /** Optional columns the file has; an absent one leaves the database's values alone. */
  hasIssuedOn: boolean;
  hasNote: boolean;
}

export type ValidationResult = { ok: true; ledger: Ledger } | { ok: false; defects: Defect[] };

export interface LedgerValidator {
  add(row: RawRow): void;
  /** Report a defect found outside the rules (header, file syntax) so one list holds them all. */
  addDefects(defects: readonly Defect[]): void;
  finish(): ValidationResult;
}

/** A plan-level value as first seen, to compare later rows of the same plan with. */
interface Reference {
  value: string;
  text: string;
  line: number;
}

type Texts = Record<Column, string>;

const REQUIRED_VALUES = new Set<Column>(['plan_code', 'plan_title', 'domain', 'lead_group', 'lead_department', 'item_code', 'item_title', 'responsible_departments', 'status']);

/** Each cell's text, once per row, as an object literal (one shape for every row: fast). */
function textsOf(cells: RawRow['cells']): Texts {
  return {
    plan_code: cellText(cells.plan_code),
    plan_title: cellText(cells.plan_title),
    domain: cellText(cells.domain),
    lead_group: cellText(cells.lead_group),
    lead_department: cellText(cells.lead_department),
    issued_on: cellText(cells.issued_on),
    item_code: cellText(cells.item_code),
    item_title: cellText(cells.item_title),
    responsible_departments: cellText(cells.responsible_departments),
    due_on: cellText(cells.due_on),
    status: cellText(cells.status),
    note: cellText(cells.note),
    seq: cellText(cells.seq),
    cooperating_departments: cellText(cells.cooperating_departments),
    rev: cellText(cells.rev),
  };
}

/** A date column's value: null when empty, undefined (and reported) when not a date. */
function dateOf(raw: RawRow, text: Texts, column: 'issued_on' | 'due_on', defects: Defect[]): IsoDate | null | undefined {
  if (text[column] === '') return null;
  const parsed = parseDateCell(raw.cells[column] ?? null);
  if (!parsed) defects.push({ line: raw.line, column, code: 'badDate', value: text[column] });
  return parsed;
}

// No closures are created per row: this runs 250,000 times for a large ledger.
export function createLedgerValidator(header: HeaderMap): LedgerValidator {
  const defects: Defect[] = [];
  const rows: LedgerRow[] = [];
  const itemLines = new Map<string, Map<string, number>>(); // plan → item → first line
  const planReferences = new Map<string, Partial<Record<Column, Reference>>>();
  const present = COLUMNS.filter((column) => header.positions[column] !== undefined);
  const presentPlanColumns = PLAN_LEVEL_COLUMNS.filter((column) => header.positions[column] !== undefined);
  const requiredPresent = present.filter((column) => REQUIRED_VALUES.has(column));
  const hasNote = header.positions.note !== undefined;
  let dataRows = 0;

  function add(raw: RawRow): void {
    dataRows += 1;
    const { line } = raw;
    const text = textsOf(raw.cells);

    if (raw.width !== undefined && raw.width < header.width) {
      defects.push({ line, column: null, code: 'cellCount', got: raw.width, expected: header.width });
    }
    if (raw.textBeyondHeader) defects.push({ line, column: null, code: 'textBeyondHeader', expected: header.width });
    for (const column of requiredPresent) if (text[column] === '') defects.push({ line, column, code: 'emptyValue' });

    // The value each checked column means; undefined when empty or wrong (and then reported).
    const status = text.status === '' ? undefined : statusFromWord(text.status);
    if (text.status !== '' && !status) defects.push({ line, column: 'status', code: 'unknownStatus', value: text.status });
    const domain = text.domain === '' ? undefined : domainFromWord(text.domain);
    if (text.domain !== '' && !domain) defects.push({ line, column: 'domain', code: 'unknownDomain', value: text.domain });
    const issuedOn = dateOf(raw, text, 'issued_on', defects);
    const dueOn = dateOf(raw, text, 'due_on', defects);
    const departments = splitDepartments(text.responsible_departments);
    if (text.responsible_departments !== '' && departments.length === 0) {
      defects.push({ line, column: 'responsible_departments', code: 'emptyValue' });
    }

    const plan = text.plan_code;
    const item = text.item_code;
    if (plan !== '' && item !== '') {
      let items = itemLines.get(plan);
      if (!items) itemLines.set(plan, (items = new Map()));
      const firstLine = items.get(item);
      if (firstLine === undefined) items.set(item, line);
      else defects.push({ line, column: 'item_code', code: 'duplicateItem', plan, item, firstLine });
    }
    if (plan !== '') {
      let references = planReferences.get(plan);
      if (!references) planReferences.set(plan, (references = {}));
      for (const column of presentPlanColumns) {
        // Compared by meaning (经济体制 = economic, 2016/1/5 = 2016-01-05); an empty issue date
        // is a value of its own, an empty required cell was reported above.
        const value =
          column === 'domain' ? domain : column === 'issued_on' ? (issuedOn === null ? '' : issuedOn) : text[column] || undefined;
        if (value === undefined) continue;
        const reference = references[column];
        if (!reference) references[column] = { value, text: text[column], line };
        else if (reference.value !== value) {
          defects.push({ line, column, code: 'planMismatch', plan, value: text[column], expected: reference.text, firstLine: reference.line });
        }
      }
    }

    // Once anything is wrong nothing will be written, so typed rows are no longer worth keeping.
    if (defects.length > 0) return;
    rows.push({
      line,
      planCode: plan,
      planTitle: text.plan_title,
      domain: domain as Domain,
      leadGroup: text.lead_group,
      leadDepartment: text.lead_department,
      issuedOn: issuedOn ?? null,
      itemCode: item,
      itemTitle: text.item_title,
      departments,
      dueOn: dueOn ?? null,
      status: status as Status,
      note: hasNote && text.note !== '' ? text.note : null,
    });
  }

  return {
    add,
    addDefects(more) {
      defects.push(...more);
    },
    finish() {
      if (dataRows === 0 && defects.length === 0) defects.push({ line: header.line, column: null, code: 'noRows' });
      if (defects.length > 0) {
        return { ok: false, defects: [...defects].sort((a, b) => compareDefects(a, b, COLUMNS)) };
      }
      return { ok: true, ledger: { rows, hasIssuedOn: header.positions.issued_on !== undefined, hasNote } };
    },
  };
}

/** The whole file at once, for small ledgers and tests. */
export function validateLedger(header: HeaderMap, rows: Iterable<RawRow>, headerDefects: readonly Defect[] = []): ValidationResult {
  const validator = createLedgerValidator(header);
  validator.addDefects(headerDefects);
  for (const row of rows) validator.add(row);
  return validator.finish();
}
