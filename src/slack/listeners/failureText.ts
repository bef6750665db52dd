// What a person is told when their request failed: a database busy with an office command past
// the wait the bot allows is said plainly (nothing was saved, try again), anything else is the
// generic failure. Kept in one place so every listener words it the same.
import { DatabaseBusyError, isDatabaseBusy } from '../../db/busy.ts';
import type { Translate } from '../../i18n/index.ts';

export function failureText(t: Translate, error: unknown): string {
  return error instanceof DatabaseBusyError || isDatabaseBusy(error) ? t('cmd.error.busy') : t('cmd.error.failed');
}
