import { describe, expect, it } from 'vitest';
import { COLUMN_SPECS, COLUMNS, columnForHeader, domainFromWord, joinDepartments } from '../../src/ledger/columns.ts';

describe('ledger columns', () => {
  it('matches English names and Chinese headers, forgiving case and surrounding spaces', () => {
    for (const column of COLUMNS) {
      expect(columnForHeader(column)).toBe(column);
      expect(columnForHeader(`  ${COLUMN_SPECS[column].zh} `)).toBe(column);
      expect(columnForHeader(` ${column.toUpperCase()}\t`)).toBe(column);
    }
    expect(columnForHeader('Plan Code')).toBe('plan_code');
    expect(columnForHeader('联系人')).toBeUndefined();
  });

  it('reads the headers offices write: synonyms, line breaks, full-width forms, explanations in parentheses', () => {
    expect(columnForHeader('具体改革\n事项')).toBe('item_title');
    expect(columnForHeader('改革任务')).toBe('item_title');
    expect(columnForHeader('时间节点')).toBe('due_on');
    expect(columnForHeader('完成\n时限')).toBe('due_on');
    expect(columnForHeader('完成时限（年月）')).toBe('due_on');
    expect(columnForHeader('进展情况')).toBe('status');
    expect(columnForHeader('完成情况')).toBe('status');
    expect(columnForHeader('进　度')).toBe('status');
    expect(columnForHeader('配合单位')).toBe('cooperating_departments');
    expect(columnForHeader('*方案名称')).toBe('plan_title');
    expect(columnForHeader('序号')).toBe('seq');
  });

  it('requires only the columns every office keeps: plan title, item, due date, status', () => {
    const required = COLUMNS.filter((c) => COLUMN_SPECS[c].requiredColumn);
    expect(required).toEqual(['plan_title', 'item_title', 'due_on', 'status']);
  });

  it('knows the seven domains in both languages, also written with 改革', () => {
    expect(domainFromWord('economic')).toBe('economic');
    expect(domainFromWord('经济体制')).toBe('economic');
    expect(domainFromWord('经济体制改革')).toBe('economic');
    expect(domainFromWord('民主法制')).toBe('political');
    expect(domainFromWord('文化体制')).toBe('cultural');
    expect(domainFromWord('社会体制')).toBe('social');
    expect(domainFromWord('生态文明体制')).toBe('ecological');
    expect(domainFromWord('党的建设制度')).toBe('party_building');
    expect(domainFromWord('Party Building')).toBe('party_building');
    expect(domainFromWord('纪律检查体制')).toBe('discipline');
    expect(domainFromWord('经济')).toBeUndefined();
  });

  it('joins departments with the separator of the header language', () => {
    expect(joinDepartments(['a', 'b'], 'zh')).toBe('a、b');
    expect(joinDepartments(['a', 'b'], 'en')).toBe('a;b');
  });
});
