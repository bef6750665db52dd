// The rules as a pure function: item rows in, typed rows or defects out, with the office's
// context (groups with default domains, department aliases, its own status words).
import { describe, expect, it } from 'vitest';
import type { Column } from '../../src/ledger/columns.ts';
import { mapHeader, rowMapper } from '../../src/ledger/header.ts';
import { EMPTY_CONTEXT, type LedgerContext } from '../../src/ledger/ledgerContext.ts';
import type { Cell } from '../../src/ledger/rawRow.ts';
import { ReadingCollector } from '../../src/ledger/readingReport.ts';
import { createLedgerValidator, oneLine, type ValidationResult } from '../../src/ledger/validate.ts';
import type { SectionMatch } from '../../src/ledger/words/sectionMatch.ts';

const G1 = { code: 'G1', name: '经济体制和生态文明体制改革专项小组', domain: 'economic' as const };
const G2 = { code: 'G2', name: '民主法制领域改革专项小组', domain: null };
const context: LedgerContext = {
  groups: [G1, G2],
  departments: new Map([
    ['发展改革委', { members: 1 }],
    ['财政厅', { members: 0 }],
  ]),
  aliases: new Map([['省发改委', '发展改革委']]),
  statusWords: new Map([['基本完成', 'started']]),
};

type Row = Partial<Record<Column, Cell>>;

/** Validates rows under a header of the given columns; `sections[i]` is the section above row i. */
function validate(
  columns: Column[],
  rows: Row[],
  sections: (SectionMatch | null)[] = [],
): ValidationResult & { collector: ReadingCollector } {
  const { header } = mapHeader([{ line: 1, values: columns }]);
  const collector = new ReadingCollector();
  const validator = createLedgerValidator(header, context, collector);
  const toRow = rowMapper(header, false);
  rows.forEach((row, i) => {
    validator.add(toRow({ line: i + 2, values: columns.map((c) => row[c] ?? null) }), sections[i] ?? null);
  });
  return { ...validator.finish(), collector };
}

const OFFICE: Column[] = [
  'seq',
  'plan_title',
  'item_title',
  'lead_department',
  'responsible_departments',
  'cooperating_departments',
  'due_on',
  'status',
  'note',
];
const economic: SectionMatch = { group: G1, domain: null };
const political: SectionMatch = { group: G2, domain: 'political' };

describe('the ledger validator', () => {
  it('reads an office row without codes: group and domain from the section, words, departments, a note from the status', () => {
    const result = validate(
      OFFICE,
      [
        {
          plan_title: '关于深化国有企业改革的实施意见',
          item_title: '1.制定\n实施方案',
          lead_department: '省发改委',
          responsible_departments: '省发改委（牵头）、财政厅（配合）',
          cooperating_departments: '审计厅',
          due_on: '2016年6月底前',
          status: '已完成（已印发实施细则）',
          note: '见川办发〔2016〕1号',
        },
      ],
      [economic],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.ledger.rows[0]).toMatchObject({
      planKey: '关于深化国有企业改革的实施意见',
      planCode: null,
      domain: 'economic', // the group's default: the section names two domains
      leadGroup: 'G1',
      leadDepartment: '发展改革委',
      itemCode: null,
      itemNumber: '1',
      itemTitle: '1.制定实施方案',
      departments: ['发展改革委'],
      cooperating: ['财政厅', '审计厅'],
      dueOn: '2016-06-30',
      status: 'done',
      note: '已印发实施细则；见川办发〔2016〕1号',
    });
  });

  it('takes the section domain before the group default, and the org file status words', () => {
    const result = validate(
      OFFICE,
      [
        {
          plan_title: 'A',
          item_title: '甲',
          responsible_departments: '财政厅',
          due_on: '长期坚持',
          status: '基本完成',
        },
      ],
      [political],
    );
    expect(result.ok && result.ledger.rows[0]).toMatchObject({
      leadGroup: 'G2',
      domain: 'political',
      dueOn: null,
      status: 'started',
    });
    expect(result.collector.report(null, [], []).statuses).toEqual([
      { text: '基本完成', status: 'started', custom: true, count: 1, firstLine: 2 },
    ]);
  });

  it('refuses a plan that no column, section row or default gives a group or domain, naming the plan', () => {
    const result = validate(OFFICE, [
      {
        plan_title: '无组方案',
        item_title: '甲',
        responsible_departments: '财政厅',
        due_on: '2016-06-30',
        status: '未启动',
      },
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.defects).toEqual([
      { line: 2, column: 'domain', code: 'noDomain', plan: '无组方案', group: null },
      { line: 2, column: 'lead_group', code: 'noGroup', plan: '无组方案' },
    ]);
  });

  it("numbers items by their titles' labels, or by position when labels are missing or clash", () => {
    const rows = (titles: string[]) =>
      titles.map((item_title) => ({
        plan_title: 'A',
        item_title,
        responsible_departments: '财政厅',
        due_on: '2016-06-30',
        status: '未启动',
      }));
    const labelled = validate(OFFICE, rows(['（一）甲', '（二）乙', '丙']), [economic]);
    expect(labelled.ok && labelled.ledger.rows.map((r) => r.itemNumber)).toEqual(['1', '2', '3']);
    const clashing = validate(OFFICE, rows(['1.甲', '1.乙', '2.丙']), [economic]);
    expect(clashing.ok && clashing.ledger.rows.map((r) => r.itemNumber)).toEqual(['1', '2', '3']);
  });

  it('refuses the same item title twice in a plan when the file has no item codes (numbers aside)', () => {
    const row = (item_title: string) => ({
      plan_title: 'A',
      item_title,
      responsible_departments: '财政厅',
      due_on: '2016-06-30',
      status: '未启动',
    });
    const result = validate(OFFICE, [row('1.甲'), row('2.甲')], [economic]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.defects).toEqual([
      { line: 3, column: 'item_title', code: 'duplicateTitle', plan: 'A', firstLine: 2 },
    ]);
  });

  it('gives an item with no 责任单位 its plan’s lead departments, and says so', () => {
    const result = validate(
      OFFICE,
      [
        {
          plan_title: 'A',
          item_title: '甲',
          lead_department: '省法院、省检察院',
          due_on: '2016-06-30',
          status: '未启动',
        },
      ],
      [economic],
    );
    expect(result.ok && result.ledger.rows[0]).toMatchObject({
      leadDepartment: '省法院',
      departments: ['省法院', '省检察院'],
    });
    expect(result.collector.report(null, [], []).filled).toEqual([
      { column: 'responsible_departments', from: 'leadDepartment', lines: [2] },
    ]);
  });

  it('reports a status that is empty or unknown, and an impossible date, with their cells', () => {
    const result = validate(
      OFFICE,
      [
        { plan_title: 'A', item_title: '甲', responsible_departments: '财政厅', due_on: '2016年2月30日', status: '' },
        {
          plan_title: 'A',
          item_title: '乙',
          responsible_departments: '财政厅',
          due_on: '2016-06-30',
          status: '差不多',
        },
      ],
      [economic, economic],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.defects).toEqual([
      { line: 2, column: 'due_on', code: 'badDate', value: '2016年2月30日' },
      { line: 2, column: 'status', code: 'emptyValue' },
      { line: 3, column: 'status', code: 'unknownStatus', value: '差不多' },
    ]);
  });

  it('keeps the rev of an exported row, and file codes when the file has them', () => {
    const columns: Column[] = [
      'plan_code',
      'plan_title',
      'domain',
      'lead_group',
      'item_code',
      'item_title',
      'responsible_departments',
      'due_on',
      'status',
      'rev',
    ];
    const result = validate(columns, [
      {
        plan_code: 'P7',
        plan_title: 'A',
        domain: '民主法制',
        lead_group: 'G2',
        item_code: 'x',
        item_title: '甲',
        responsible_departments: '财政厅',
        due_on: '2016-06-30',
        status: 'done',
        rev: 4,
      },
    ]);
    expect(result.ok && result.ledger.rows[0]).toMatchObject({
      planKey: 'P7',
      planCode: 'P7',
      itemCode: 'x',
      domain: 'political',
      leadGroup: 'G2',
      rev: 4,
    });
  });

  it('joins a title typed over two lines', () => {
    expect(oneLine('关于全面推进政务公开\n工作的实施意见')).toBe('关于全面推进政务公开工作的实施意见');
    expect(oneLine('Plan for\r\nopen government')).toBe('Plan for open government');
    expect(oneLine(EMPTY_CONTEXT.groups.length === 0 ? 'one line' : '')).toBe('one line');
  });
});
