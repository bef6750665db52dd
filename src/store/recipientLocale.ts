// The language a person reads scheduled messages in: the Slack locale cached in user_locales
// (written when they last used the bot), else the office's REFORM_LOCALE. Jobs never call Slack,
// so they read only the cache; listeners may refresh it.
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { userLocales } from '../db/schema.ts';
import type { Locale } from '../domain/types.ts';
import { localeFromSlack } from '../i18n/define.ts';

export function recipientLocales(db: Db, userIds: readonly string[], fallback: Locale): Map<string, Locale> {
  const result = new Map<string, Locale>(userIds.map((id) => [id, fallback]));
  if (userIds.length === 0) return result;
  for (const row of db
    .select()
    .from(userLocales)
    .where(inArray(userLocales.userId, [...new Set(userIds)]))
    .all()) {
    result.set(row.userId, localeFromSlack(row.locale, fallback));
  }
  return result;
}
