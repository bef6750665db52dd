// Department cells read against the org file: aliases, （牵头）/（配合）, and the warnings an
// office needs before its reminders go out (unknown names, nobody in a department, near names).
import { describe, expect, it } from 'vitest';
import { DepartmentReader } from '../../src/ledger/departmentReader.ts';
import type { LedgerContext } from '../../src/ledger/ledgerContext.ts';

const context: LedgerContext = {
  groups: [],
  departments: new Map([
    ['发展改革委', { members: 2 }],
    ['财政厅', { members: 0 }],
    ['审计厅', { members: 1 }],
  ]),
  aliases: new Map([['省发改委', '发展改革委']]),
  statusWords: new Map(),
};

describe('reading departments', () => {
  it('splits, resolves aliases, orders the lead first and keeps cooperating departments apart', () => {
    const reader = new DepartmentReader(context);
    expect(reader.read('财政厅；省发改委（牵头）\n审计厅（配合）', '审计厅、统计局', 7)).toMatchObject({
      responsible: ['发展改革委', '财政厅'],
      cooperating: ['审计厅', '统计局'],
    });
  });

  it('warns, with the rows, about aliases used, unknown names, departments without members and near names', () => {
    const reader = new DepartmentReader(context);
    reader.read('省发改委', '', 3);
    reader.read('财政厅', '', 4);
    reader.read('省发展改革委、统计局', '', 5);
    reader.read('统计局', '', 6);
    expect(reader.warnings()).toEqual([
      { kind: 'alias', alias: '省发改委', name: '发展改革委', lines: [3] },
      { kind: 'noMembers', name: '财政厅', lines: [4] },
      { kind: 'unknown', name: '省发展改革委', lines: [5] },
      { kind: 'unknown', name: '统计局', lines: [5, 6] },
      { kind: 'similar', name: '省发展改革委', other: '发展改革委', lines: [5] },
    ]);
  });
});
