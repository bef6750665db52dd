// A small ledger in the office's shape, written as CSV or XLSX for import tests.
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { COLUMNS as COLUMN_ORDER, COLUMN_SPECS, type Column } from '../../src/ledger/columns.ts';

/** The twelve columns of a coded ledger (our first export format): codes, domain, group. */
type FixtureColumn = Exclude<Column, 'seq' | 'cooperating_departments' | 'rev'>;
export const COLUMNS = COLUMN_ORDER.filter(
  (c): c is FixtureColumn => c !== 'seq' && c !== 'cooperating_departments' && c !== 'rev',
);

export type FixtureRow = Record<FixtureColumn, string | Date | number | null>;

/** Three plans, seven items: two groups, several departments, an unissued plan, notes. */
export function baseRows(): FixtureRow[] {
  const p1 = {
    plan_code: 'P1',
    plan_title: '关于深化国有企业改革的实施意见',
    domain: '经济体制',
    lead_group: 'G1',
    lead_department: '国资委',
    issued_on: '2016-01-15',
  };
  const p2 = {
    plan_code: 'P2',
    plan_title: '关于完善法律援助制度的实施意见',
    domain: 'political',
    lead_group: 'G2',
    lead_department: '司法厅',
    issued_on: '2016/3/1',
  };
  const p3 = {
    plan_code: 'P3',
    plan_title: '生态环境监测网络建设方案',
    domain: '生态文明体制',
    lead_group: 'G1',
    lead_department: '环境保护厅',
    issued_on: '',
  };
  return [
    {
      ...p1,
      item_code: '1',
      item_title: '制定国有资本投资运营公司试点方案',
      responsible_departments: '国资委、财政厅',
      due_on: '2016-06-30',
      status: '已完成',
      note: '已印发',
    },
    {
      ...p1,
      item_code: '2',
      item_title: '推进混合所有制改革',
      responsible_departments: '国资委；发展改革委',
      due_on: '2016年12月31日',
      status: '已启动未完成',
      note: '',
    },
    {
      ...p1,
      item_code: '3',
      item_title: '完善国有企业领导人员管理办法',
      responsible_departments: '省委组织部',
      due_on: '2016/9/30',
      status: '未启动',
      note: '',
    },
    {
      ...p2,
      item_code: '1',
      item_title: '扩大法律援助范围',
      responsible_departments: '司法厅',
      due_on: '2016-05-31',
      status: 'done',
      note: '',
    },
    {
      ...p2,
      item_code: '2',
      item_title: '提高法律援助质量',
      responsible_departments: '司法厅;财政厅',
      due_on: '',
      status: 'started',
      note: '长期坚持',
    },
    {
      ...p3,
      item_code: 'A',
      item_title: '建设生态环境监测网络',
      responsible_departments: '环境保护厅',
      due_on: '2017-12-31',
      status: 'not_started',
      note: '',
    },
    {
      ...p3,
      item_code: 'B',
      item_title: '统一发布环境质量信息',
      responsible_departments: '环境保护厅、气象局',
      due_on: '2016-10-31',
      status: '已完成',
      note: '',
    },
  ];
}

export type HeaderLanguage = 'en' | 'zh';

export function headerRow(language: HeaderLanguage, columns: readonly FixtureColumn[] = COLUMNS): string[] {
  return columns.map((c) => (language === 'zh' ? COLUMN_SPECS[c].zh : c));
}

const csvField = (value: string | Date | number | null) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export interface CsvOptions {
  language?: HeaderLanguage;
  columns?: readonly FixtureColumn[];
  bom?: boolean;
  eol?: string;
}

export function csvText(rows: readonly FixtureRow[], options: CsvOptions = {}): string {
  const columns = options.columns ?? COLUMNS;
  const eol = options.eol ?? '\n';
  const lines = [
    headerRow(options.language ?? 'en', columns).join(','),
    ...rows.map((r) => columns.map((c) => csvField(r[c])).join(',')),
  ];
  return `${options.bom ? '\ufeff' : ''}${lines.join(eol)}${eol}`;
}

export function writeCsv(path: string, rows: readonly FixtureRow[], options: CsvOptions = {}): string {
  writeFileSync(path, csvText(rows, options));
  return path;
}

export interface XlsxOptions {
  language?: HeaderLanguage;
  columns?: readonly FixtureColumn[];
  /** Sheets placed before the ledger sheet (e.g. a cover sheet). */
  sheetsBefore?: string[];
  sheetName?: string;
  /** Rows above the header (a title row). */
  titleRows?: string[];
}

/** Writes the rows with exceljs; date-like strings in date columns become real Date cells. */
export async function writeXlsx(path: string, rows: readonly FixtureRow[], options: XlsxOptions = {}): Promise<string> {
  const columns = options.columns ?? COLUMNS;
  const workbook = new ExcelJS.Workbook();
  for (const name of options.sheetsBefore ?? []) workbook.addWorksheet(name).addRow(['封面', 'cover']);
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1');
  for (const title of options.titleRows ?? []) sheet.addRow([title]);
  sheet.addRow(headerRow(options.language ?? 'en', columns));
  for (const row of rows) {
    const added = sheet.addRow(columns.map((c) => row[c]));
    columns.forEach((c, i) => {
      if (row[c] instanceof Date) added.getCell(i + 1).numFmt = 'yyyy-mm-dd';
    });
  }
  await workbook.xlsx.writeFile(path);
  return path;
}

/** Excel's view of a date: the Date at UTC midnight, as exceljs reads and writes it. */
export const excelDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
