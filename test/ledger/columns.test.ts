import { describe, expect, it } from 'vitest';
import {
  COLUMN_SPECS,
  COLUMNS,
  columnForHeader,
  domainFromWord,
  joinDepartments,
  splitDepartments,
  statusFromWord,
} from '../../src/ledger/columns.ts';

describe('ledger columns', () => {
  it('matches English names and Chinese headers, forgiving case and surrounding spaces', () => {
    for (const column of COLUMNS) {
      expect(columnForHeader(column)).toBe(column);
      expect(columnForHeader(`  ${COLUMN_SPECS[column].zh} `)).toBe(column);
      expect(columnForHeader(` ${column.toUpperCase()}\t`)).toBe(column);
    }
    expect(columnForHeader('Plan Code')).toBe('plan_code');
    expect(columnForHeader('序号')).toBeUndefined();
  });

  it('requires every column except issued_on and note', () => {
    const optional = COLUMNS.filter((c) => !COLUMN_SPECS[c].requiredColumn);
    expect(optional).toEqual(['issued_on', 'note']);
  });

  it('knows the three status words in both languages and nothing else', () => {
    expect(statusFromWord('done')).toBe('done');
    expect(statusFromWord(' 已完成 ')).toBe('done');
    expect(statusFromWord('Started')).toBe('started');
    expect(statusFromWord('已启动未完成')).toBe('started');
    expect(statusFromWord('not_started')).toBe('not_started');
    expect(statusFromWord('Not started')).toBe('not_started');
    expect(statusFromWord('未启动')).toBe('not_started');
    expect(statusFromWord('完成')).toBeUndefined();
    expect(statusFromWord('')).toBeUndefined();
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

  it('splits responsible departments on ; ； and 、, trimming and dropping empties and repeats', () => {
    expect(splitDepartments(' 国资委、财政厅 ；发展改革委; ;国资委')).toEqual(['国资委', '财政厅', '发展改革委']);
    expect(splitDepartments('、')).toEqual([]);
    expect(joinDepartments(['a', 'b'], 'zh')).toBe('a、b');
    expect(joinDepartments(['a', 'b'], 'en')).toBe('a;b');
  });
});
