// The template's instructions sheet (填表说明) as table rows, pure so its content is tested
// without Excel: one row per column of the template, then the rules for the whole sheet. Written
// in Chinese, the office's language, and also in English for an English-speaking admin.
import type { Locale } from '../domain/types.ts';
import { type Translate, translator } from '../i18n/index.ts';
import { type HeaderLanguage, headerFor } from './columns.ts';
import { TEMPLATE_COLUMNS } from './templateColumns.ts';
import { dropdownWords } from './xlsxDropdowns.ts';
import type { TableRow } from './xlsxTables.ts';

const TOPICS = ['sheet', 'merged', 'sections', 'codes', 'extra'] as const;

export interface GuideOptions {
  /** The template's header language: the guide names each column as the template writes it. */
  headers: HeaderLanguage;
  /** The ledger sheet's name, which the import reads. */
  ledgerSheet: string;
  /** One explanation column per language, in this order. */
  locales: readonly Locale[];
  /** The admin's language: title, headings and topic names. */
  t: Translate;
}

export function templateGuide({ headers, ledgerSheet, locales, t }: GuideOptions): TableRow[] {
  const params = {
    sheet: ledgerSheet,
    statuses: dropdownWords('status', headers)?.join(headers === 'zh' ? '、' : ', ') ?? '',
    domains: dropdownWords('domain', headers)?.join(headers === 'zh' ? '、' : ', ') ?? '',
  };
  const translators = locales.map(translator);
  return [
    { kind: 'title', cells: [t('template.guide.title')] },
    {
      kind: 'heading',
      cells: [t('template.guide.colTopic'), ...translators.map((tl) => tl('template.guide.colText'))],
    },
    ...TEMPLATE_COLUMNS.map(
      (column): TableRow => ({
        kind: 'data',
        cells: [headerFor(column, headers), ...translators.map((tl) => tl(`template.guide.column.${column}`, params))],
      }),
    ),
    ...TOPICS.map(
      (topic): TableRow => ({
        kind: 'data',
        cells: [
          t(`template.guide.topic.${topic}`),
          ...translators.map((tl) => tl(`template.guide.topicText.${topic}`, params)),
        ],
      }),
    ),
  ];
}
