// Which language a person reads — the one place the Slack layer asks. Their Slack locale
// (users.info with include_locale), cached in user_locales so a busy person does not cost one Web
// API call per click, falling back to REFORM_LOCALE when Slack does not say or cannot be reached.
// `quick` is for answers bound to a trigger_id or an options request (3 s from the click): those
// take what is known now rather than wait for a slow users.info.
import { isDatabaseBusy } from '../db/busy.ts';
import type { Db } from '../db/client.ts';
import { userLocales } from '../db/schema.ts';
import type { Locale } from '../domain/types.ts';
import { localeFromSlack } from '../i18n/define.ts';
import { prepared } from '../store/prepared.ts';
import type { SlackDeps } from './deps.ts';

/** A person who switches Slack's language sees the change within a day. */
export const LOCALE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * How long a quick lookup waits for users.info when nothing is cached: long enough for a healthy
 * Slack (~100-300 ms), short enough to leave views.open most of the trigger's 3 s.
 */
const QUICK_LOCALE_WAIT_MS = 1000;

/** The one Web API call this needs; a Bolt WebClient fits. */
export interface LocaleClient {
  users: {
    info(args: { user: string; include_locale: boolean }): Promise<{ user?: { locale?: string } }>;
  };
}

type LocaleDeps = Pick<SlackDeps, 'db' | 'config' | 'log' | 'now'>;

export interface LocaleOptions {
  /** Within a trigger_id's deadline: a stale cache or the office default rather than a long wait. */
  quick?: boolean;
  /** Quick mode's wait for users.info when nothing is cached (tests shorten it). */
  quickWaitMs?: number;
}

type CachedLocale = { locale: string; fetchedAt: string };
const cachedLocaleRow = (db: Db) =>
  db.$client.prepare<[string], CachedLocale>(
    'select locale, fetched_at as fetchedAt from user_locales where user_id = ?',
  );

/** The cached row; this runs before every answer, so its statement is prepared once. */
function cachedLocale(db: Db, userId: string): CachedLocale | undefined {
  return prepared(db, cachedLocaleRow).get(userId);
}

export async function localeFor(
  client: LocaleClient,
  deps: LocaleDeps,
  userId: string,
  options: LocaleOptions = {},
): Promise<Locale> {
  const fallback = deps.config.REFORM_LOCALE;
  const cached = cachedLocale(deps.db, userId);
  if (cached && deps.now().getTime() - Date.parse(cached.fetchedAt) < LOCALE_TTL_MS)
    return localeFromSlack(cached.locale, fallback);
  const known = cached ? localeFromSlack(cached.locale, fallback) : fallback;
  const lookup = askSlack(client, deps, userId, known);
  if (!options.quick) return lookup;
  // Whatever the race's outcome, the lookup finishes in the background and fills the cache.
  const settled = lookup.catch((error: unknown) => {
    deps.log.warn({ userId, err: (error as Error).message }, 'background locale lookup failed');
    return known;
  });
  // A stale cache is still the person's language, most likely: answer with it at once.
  if (cached) return known;
  return raceWithDefault(settled, fallback, options.quickWaitMs ?? QUICK_LOCALE_WAIT_MS);
}

async function raceWithDefault(lookup: Promise<Locale>, fallback: Locale, ms: number): Promise<Locale> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Locale>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  try {
    return await Promise.race([lookup, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** users.info, remembered; `known` (stale cache or default) when Slack cannot say. */
async function askSlack(client: LocaleClient, deps: LocaleDeps, userId: string, known: Locale): Promise<Locale> {
  let slackLocale: string | undefined;
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    slackLocale = info.user?.locale;
  } catch (error) {
    // An outage must not stop the answer: use what we knew, else the office's language.
    deps.log.warn({ userId, err: (error as Error).message }, 'users.info failed; using cached or default locale');
    return known;
  }
  if (slackLocale) {
    // The raw Slack locale is kept (not the mapped one) so a change of REFORM_LOCALE applies at once.
    const row = { userId, locale: slackLocale, fetchedAt: deps.now().toISOString() };
    try {
      deps.db.insert(userLocales).values(row).onConflictDoUpdate({ target: userLocales.userId, set: row }).run();
    } catch (error) {
      // Only a cache: a database busy with an office command must not cost the person their answer.
      if (!isDatabaseBusy(error)) throw error;
    }
  }
  return localeFromSlack(slackLocale, deps.config.REFORM_LOCALE);
}
