// The header of the status table (plans, items, then done / started / not started with their
// shares) that `reform-bot stats` prints and the round workbook's summary sheet writes: one
// header, so the two read alike. Kept apart from roundWorkbook.ts, which loads exceljs.
import type { Translate } from '../i18n/index.ts';

/** Done, started, not started, each followed by its share (%). */
export function statusColumns(t: Translate): string[] {
  return [t('status.done'), '%', t('status.started'), '%', t('status.not_started'), '%'];
}

export function statusTableHeader(t: Translate): string[] {
  return [t('cli.stats.colName'), t('cli.stats.colPlans'), t('cli.stats.colItems'), ...statusColumns(t)];
}
