// Turns the sheet's rows below the header into what they are: item rows (with the cells a merge
// or a CSV saved from one left blank filled down from the row above), section rows that group
// the plans below them (一、经济体制改革（3个方案8项）), and rows that are not items (合计, 注：,
// empty), which are skipped and listed, never errors.
import type { Column } from './columns.ts';
import type { HeaderMap } from './header.ts';
import { type Cell, cellText, type RawRow, type SheetRecord } from './rawRow.ts';
import type { ReadingCollector } from './readingReport.ts';
import { nonItemKind, type SectionHeading, sectionHeading } from './words/rowKinds.ts';

export type Interpreted =
  | { kind: 'item'; row: RawRow }
  | { kind: 'section'; line: number; heading: SectionHeading }
  | { kind: 'skip' };

/**
 * Plan-level cells that offices merge down a plan's rows (序号, 方案名称, 牵头单位 ...). Within
 * one plan they are filled from the row above; a new plan is a row whose 方案编号 or 方案名称
 * differs. 序号 does not decide: some offices number plans with it, others items.
 */
const FILL_DOWN: readonly Column[] = [
  'plan_code',
  'plan_title',
  'domain',
  'lead_group',
  'lead_department',
  'issued_on',
];

function nonEmptyTexts(record: SheetRecord): string[] {
  const texts: string[] = [];
  for (const v of record.values) {
    const text = cellText(v);
    if (text !== '') texts.push(text);
  }
  return texts;
}

// The words a total or remark row starts with (see words/rowKinds.ts), by their first
// character: an item row, which starts otherwise, is not normalised and matched at all.
const MAY_BE_NON_ITEM = /^[合小总共注说备填附tsngTSNG\uFF21-\uFF5A]/;

export function createRowInterpreter(
  header: HeaderMap,
  toRow: (record: SheetRecord) => RawRow,
  collector: ReadingCollector,
): (record: SheetRecord) => Interpreted {
  let previous: RawRow | null = null; // the last item row of the current plan, filled
  const hasCell = (column: Column) => header.positions[column] !== undefined;

  const samePlan = (row: RawRow, before: RawRow): boolean => {
    for (const column of ['plan_code', 'plan_title'] as const) {
      const text = cellText(row.cells[column]);
      if (text !== '' && text !== cellText(before.cells[column])) return false;
    }
    return true;
  };

  const fillDown = (row: RawRow) => {
    const before = previous;
    if (!before || !samePlan(row, before)) return;
    for (const column of ['seq', ...FILL_DOWN] as const) {
      if (!hasCell(column) || cellText(row.cells[column]) !== '') continue;
      const value: Cell | undefined = before.cells[column];
      if (cellText(value) === '') continue;
      row.cells[column] = value ?? null;
      if (column !== 'seq') collector.fill(column, 'above', row.line);
    }
  };

  return (record) => {
    // One pass over the cells: how many hold text, the first, and whether all say the same.
    let first = '';
    let count = 0;
    let allSame = true;
    for (const v of record.values) {
      const text = cellText(v);
      if (text === '') continue;
      if (count === 0) first = text;
      else if (text !== first) allSame = false;
      count += 1;
    }
    if (count === 0) {
      collector.skip(record.line, 'empty', '');
      return { kind: 'skip' };
    }
    const kind = MAY_BE_NON_ITEM.test(first) ? nonItemKind([first]) : undefined;
    if (kind) {
      collector.skip(record.line, kind, nonEmptyTexts(record).join(' '));
      return { kind: 'skip' };
    }
    // A merged row holds its text once (XLSX) or in every cell (some CSV exports).
    if (allSame) {
      const heading = sectionHeading(first);
      if (heading) {
        previous = null; // plans of a new section start afresh
        return { kind: 'section', line: record.line, heading };
      }
    }
    const row = toRow(record);
    if (cellText(row.cells.item_title) === '' && cellText(row.cells.status) === '') {
      // 方案名称 alone on a row: the plan's heading, its items follow.
      if (cellText(row.cells.plan_title) !== '' && count <= 2) previous = row;
      collector.skip(record.line, 'noItem', nonEmptyTexts(record).join(' '));
      return { kind: 'skip' };
    }
    fillDown(row);
    previous = row;
    return { kind: 'item', row };
  };
}
