// The ledger's columns (工作台账, one row per item) and the words its cells may hold, in English
// and Chinese. Offices type these by hand in Excel, so matching forgives case, surrounding
// spaces and `Plan Code` for `plan_code`, but never guesses beyond the listed words.
//
// Which columns must be present (decision): every column except `issued_on` and `note`.
// An optional column that is ABSENT leaves that field as the database has it (a ledger kept
// without notes must not wipe the notes people wrote in Slack); a column that is PRESENT but
// has an empty cell clears the field. `due_on` must be present as a column but a cell may be
// empty: an item without a deadline (长期坚持) simply never turns yellow or red.
import { DOMAINS, type Domain, STATUSES, type Status } from '../domain/types.ts';

export const COLUMNS = [
  'plan_code',
  'plan_title',
  'domain',
  'lead_group',
  'lead_department',
  'issued_on',
  'item_code',
  'item_title',
  'responsible_departments',
  'due_on',
  'status',
  'note',
] as const;
export type Column = (typeof COLUMNS)[number];

export interface ColumnSpec {
  /** The Chinese header offices use. */
  zh: string;
  /** The header row must name this column. */
  requiredColumn: boolean;
  /** A row must have a non-empty value here. */
  requiredValue: boolean;
  /** Plan-level columns repeat on every item row and must agree within a plan. */
  planLevel: boolean;
}

export const COLUMN_SPECS: Record<Column, ColumnSpec> = {
  plan_code: { zh: '方案编号', requiredColumn: true, requiredValue: true, planLevel: true },
  plan_title: { zh: '方案名称', requiredColumn: true, requiredValue: true, planLevel: true },
  domain: { zh: '改革领域', requiredColumn: true, requiredValue: true, planLevel: true },
  lead_group: { zh: '牵头专项小组', requiredColumn: true, requiredValue: true, planLevel: true },
  lead_department: { zh: '牵头单位', requiredColumn: true, requiredValue: true, planLevel: true },
  issued_on: { zh: '出台时间', requiredColumn: false, requiredValue: false, planLevel: true },
  item_code: { zh: '事项编号', requiredColumn: true, requiredValue: true, planLevel: false },
  item_title: { zh: '具体改革事项', requiredColumn: true, requiredValue: true, planLevel: false },
  responsible_departments: { zh: '责任单位', requiredColumn: true, requiredValue: true, planLevel: false },
  due_on: { zh: '完成时限', requiredColumn: true, requiredValue: false, planLevel: false },
  status: { zh: '落实情况', requiredColumn: true, requiredValue: true, planLevel: false },
  note: { zh: '备注', requiredColumn: false, requiredValue: false, planLevel: false },
};

export const PLAN_LEVEL_COLUMNS = COLUMNS.filter((c) => COLUMN_SPECS[c].planLevel && c !== 'plan_code');

/** Status words: the English code first, then the Chinese word (MISSION "The objects"). */
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
  return text.trim().toLowerCase().replace(/[\s\-]+/g, '_');
}

const HEADER_LOOKUP = new Map<string, Column>();
for (const column of COLUMNS) {
  HEADER_LOOKUP.set(normalizeWord(column), column);
  HEADER_LOOKUP.set(normalizeWord(COLUMN_SPECS[column].zh), column);
}

/** The column a header cell names, or undefined for a column the ledger does not know. */
export function columnForHeader(header: string): Column | undefined {
  return HEADER_LOOKUP.get(normalizeWord(header));
}

export function headerFor(column: Column, language: HeaderLanguage): string {
  return language === 'zh' ? COLUMN_SPECS[column].zh : column;
}

const STATUS_LOOKUP = new Map<string, Status>();
for (const status of STATUSES) {
  STATUS_LOOKUP.set(normalizeWord(STATUS_WORDS[status].en), status);
  STATUS_LOOKUP.set(normalizeWord(STATUS_WORDS[status].zh), status);
}

export function statusFromWord(word: string): Status | undefined {
  return STATUS_LOOKUP.get(word) ?? STATUS_LOOKUP.get(normalizeWord(word));
}

export function statusWord(status: Status, language: HeaderLanguage): string {
  return STATUS_WORDS[status][language];
}

/** Every accepted status word, for the "expected ..." part of a defect message. */
export const STATUS_CHOICES: readonly string[] = [
  ...STATUSES.map((s) => STATUS_WORDS[s].en),
  ...STATUSES.map((s) => STATUS_WORDS[s].zh),
];

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

/** 责任单位 cells list several departments joined by `;` `；` or `、`. Order is kept, repeats dropped. */
export function splitDepartments(cell: string): string[] {
  const text = cell.trim();
  // Most cells name one department: no arrays to build and throw away for them.
  if (!SEPARATOR.test(text)) return text === '' ? [] : [text];
  const names: string[] = [];
  for (const part of text.split(SEPARATOR)) {
    const name = part.trim();
    if (name !== '' && !names.includes(name)) names.push(name);
  }
  return names;
}

const SEPARATOR = /[;；、]/;

/** How an export joins departments back into one cell, per header language. */
export function joinDepartments(names: readonly string[], language: HeaderLanguage): string {
  return names.join(language === 'zh' ? '、' : ';');
}
