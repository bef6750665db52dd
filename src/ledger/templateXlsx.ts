// An empty ledger in the office's own layout (`reform-bot template`): a 台账 sheet with a title
// row, the header row the import reads, dropdowns on 落实情况 and 改革领域, and a 填表说明 sheet
// explaining each column. The import reads the 台账 sheet only, so the instructions stay out of it.
//
// Written with exceljs's in-memory Workbook, not the streaming writer the export needs: the file
// is small, and the in-memory writer writes every sheet setting exceljs knows.

import type { Locale } from '../domain/types.ts';
import { writeDataAtomically } from '../files/privateFile.ts';
import type { Translate } from '../i18n/index.ts';
import { type HeaderLanguage, headerFor } from './columns.ts';
import { TEMPLATE_COLUMNS } from './templateColumns.ts';
import { templateGuide } from './templateGuide.ts';
import { addDropdowns, type ValidatedSheet } from './xlsxDropdowns.ts';
import { addHeadingRow, addTable, addTitleRow } from './xlsxSheet.ts';
import { COLUMN_WIDTHS, columnStyle, frozenBelow, PAGE_NUMBER_FOOTER, printSetup } from './xlsxStyle.ts';

export interface TemplateOptions {
  /** Header texts and dropdown words: Chinese, as offices write them, unless asked otherwise. */
  headers: HeaderLanguage;
  /** Sheet names, titles and messages, in the admin's language. */
  t: Translate;
  /** The languages the instructions are written in, one column each. */
  guideLocales: readonly Locale[];
}

/** Title in row 1, header in row 2: the import finds a header below title rows. */
const HEADER_ROW = 2;
/** Rows that get the dropdowns: a ledger of a year's plans rarely passes two thousand items. */
const LAST_ROW = 2000;

export async function writeLedgerTemplate(path: string, { headers, t, guideLocales }: TemplateOptions): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const ledgerName = t('export.sheet.ledger');

  const ledger = workbook.addWorksheet(ledgerName, {
    views: frozenBelow(HEADER_ROW),
    pageSetup: printSetup(HEADER_ROW),
    headerFooter: PAGE_NUMBER_FOOTER,
  });
  // A column's style is what Excel gives the cells people type into it later: long text wraps.
  ledger.columns = TEMPLATE_COLUMNS.map((c) => ({
    width: COLUMN_WIDTHS[c],
    style: { alignment: { ...columnStyle(c).alignment } },
  }));
  addTitleRow(ledger, t('template.title'), TEMPLATE_COLUMNS.length);
  addHeadingRow(
    ledger,
    TEMPLATE_COLUMNS.map((c) => headerFor(c, headers)),
  ).commit();
  // exceljs's typings leave out the sheet's data validations, which it has and writes.
  addDropdowns(
    ledger as unknown as ValidatedSheet,
    TEMPLATE_COLUMNS,
    { first: HEADER_ROW + 1, last: LAST_ROW },
    headers,
    t,
  );

  const guideRows = templateGuide({ headers, ledgerSheet: ledgerName, locales: guideLocales, t });
  const guide = workbook.addWorksheet(t('template.sheet.guide'), {
    views: frozenBelow(HEADER_ROW),
    pageSetup: printSetup(HEADER_ROW),
    headerFooter: PAGE_NUMBER_FOOTER,
  });
  const widths = [18, ...guideLocales.map(() => 70)];
  guide.columns = widths.map((width) => ({ width }));
  addTable(guide, guideRows, { widths, wrappedColumns: widths.map((_, i) => i) });

  // A template is small: built in memory, then written privately and renamed (privateFile.ts).
  await writeDataAtomically(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}
