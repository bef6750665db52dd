// The ledger's rules, pure: item rows in, typed rows or the complete list of defects out. Rows
// arrive one at a time (the file is streamed) and only what cross-row rules need is kept: each
// plan's identity and values, and the first line of every item.
//
// Identity without code columns: a plan is its title (the store gives it a stable code); an
// item is its title within its plan, and its code is the title's leading number ("1.制定…",
// "（二）…") where every item of the plan has a distinct one, else its position in the plan.
import type { Domain, IsoDate, Status } from '../domain/types.ts';
import { COLUMNS, type Column, domainFromWord } from './columns.ts';
import { compareDefects, type Defect } from './defects.ts';
import { DepartmentReader } from './departmentReader.ts';
import { detached } from './detached.ts';
import type { HeaderMap } from './header.ts';
import { titleCore } from './identity.ts';
import type { LedgerContext } from './ledgerContext.ts';
import { parseDateCell } from './parseDate.ts';
import { PlanResolver } from './planResolver.ts';
import { type Cell, cellText, type RawRow } from './rawRow.ts';
import type { ReadingCollector } from './readingReport.ts';
import { type DueReading, readDueText } from './words/dueText.ts';
import { leadingItemNumber } from './words/itemNumber.ts';
import type { SectionMatch } from './words/sectionMatch.ts';
import { readStatusText } from './words/statusText.ts';

export interface LedgerRow {
  line: number;
  /** The plan's 方案编号 when the file has the column, else its title. */
  planKey: string;
  planCode: string | null;
  planTitle: string;
  domain: Domain;
  leadGroup: string;
  leadDepartment: string | null;
  issuedOn: IsoDate | null;
  /** The file's 事项编号; null when the file has no such column. */
  itemCode: string | null;
  /** Without 事项编号: the title's leading number, or the item's position in its plan. */
  itemNumber: string;
  itemTitle: string;
  departments: readonly string[];
  cooperating: readonly string[];
  dueOn: IsoDate | null;
  status: Status;
  note: string | null;
  /** The item's version when the file was exported (the `rev` column), if it says. */
  rev: number | null;
}

export interface Ledger {
  rows: LedgerRow[];
  /** Optional columns the file has; an absent one leaves the database's values alone. */
  hasIssuedOn: boolean;
  hasNote: boolean;
  hasCooperating: boolean;
  hasLeadDepartment: boolean;
}

export type ValidationResult = { ok: true; ledger: Ledger } | { ok: false; defects: Defect[] };

export interface LedgerValidator {
  add(row: RawRow, section: SectionMatch | null): void;
  /** Report a defect found outside the rules (header, file syntax) so one list holds them all. */
  addDefects(defects: readonly Defect[]): void;
  finish(): ValidationResult;
  departments: DepartmentReader;
}

/** A due date cell: a date, no deadline (null), or undefined when unreadable (reported). */
function dueOf(
  raw: RawRow,
  collector: ReadingCollector,
  defects: Defect[],
  cache: Map<string, DueReading>,
): IsoDate | null | undefined {
  const cell = raw.cells.due_on ?? null;
  if (cell instanceof Date) {
    const date = parseDateCell(cell);
    if (date) collector.date(null, date, raw.line);
    else defects.push({ line: raw.line, column: 'due_on', code: 'badDate', value: cellText(cell) });
    return date;
  }
  const text = cellText(cell);
  if (text === '') {
    collector.date('', null, raw.line);
    return null;
  }
  let reading = cache.get(text);
  if (!reading) {
    reading = readDueText(text);
    cache.set(detached(text), reading);
  }
  if (reading.kind === 'bad') {
    defects.push({ line: raw.line, column: 'due_on', code: 'badDate', value: text });
    return undefined;
  }
  const date = reading.kind === 'date' ? reading.date : null;
  collector.date(text, date, raw.line);
  return date;
}

interface PlanItems {
  /** First line of each item, by code (file codes) or by title (no code column). */
  lines: Map<string, number>;
  numbers: Set<string>;
  count: number;
  numbersClash: boolean;
}

// No closures are created per row: this runs 250,000 times for a large ledger.
export function createLedgerValidator(
  header: HeaderMap,
  context: LedgerContext,
  collector: ReadingCollector,
): LedgerValidator {
  const defects: Defect[] = [];
  const rows: LedgerRow[] = [];
  const positions: number[] = []; // each row's position in its plan, for clashing numbers
  const has = (column: Column) => header.positions[column] !== undefined;
  const hasPlanCode = has('plan_code');
  const hasItemCode = has('item_code');
  const hasNote = has('note');
  const plans = new PlanResolver(context);
  const departments = new DepartmentReader(context);
  const items = new Map<string, PlanItems>();
  const references = new Map<string, Partial<Record<Column, { text: string; line: number }>>>();
  const statusWords = new Map<string, { reading: ReturnType<typeof readStatusText>; custom: boolean }>();
  const dueTexts = new Map<string, DueReading>();
  // A plan's issue date repeats on each of its rows: each distinct text is read once.
  const issuedTexts = new Map<string, IsoDate | undefined>();
  const issuedOf = (cell: Cell, text: string): IsoDate | undefined => {
    if (typeof cell !== 'string') return parseDateCell(cell);
    if (!issuedTexts.has(text)) issuedTexts.set(detached(text), parseDateCell(cell));
    return issuedTexts.get(text);
  };
  let dataRows = 0;

  /** Plan-level cells must agree on every row of a plan (after filling down). */
  const checkAgrees = (plan: string, column: Column, text: string, line: number) => {
    if (text === '' || !has(column)) return;
    let refs = references.get(plan);
    if (!refs) {
      refs = {};
      references.set(plan, refs);
    }
    const reference = refs[column];
    if (!reference) refs[column] = { text: detached(text), line };
    else if (reference.text !== text) {
      defects.push({
        line,
        column,
        code: 'planMismatch',
        plan,
        value: text,
        expected: reference.text,
        firstLine: reference.line,
      });
    }
  };

  function add(raw: RawRow, section: SectionMatch | null): void {
    dataRows += 1;
    const { line, cells } = raw;
    if (raw.width !== undefined && raw.width < header.width) {
      defects.push({ line, column: null, code: 'cellCount', got: raw.width, expected: header.width });
    }
    if (raw.textBeyondHeader) defects.push({ line, column: null, code: 'textBeyondHeader', expected: header.width });

    const planCode = hasPlanCode ? cellText(cells.plan_code) : '';
    const planTitle = oneLine(cellText(cells.plan_title));
    const itemTitle = oneLine(cellText(cells.item_title));
    const itemCode = hasItemCode ? cellText(cells.item_code) : '';
    if (hasPlanCode && planCode === '') defects.push({ line, column: 'plan_code', code: 'emptyValue' });
    // A column the header lacks was reported once, as missing; its cells are not reported again.
    if (planTitle === '' && has('plan_title')) defects.push({ line, column: 'plan_title', code: 'emptyValue' });
    if (itemTitle === '' && has('item_title')) defects.push({ line, column: 'item_title', code: 'emptyValue' });
    if (hasItemCode && itemCode === '') defects.push({ line, column: 'item_code', code: 'emptyValue' });

    const statusText = cellText(cells.status);
    let known = statusWords.get(statusText);
    if (!known) {
      // Few distinct words in any ledger: each is read once.
      known = { reading: readStatusText(statusText, context.statusWords), custom: !readStatusText(statusText).ok };
      statusWords.set(detached(statusText), known);
    }
    const status = known.reading;
    if (status.ok) collector.status(statusText, status.status, known.custom, line);
    else if (has('status')) {
      if (status.reason === 'empty') defects.push({ line, column: 'status', code: 'emptyValue' });
      else defects.push({ line, column: 'status', code: 'unknownStatus', value: statusText });
    }

    const domainText = cellText(cells.domain);
    if (domainText !== '' && !domainFromWord(domainText))
      defects.push({ line, column: 'domain', code: 'unknownDomain', value: domainText });
    const dueOn = has('due_on') ? dueOf(raw, collector, defects, dueTexts) : null;
    const issuedText = cellText(cells.issued_on);
    const issuedOn = issuedText === '' ? null : issuedOf(cells.issued_on ?? null, issuedText);
    if (issuedOn === undefined) defects.push({ line, column: 'issued_on', code: 'badDate', value: issuedText });

    const leads = departments.read(cellText(cells.lead_department), '', line).responsible;
    // A plan has one lead department; a cell naming several (省法院、省检察院) leads with the first.
    const leadDepartment = leads[0] ?? null;
    const people = departments.read(
      cellText(cells.responsible_departments),
      cellText(cells.cooperating_departments),
      line,
    );
    let responsible = people.responsible;
    if (responsible.length === 0) {
      // 责任单位 left empty: the plan's 牵头单位 answer for the item.
      if (leadDepartment !== null) {
        responsible = leads;
        if (has('responsible_departments')) collector.fill('responsible_departments', 'leadDepartment', line);
      } else if (has('responsible_departments') || has('lead_department')) {
        defects.push({
          line,
          column: has('responsible_departments') ? 'responsible_departments' : 'lead_department',
          code: 'emptyValue',
        });
      }
    }

    const planKey = hasPlanCode ? planCode : planTitle;
    let plan = planKey === '' ? undefined : plans.get(planKey);
    if (planKey !== '' && !plan)
      plan = plans.start(planKey, planTitle, line, cellText(cells.lead_group), domainText, section, defects);
    if (plan) {
      if (hasPlanCode) checkAgrees(planKey, 'plan_title', planTitle, line);
      checkAgrees(planKey, 'lead_department', leads.join('、'), line);
      checkAgrees(planKey, 'lead_group', cellText(cells.lead_group), line);
      checkAgrees(planKey, 'issued_on', issuedOn ?? '', line);
    }

    let position = 0;
    let itemNumber = '';
    if (plan && itemTitle !== '') {
      let planItems = items.get(planKey);
      if (!planItems) {
        planItems = { lines: new Map(), numbers: new Set(), count: 0, numbersClash: false };
        items.set(planKey, planItems);
      }
      position = ++planItems.count;
      // With 事项编号 the file's codes identify items; numbers and title cores are not needed.
      const label = hasItemCode ? undefined : leadingItemNumber(itemTitle);
      const identity = hasItemCode ? itemCode : label === undefined ? itemTitle : titleCore(itemTitle);
      const firstLine = planItems.lines.get(identity);
      if (firstLine === undefined) planItems.lines.set(detached(identity), line);
      else if (hasItemCode)
        defects.push({ line, column: 'item_code', code: 'duplicateItem', plan: planKey, item: itemCode, firstLine });
      else defects.push({ line, column: 'item_title', code: 'duplicateTitle', plan: planKey, firstLine });
      if (!hasItemCode) {
        itemNumber = label ?? String(position);
        if (planItems.numbers.has(itemNumber)) planItems.numbersClash = true;
        planItems.numbers.add(itemNumber);
      }
    }

    // Once anything is wrong nothing will be written, so typed rows are no longer worth keeping.
    if (defects.length > 0 || !plan || !status.ok) return;
    const noteCell = hasNote ? cellText(cells.note) : '';
    // 已完成（已印发实施细则）: the parenthesis is evidence, kept before the 备注 text.
    const note = [status.note, noteCell].filter((n) => n !== null && n !== '').join('；') || null;
    rows.push({
      line,
      planKey: plan.key,
      planCode: hasPlanCode ? plan.key : null,
      planTitle: plan.title,
      domain: plan.domain as Domain,
      leadGroup: plan.group as string,
      leadDepartment,
      issuedOn: issuedOn ?? null,
      itemCode: hasItemCode ? detached(itemCode) : null,
      itemNumber,
      itemTitle: detached(itemTitle),
      departments: responsible,
      cooperating: people.cooperating,
      dueOn: dueOn ?? null,
      status: status.status,
      note: hasNote || status.note !== null ? (note === null ? null : detached(note)) : null,
      rev: revOf(cellText(cells.rev)),
    });
    positions.push(position);
  }

  return {
    add,
    departments,
    addDefects(more) {
      defects.push(...more);
    },
    finish() {
      if (dataRows === 0 && defects.length === 0) defects.push({ line: header.line, column: null, code: 'noRows' });
      if (defects.length > 0) return { ok: false, defects: [...defects].sort((a, b) => compareDefects(a, b, COLUMNS)) };
      // Two items of a plan with the same leading number (or a number equal to another's
      // position): numbers cannot tell them apart, positions can.
      rows.forEach((row, i) => {
        if (items.get(row.planKey)?.numbersClash) row.itemNumber = String(positions[i]);
      });
      return {
        ok: true,
        ledger: {
          rows,
          hasIssuedOn: has('issued_on'),
          hasNote: hasNote,
          hasCooperating: has('cooperating_departments'),
          hasLeadDepartment: has('lead_department'),
        },
      };
    },
  };
}

/**
 * A cell's text on one line: a line break typed into a cell (Alt+Enter) to fit a narrow column
 * is not part of a title; between Chinese characters it disappears, elsewhere it is a space.
 */
export function oneLine(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  return text.replace(/\s*[\r\n]+\s*/g, (_, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + _.length] ?? '';
    return /[\u3000-\u9fff\uff00-\uffef]/.test(before) && /[\u3000-\u9fff\uff00-\uffef]/.test(after) ? '' : ' ';
  });
}

function revOf(text: string): number | null {
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}
