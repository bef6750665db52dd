// One defect as one line an office can act on:
//   line 12, column status: unknown status "完成" (expected done / started / ... / 未启动)
// The column is named as the file's own header names it, so it can be found in the sheet.
import type { Translate } from '../i18n/index.ts';
import { COLUMN_SPECS, type Column, DOMAIN_CHOICES, type HeaderLanguage, headerFor, STATUS_CHOICES } from './columns.ts';
import type { Defect } from './defects.ts';

export interface DefectContext {
  /** Header texts as written in the file, when the header was read. */
  labels?: Partial<Record<Column, string>>;
  /** Language for columns the file does not name. */
  language: HeaderLanguage;
}

function describe(d: Defect, t: Translate): string {
  switch (d.code) {
    case 'missingColumn':
      return t('ledger.defect.missingColumn', { en: d.column ?? '', zh: d.column ? COLUMN_SPECS[d.column].zh : '' });
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
      return t('ledger.defect.unknownStatus', { value: d.value, choices: STATUS_CHOICES.join(' / ') });
    case 'unknownDomain':
      return t('ledger.defect.unknownDomain', { value: d.value, choices: DOMAIN_CHOICES.join(' / ') });
    case 'badDate':
      return t('ledger.defect.badDate', { value: d.value });
    case 'duplicateItem':
      return t('ledger.defect.duplicateItem', { plan: d.plan, item: d.item, firstLine: d.firstLine });
    case 'planMismatch':
      return t('ledger.defect.planMismatch', { plan: d.plan, value: d.value, expected: d.expected, firstLine: d.firstLine });
    case 'badFile':
      switch (d.reason) {
        case 'xlsx':
          return t('ledger.file.xlsx', { detail: d.detail });
        default:
          return t(`ledger.file.${d.reason}`);
      }
  }
}

export function formatDefect(d: Defect, t: Translate, context: DefectContext): string {
  // A missing column has no cell to point at; the message names it in both languages.
  const column = d.code === 'missingColumn' ? null : d.column;
  const where =
    column === null
      ? t('ledger.defect.at', { line: d.line })
      : t('ledger.defect.atColumn', { line: d.line, column: context.labels?.[column] ?? headerFor(column, context.language) });
  return t('ledger.defect.line', { where, what: describe(d, t) });
}
