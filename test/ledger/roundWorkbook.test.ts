import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CN_2016 } from '../../src/domain/calendars/cn.ts';
import { translator } from '../../src/i18n/index.ts';
import { writeRoundWorkbook } from '../../src/ledger/roundWorkbook.ts';
import { formatInstant, uniqueSheetName } from '../../src/ledger/roundWorkbookFormat.ts';
import { roundExportItems, roundExportPlans, roundPlanTallies } from '../../src/store/roundExportRows.ts';
import { recordSelfCheck } from '../../src/store/roundSelfCheck.ts';
import { createRound, loadRoundStats } from '../../src/store/rounds.ts';
import { SEED_EXPECTED } from '../fixtures/seedLedger.ts';
import { seedDb } from '../support/seedLedgerDb.ts';

describe('uniqueSheetName', () => {
  it('keeps names within 31 characters, without forbidden characters, unique regardless of case', () => {
    const used = new Set<string>();
    expect(uniqueSheetName('SC-FA-001', used)).toBe('SC-FA-001');
    expect(uniqueSheetName('sc-fa-001', used)).toBe('sc-fa-001 (2)');
    expect(uniqueSheetName('a[b]c:d*e?f/g\\h', used)).toBe('a_b_c_d_e_f_g_h');
    expect(uniqueSheetName("'quoted'", used)).toBe('quoted');
    expect(uniqueSheetName('History', used)).toBe('History_');
    const long = '关于深化国有企业改革推进混合所有制经济发展的实施意见和配套措施方案';
    const first = uniqueSheetName(long, used);
    const second = uniqueSheetName(long, used);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(' (2)')).toBe(true);
    expect(uniqueSheetName('😀'.repeat(20), used).length).toBeLessThanOrEqual(31); // never half an emoji
  });
});

describe('formatInstant', () => {
  it('shows an instant in the office time zone', () => {
    expect(formatInstant('2016-12-20T17:04:00.000Z', 'Asia/Shanghai')).toBe('2016-12-21 01:04');
    expect(formatInstant(null, 'Asia/Shanghai')).toBe('');
  });
});

const values = (row: ExcelJS.Row) => (row.values as unknown[]).slice(1);

describe.each(['en', 'zh-CN'] as const)('writeRoundWorkbook (%s)', (locale) => {
  it('writes the summary from the snapshot and one supervision table per plan', async () => {
    const { db, ledger } = seedDb();
    const created = createRound(db, {
      kind: 'mid-year',
      asOf: '2016-06-30',
      minAgeMonths: 6,
      createdBy: 'cli',
      now: new Date('2016-07-01T00:00:00Z'),
    });
    if (created.kind !== 'created') throw new Error('no round');
    const { round } = created;
    const planId = ledger.planIds.get('SC-FA-003') as number;
    recordSelfCheck(db, {
      roundId: round.id,
      planId,
      userId: 'UADMIN',
      now: new Date('2016-07-05T02:00:00Z'),
      checks: { coordinated: true, onSchedule: false, breakthroughs: true },
      note: '已召开协调会',
      confirmed: new Map(),
      requestKey: 'V1',
      liveNote: '',
    });
    const t = translator(locale);
    const dir = mkdtempSync(join(tmpdir(), 'round-export-'));
    const file = join(dir, 'round.xlsx');
    const result = await writeRoundWorkbook(file, {
      round,
      stats: loadRoundStats(db, round, CN_2016, 3),
      plans: roundExportPlans(db, round.id),
      tallies: roundPlanTallies(db, round.id),
      itemsOf: roundExportItems(db, round.id),
      t,
      timeZone: 'Asia/Shanghai',
    });
    expect(result.planSheets).toBe(35);
    expect(readdirSync(dir)).toEqual(['round.xlsx']); // no temporary file left behind

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      t('round.export.summarySheet'),
      ...Array.from({ length: 35 }, (_, i) => `SC-FA-${String(i + 1).padStart(3, '0')}`),
    ]);

    const summary = wb.worksheets[0] as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    summary.eachRow((row) => rows.push(values(row)));
    const overall = rows.filter((r) => r[0] === t('common.overall'));
    expect(overall).toHaveLength(2); // under the domain table and the group table
    for (const row of overall) expect(row).toEqual([t('common.overall'), 35, 717, 461, 64.3, 224, 31.2, 32, 4.5]);
    const economic = rows.find((r) => r[0] === t('domain.economic'));
    const e = SEED_EXPECTED.byDomain.economic;
    expect(economic?.slice(0, 4)).toEqual([t('domain.economic'), e.plans, e.items, e.done]);
    const planRow = rows.find((r) => r[0] === 'SC-FA-003');
    expect(planRow?.slice(3, 15)).toEqual([
      28,
      22,
      78.6,
      6,
      21.4,
      0,
      0,
      t('round.answer.yes'),
      t('round.answer.no'),
      t('round.answer.yes'),
      'UADMIN',
      '2016-07-05 10:00',
    ]);

    const sheet = wb.getWorksheet('SC-FA-003') as ExcelJS.Worksheet;
    const cells: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => cells.push(values(row)));
    expect(cells[0]?.[0]).toContain('SC-FA-003');
    expect(cells).toContainEqual([t('round.check.coordinated'), t('round.answer.yes')]);
    expect(cells).toContainEqual([t('round.check.onSchedule'), t('round.answer.no')]);
    expect(cells).toContainEqual([t('round.export.note'), '已召开协调会']);
    const headerAt = cells.findIndex((r) => r[0] === t('round.export.colItemCode'));
    const itemRows = cells.slice(headerAt + 1);
    expect(itemRows).toHaveLength(28);
    expect(itemRows[0]?.[0]).toBe('SC-FA-003-001');
    expect(itemRows.every((r) => r[5] === 'UADMIN')).toBe(true);
    const statusWords = new Set(itemRows.map((r) => r[4]));
    expect([...statusWords].sort()).toEqual([t('status.done'), t('status.started')].sort());
    expect(String(itemRows[0]?.[2])).not.toBe('');
  });
});
