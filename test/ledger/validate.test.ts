// The rules as a pure function: rows in, typed rows or defects out.
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/ledger/columns.ts';
import { mapHeader, rowMapper } from '../../src/ledger/header.ts';
import type { Cell, RawRow } from '../../src/ledger/rawRow.ts';
import { validateLedger } from '../../src/ledger/validate.ts';

const { header } = mapHeader({ line: 1, values: [...COLUMNS] });
const toRow = rowMapper(header, false);
const base: Cell[] = ['P1', '方案', '经济体制', 'G1', '国资委', '2016-01-05', '1', '事项', '国资委', '2016-06-30', '已完成', ''];
const row = (line: number, changes: Partial<Record<(typeof COLUMNS)[number], Cell>> = {}): RawRow =>
  toRow({ line, values: COLUMNS.map((c, i) => (c in changes ? (changes[c] ?? null) : (base[i] ?? null))) }) as RawRow;

describe('validateLedger', () => {
  it('types a good row: words to codes, dates to YYYY-MM-DD, departments split, empty note to null', () => {
    const result = validateLedger(header, [row(2, { issued_on: new Date('2016-01-05T00:00:00Z'), responsible_departments: ' 国资委 、财政厅；' })]);
    expect(result).toEqual({
      ok: true,
      ledger: {
        hasIssuedOn: true,
        hasNote: true,
        rows: [
          {
            line: 2,
            planCode: 'P1',
            planTitle: '方案',
            domain: 'economic',
            leadGroup: 'G1',
            leadDepartment: '国资委',
            issuedOn: '2016-01-05',
            itemCode: '1',
            itemTitle: '事项',
            departments: ['国资委', '财政厅'],
            dueOn: '2016-06-30',
            status: 'done',
            note: null,
          },
        ],
      },
    });
  });

  it('treats an empty issue date on one row and a date on another as a disagreement', () => {
    const result = validateLedger(header, [row(2), row(3, { item_code: '2', issued_on: '' })]);
    expect(result).toEqual({
      ok: false,
      defects: [{ line: 3, column: 'issued_on', code: 'planMismatch', plan: 'P1', value: '', expected: '2016-01-05', firstLine: 2 }],
    });
  });

  it('refuses a departments cell made only of separators, and numbers where dates belong', () => {
    const result = validateLedger(header, [row(2, { responsible_departments: '、；', due_on: 42551 })]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.defects.map((d) => [d.column, d.code])).toEqual([
      ['responsible_departments', 'emptyValue'],
      ['due_on', 'badDate'],
    ]);
  });

  it('accepts the same item code in two plans', () => {
    const result = validateLedger(header, [row(2), row(3, { plan_code: 'P2' })]);
    expect(result.ok).toBe(true);
  });
});
