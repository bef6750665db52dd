// Which language a person reads: their Slack locale (users.info with include_locale), cached in
// user_locales so a busy person does not cost one Web API call per click, falling back to
// REFORM_LOCALE when Slack does not say or cannot be reached.
import { isDatabaseBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { userLocales } from '../db/schema.ts';
import type { Locale } from '../domain/types.ts';
import { localeFromSlack } from '../i18n/define.ts';
import { prepared } from '../store/prepared.ts';
import type { SlackDeps } from './deps.ts';

/** A person who switches Slack's language sees the change within a day. */
export const LOCALE_TTL_MS = 24 * 60 * 60 * 1000;

/** The one Web API call this needs; a Bolt WebClient fits. */
export interface LocaleClient {
  users: {
    info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

type LocaleDeps = Pick<SlackDeps, 'db' | 'config' | 'log' | 'now'>;

type CachedLocale = { locale: string; fetchedAt: string };
const cachedLocaleRow = (db: Db) => db.$client.prepare<[string], CachedLocale>('select locale, fetched_at as fetchedAt from user_locales where user_id = ?');

/** The cached row; this runs before every answer, so its statement is prepared once. */
function cachedLocale(db: Db, userId: string): CachedLocale | undefined {
  return prepared(db, cachedLocaleRow).get(userId);
}

export async function localeFor(client: LocaleClient, deps: LocaleDeps, userId: string): Promise<Locale> {
  const fallback = deps.config.REFORM_LOCALE;
  const now = deps.now();
  const cached = cachedLocale(deps.db, userId);
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < LOCALE_TTL_MS) return localeFromSlack(cached.locale, fallback);
  let slackLocale: string | undefined;
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    slackLocale = info.user?.locale;
  } catch (error) {
    // An outage must not stop the answer: use what we knew, else the office's language.
    deps.log.warn({ userId, err: (error as Error).message }, 'users.info failed; using cached or default locale');
    return cached ? localeFromSlack(cached.locale, fallback) : fallback;
  }
  if (slackLocale) {
    // The raw Slack locale is kept (not the mapped one) so a change of REFORM_LOCALE applies at once.
    const row = { userId, locale: slackLocale, fetchedAt: now.toISOString() };
    try {
      deps.db.insert(userLocales).values(row).onConflictDoUpdate({ target: userLocales.userId, set: row }).run();
    } catch (error) {
      // Only a cache: a database busy with an office command must not cost the person their answer.
      if (!isDatabaseBusy(error)) throw error;
    }
  }
  return localeFromSlack(slackLocale, fallback);
}
