// The import summary as printed lines, in the configured language.
import type { Translate } from '../i18n/index.ts';
import type { LedgerImportSummary } from '../store/ledgerImport.ts';
import type { TextEncoding } from './readCsv.ts';

export interface SummaryContext {
  file: string;
  encoding: TextEncoding | null;
}

export function formatImportSummary(s: LedgerImportSummary, t: Translate, context: SummaryContext): string[] {
  const list = (names: readonly string[]) => names.join(t('ledger.list.separator'));
  const lines = [
    s.dryRun
      ? t('ledger.import.titleDryRun', { file: context.file })
      : t('ledger.import.title', { file: context.file }),
  ];
  if (context.encoding === 'gb18030') lines.push(t('ledger.import.gb18030'));
  lines.push(
    t('ledger.import.plans', {
      created: s.plans.created.length,
      updated: s.plans.updated.length,
      unchanged: s.plans.unchanged,
    }),
    t('ledger.import.items', {
      created: s.items.created,
      updated: s.items.updated.length,
      unchanged: s.items.unchanged,
      statusChanges: s.items.statusChanges,
    }),
  );
  if (s.newGroups.length > 0)
    lines.push(t('ledger.import.newGroups', { count: s.newGroups.length, list: list(s.newGroups) }));
  if (s.newDepartments.length > 0) {
    lines.push(t('ledger.import.newDepartments', { count: s.newDepartments.length, list: list(s.newDepartments) }));
  }
  if (s.missingItems.length > 0) {
    lines.push(
      t('ledger.import.missing', { count: s.missingItems.length }),
      ...s.missingItems.map((key) => `  ${key}`),
    );
  }
  return lines;
}
