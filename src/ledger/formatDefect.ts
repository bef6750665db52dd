// One defect as one line an office can act on:
//   line 12, column status: unknown status "完成" (expected done / started / ... / 未启动)
// The column is named as the file's own header names it, so it can be found in the sheet.
import type { Translate } from '../i18n/index.ts';
import { COLUMN_SPECS, type Column, DOMAIN_CHOICES, type HeaderLanguage, headerFor } from './columns.ts';
import type { Defect } from './defects.ts';
import { lineRanges } from './formatPreview.ts';
import { columnLetter, type HeaderCell, type HeaderMap } from './header.ts';
import { knownStatusWords } from './words/statusText.ts';

export interface DefectContext {
  /** Header texts as written in the file, when the header was read. */
  labels?: Partial<Record<Column, string>>;
  /** Language for columns the file does not name. */
  language: HeaderLanguage;
  /** The sheet read (XLSX): every message names it. */
  sheet?: string | null;
  header?: HeaderMap | null;
}

/** `A 序号, B 方案名称, C 具体改革事项 (item_title)`: what the header row holds. */
function foundHeaders(found: readonly HeaderCell[], t: Translate, language: HeaderLanguage): string {
  if (found.length === 0) return t('preview.none');
  return found
    .map(
      (c) => `${columnLetter(c.position)} ${c.text.replace(/\s+/g, ' ')}${c.column ? '' : t('preview.ignoredAfter')}`,
    )
    .join(language === 'zh' ? '、' : ', ');
}

function describe(d: Defect, t: Translate, context: DefectContext): string {
  switch (d.code) {
    case 'missingColumn': {
      const what = t('ledger.defect.missingColumn', {
        en: d.column ?? '',
        zh: d.column
          ? [
              COLUMN_SPECS[d.column].zh,
              ...COLUMN_SPECS[d.column].synonyms.filter((s) => /[\u4e00-\u9fff]/.test(s)).slice(0, 3),
            ].join(' / ')
          : '',
      });
      const lines = lineRanges(context.header?.lines ?? [d.line]);
      const where = context.sheet
        ? t('preview.where', { lines, sheet: context.sheet })
        : t('preview.whereCsv', { lines });
      return `${what}${t('preview.clauses')}${t('preview.headersFound', { where, list: foundHeaders(d.found, t, context.language) })}`;
    }
    case 'noGroup':
      return t('ledger.defect.noGroup', { plan: d.plan });
    case 'noDomain':
      return t('ledger.defect.noDomain', { plan: d.plan, group: d.group ?? '' });
    case 'duplicateTitle':
      return t('ledger.defect.duplicateTitle', { plan: d.plan, firstLine: d.firstLine });
    case 'duplicateColumn':
      return t('ledger.defect.duplicateColumn', { firstHeader: d.firstHeader, header: d.header });
    case 'noRows':
      return t('ledger.defect.noRows');
    case 'noHeader':
      return t('ledger.defect.noHeader');
    case 'cellCount':
      return t('ledger.defect.cellCount', { got: d.got, expected: d.expected });
    case 'textBeyondHeader':
      return t('ledger.defect.textBeyondHeader', { expected: d.expected });
    case 'emptyValue':
      return t('ledger.defect.emptyValue');
    case 'unknownStatus':
      return t('ledger.defect.unknownStatus', { value: d.value, choices: knownStatusWords().join(' / ') });
    case 'unknownDomain':
      return t('ledger.defect.unknownDomain', { value: d.value, choices: DOMAIN_CHOICES.join(' / ') });
    case 'badDate':
      return t('ledger.defect.badDate', { value: d.value });
    case 'duplicateItem':
      return t('ledger.defect.duplicateItem', { plan: d.plan, item: d.item, firstLine: d.firstLine });
    case 'planMismatch':
      return t('ledger.defect.planMismatch', {
        plan: d.plan,
        value: d.value,
        expected: d.expected,
        firstLine: d.firstLine,
      });
    case 'badFile':
      switch (d.reason) {
        case 'xlsx':
          return t('ledger.file.xlsx', { detail: d.detail });
        case 'noSheet':
          return t('preview.missingSheet', { sheet: d.sheet, list: d.sheets.join(t('ledger.list.separator')) });
        default:
          return t(`ledger.file.${d.reason}`);
      }
  }
}

export function formatDefect(d: Defect, t: Translate, context: DefectContext): string {
  // A missing column has no cell to point at; the message names it in both languages.
  const column = d.code === 'missingColumn' ? null : d.column;
  const position = column === null ? undefined : context.header?.positions[column];
  const label =
    column === null ? '' : (context.labels?.[column] ?? headerFor(column, context.language)).replace(/\s+/g, '');
  const line =
    column === null
      ? t('ledger.defect.at', { line: d.line })
      : t('ledger.defect.atColumn', {
          line: d.line,
          column: position === undefined ? label : `${columnLetter(position)} ${label}`,
        });
  const where = context.sheet ? t('ledger.defect.inSheet', { sheet: context.sheet, where: line }) : line;
  return t('ledger.defect.line', { where, what: describe(d, t, context) });
}
