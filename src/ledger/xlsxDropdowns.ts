// Dropdowns (Excel data validation) on the 落实情况 and 改革领域 columns, offering exactly the words
// the import reads, so people pick 已启动未完成 rather than type 进行中. Shared by the export's
// ledger sheet and the empty template.
import type { DataValidation } from 'exceljs';
import { DOMAINS, STATUSES } from '../domain/types.ts';
import type { Translate } from '../i18n/index.ts';
import { type Column, domainWord, type HeaderLanguage, statusWord } from './columns.ts';
import { columnLetter } from './xlsxSheet.ts';

/** The words a column's dropdown offers, or undefined for a column without one. */
export function dropdownWords(column: Column, language: HeaderLanguage): string[] | undefined {
  if (column === 'status') return STATUSES.map((s) => statusWord(s, language));
  if (column === 'domain') return DOMAINS.map((d) => domainWord(d, language));
  return undefined;
}

function dropdown(words: readonly string[], t: Translate): DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    // An inline list, quoted and comma-separated; the longest (the domains) is far below Excel's 255 characters.
    formulae: [`"${words.join(',')}"`],
    showErrorMessage: true,
    // A warning, not a stop: the import also reads other spellings (经济体制改革, `done`), and an
    // office pasting rows from its old ledger must not be blocked cell by cell.
    errorStyle: 'warning',
    errorTitle: t('export.dropdown.errorTitle'),
    error: t('export.dropdown.error', { words: words.join(' / ') }),
  };
}

/** What both exceljs writers (in-memory and streaming) offer for data validation. */
export interface ValidatedSheet {
  dataValidations: { add(range: string, validation: DataValidation): void };
}

/** Dropdowns for the columns of `columns` (in sheet order) that have one, on rows first..last. */
export function addDropdowns(
  sheet: ValidatedSheet,
  columns: readonly Column[],
  rows: { first: number; last: number },
  language: HeaderLanguage,
  t: Translate,
): void {
  columns.forEach((column, i) => {
    const words = dropdownWords(column, language);
    if (!words) return;
    const letter = columnLetter(i + 1);
    sheet.dataValidations.add(`${letter}${rows.first}:${letter}${rows.last}`, dropdown(words, t));
  });
}
