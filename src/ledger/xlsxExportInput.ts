// What the supervision workbook is built from (exportXlsx.ts), shared with the ledger sheet's
// writer (exportLedgerSheet.ts) without either importing the other.
import type { LightInput } from '../domain/lights.ts';
import type { Stats } from '../domain/stats.ts';
import type { Light } from '../domain/types.ts';
import type { Translate } from '../i18n/index.ts';
import type { ExportPlan } from '../store/ledgerExport.ts';
import type { HeaderLanguage } from './columns.ts';

export interface XlsxExport {
  plans: readonly ExportPlan[];
  stats: Stats;
  /** Ledger sheet headers and words. */
  language: HeaderLanguage;
  t: Translate;
  /** Each item's traffic light at the statistics' as-of date: the light column and the colours. */
  lightOf: (item: LightInput) => Light;
  /** When the file was made, as people read it (2016-07-01 10:00), for the ledger sheet's title. */
  exportedAt: string;
}
