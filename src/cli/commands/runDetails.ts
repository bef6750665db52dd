// What a job run reports (its details), as `reform-bot run` prints them: each fact under its
// label in the reader's language, and the reason a run was skipped in words, not English keys.

import type { Translate } from '../../i18n/index.ts';
import { type JobDetailKey, type JobResult, SKIPPED } from '../../jobs/job.ts';

const skipCodes = Object.fromEntries(
  Object.entries(SKIPPED).map(([code, text]) => [text, code as keyof typeof SKIPPED]),
);

function detailValue(t: Translate, key: JobDetailKey, value: number | string): string {
  const skipCode = key === 'skipped' ? skipCodes[value] : undefined;
  if (skipCode) return t(`cli.run.skipped.${skipCode}`);
  if (key === 'chaseDay') return t(value === 'yes' ? 'cli.run.yes' : 'cli.run.no');
  return String(value);
}

/** The details line, or undefined when the run reported none. */
export function detailsLine(t: Translate, details: JobResult['details']): string | undefined {
  const facts = Object.entries(details ?? {}).filter(
    (entry): entry is [JobDetailKey, number | string] => entry[1] !== undefined,
  );
  if (facts.length === 0) return undefined;
  return t('cli.run.details', {
    details: facts.map(([key, value]) => ({ label: t(`cli.run.detail.${key}`), value: detailValue(t, key, value) })),
  });
}
