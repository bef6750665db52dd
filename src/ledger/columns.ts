// The ledger's columns (工作台账, one row per item) and the words its cells may hold, in English
// and Chinese. Offices type these by hand in Excel, so matching forgives case, surrounding
// spaces and `Plan Code` for `plan_code`, but never guesses beyond the listed words.
//
// Which columns must be present (decision): the ones every office keeps — 方案名称, 具体改革事项,
// 完成时限 and 落实情况 — and a department column (责任单位, or 牵头单位 for every item of a plan).
// Codes, domain and special group are optional: offices rarely keep them, so plans get stable
// codes from their titles, items from their numbers, and groups and domains from section rows
// or the org file. An optional column that is ABSENT leaves that field as the database has it
// (a ledger kept without notes must not wipe the notes people wrote in Slack); a column that is
// PRESENT but has an empty cell clears the field. `due_on` may be empty in a cell: an item
// without a deadline (长期坚持) simply never turns yellow or red.
import { DOMAINS, type Domain, type Status } from '../domain/types.ts';

export const COLUMNS = [
  'seq',
  'plan_code',
  'plan_title',
  'domain',
  'lead_group',
  'lead_department',
  'issued_on',
  'item_code',
  'item_title',
  'responsible_departments',
  'cooperating_departments',
  'due_on',
  'status',
  'note',
  'rev',
] as const;
export type Column = (typeof COLUMNS)[number];

/**
 * The columns our exports write, in order: everything a round trip needs (codes, so nothing is
 * matched by title; `rev`, so an import can tell Slack's newer changes from the file's). No 序号.
 */
export type ExportColumn = Exclude<Column, 'seq'>;
export const EXPORT_COLUMNS = COLUMNS.filter((c): c is ExportColumn => c !== 'seq');

export interface ColumnSpec {
  /** The Chinese header our exports and template write. */
  zh: string;
  /** Other headers offices use for the same column (matched ignoring spaces, line breaks, case). */
  synonyms: readonly string[];
  /** The header row must name this column. */
  requiredColumn: boolean;
  /** Plan-level columns repeat on (or are merged down) every item row and must agree within a plan. */
  planLevel: boolean;
}

export const COLUMN_SPECS: Record<Column, ColumnSpec> = {
  seq: { zh: '序号', synonyms: ['no', 'no.', '#', '编号'], requiredColumn: false, planLevel: false },
  plan_code: { zh: '方案编号', synonyms: ['方案代码'], requiredColumn: false, planLevel: true },
  plan_title: {
    zh: '方案名称',
    synonyms: ['改革方案', '专项改革方案', '方案', '方案标题', '改革方案名称', '文件名称', 'plan'],
    requiredColumn: true,
    planLevel: true,
  },
  domain: { zh: '改革领域', synonyms: ['领域', '所属领域'], requiredColumn: false, planLevel: true },
  lead_group: {
    zh: '牵头专项小组',
    synonyms: ['专项小组', '牵头小组', '责任专项小组', 'group'],
    requiredColumn: false,
    planLevel: true,
  },
  lead_department: { zh: '牵头单位', synonyms: ['牵头部门', '牵头责任单位'], requiredColumn: false, planLevel: true },
  issued_on: { zh: '出台时间', synonyms: ['印发时间', '出台日期', '印发日期'], requiredColumn: false, planLevel: true },
  item_code: { zh: '事项编号', synonyms: ['任务编号'], requiredColumn: false, planLevel: false },
  item_title: {
    zh: '具体改革事项',
    synonyms: [
      '改革事项',
      '改革任务',
      '任务',
      '具体事项',
      '事项',
      '工作任务',
      '重点任务',
      '具体任务',
      '主要任务',
      '任务分解',
      'item',
    ],
    requiredColumn: true,
    planLevel: false,
  },
  responsible_departments: {
    zh: '责任单位',
    synonyms: ['责任部门', '具体责任单位', '责任处室', 'departments'],
    requiredColumn: false,
    planLevel: false,
  },
  cooperating_departments: {
    zh: '配合单位',
    synonyms: ['配合部门', '参与单位', '参与部门', 'cooperating'],
    requiredColumn: false,
    planLevel: false,
  },
  due_on: {
    zh: '完成时限',
    synonyms: ['时间节点', '完成时间', '时限', '时限要求', '完成期限', 'due'],
    requiredColumn: true,
    planLevel: false,
  },
  status: {
    zh: '落实情况',
    synonyms: ['进展情况', '完成情况', '进度', '推进情况', '落实进度', '工作进展', '进展'],
    requiredColumn: true,
    planLevel: false,
  },
  note: { zh: '备注', synonyms: ['说明'], requiredColumn: false, planLevel: false },
  rev: { zh: '同步版本', synonyms: ['revision'], requiredColumn: false, planLevel: false },
};

/** Status words: the English code first, then the Chinese word (the three statuses). */
export const STATUS_WORDS: Record<Status, { en: string; zh: string }> = {
  done: { en: 'done', zh: '已完成' },
  started: { en: 'started', zh: '已启动未完成' },
  not_started: { en: 'not_started', zh: '未启动' },
};

export const DOMAIN_WORDS: Record<Domain, { en: string; zh: string }> = {
  economic: { en: 'economic', zh: '经济体制' },
  political: { en: 'political', zh: '民主法制' },
  cultural: { en: 'cultural', zh: '文化体制' },
  social: { en: 'social', zh: '社会体制' },
  ecological: { en: 'ecological', zh: '生态文明体制' },
  party_building: { en: 'party_building', zh: '党的建设制度' },
  discipline: { en: 'discipline', zh: '纪律检查体制' },
};

export type HeaderLanguage = 'en' | 'zh';

/** Trimmed, lower case, inner runs of spaces and hyphens as `_`: ` Plan Code ` → `plan_code`. */
export function normalizeWord(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * A header as compared: full-width forms folded (NFKC), every space, line break, `_`, `-`, `*`
 * (a "required" mark) and trailing colon removed, lower case: `具体改革\n事项` → `具体改革事项`,
 * `Plan Code` → `plancode`.
 */
function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*＊]+/g, '')
    .replace(/[:：]$/, '');
}

const HEADER_LOOKUP = new Map<string, Column>();
for (const column of COLUMNS) {
  for (const name of [column, COLUMN_SPECS[column].zh, ...COLUMN_SPECS[column].synonyms])
    HEADER_LOOKUP.set(headerKey(name), column);
}

/**
 * The column a header cell names, or undefined for a column the ledger does not know. A
 * parenthesised tail is an explanation (`完成时限（年月）`, `责任单位(牵头单位在前)`) and is tried without.
 */
export function columnForHeader(header: string): Column | undefined {
  const key = headerKey(header);
  return HEADER_LOOKUP.get(key) ?? HEADER_LOOKUP.get(key.replace(/\([^()]*\)$/, ''));
}

export function headerFor(column: Column, language: HeaderLanguage): string {
  return language === 'zh' ? COLUMN_SPECS[column].zh : column;
}

export function statusWord(status: Status, language: HeaderLanguage): string {
  return STATUS_WORDS[status][language];
}

const DOMAIN_LOOKUP = new Map<string, Domain>();
for (const domain of DOMAINS) {
  DOMAIN_LOOKUP.set(normalizeWord(DOMAIN_WORDS[domain].en), domain);
  DOMAIN_LOOKUP.set(normalizeWord(DOMAIN_WORDS[domain].zh), domain);
  // Ledgers often write the full name of the field, 经济体制改革; the meaning is the same.
  DOMAIN_LOOKUP.set(normalizeWord(`${DOMAIN_WORDS[domain].zh}改革`), domain);
}

export function domainFromWord(word: string): Domain | undefined {
  return DOMAIN_LOOKUP.get(word) ?? DOMAIN_LOOKUP.get(normalizeWord(word));
}

export function domainWord(domain: Domain, language: HeaderLanguage): string {
  return DOMAIN_WORDS[domain][language];
}

export const DOMAIN_CHOICES: readonly string[] = [
  ...DOMAINS.map((d) => DOMAIN_WORDS[d].en),
  ...DOMAINS.map((d) => DOMAIN_WORDS[d].zh),
];

/** How an export joins departments back into one cell, per header language. */
export function joinDepartments(names: readonly string[], language: HeaderLanguage): string {
  return names.join(language === 'zh' ? '、' : ';');
}
