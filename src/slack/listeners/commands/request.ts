// What a /reform subcommand gets: who asks, in which language, and the tools to answer.
import type { webApi } from '@slack/bolt';
import { type AsOfToday, asOfToday, lightsAsOf } from '../../../domain/asOfToday.ts';
import type { LightInput } from '../../../domain/lights.ts';
import type { Light, Locale } from '../../../domain/types.ts';
import type { Translate } from '../../../i18n/index.ts';
import type { SlackDeps } from '../../deps.ts';

export interface CommandRequest {
  deps: SlackDeps;
  client: webApi.WebClient;
  userId: string;
  locale: Locale;
  t: Translate;
  triggerId: string;
}

/** The office's today, calendar and yellow threshold, from the injected clock. */
export function officeAsOf(deps: Pick<SlackDeps, 'now' | 'config' | 'calendar'>): AsOfToday {
  return asOfToday(deps.now(), deps);
}

/** Today in the office's time zone (REFORM_TZ), from the injected clock. */
export function officeToday(deps: Pick<SlackDeps, 'now' | 'config' | 'calendar'>): string {
  return officeAsOf(deps).asOf;
}

/** Traffic lights as of today, with N = REFORM_YELLOW_WORKDAYS and the office's working days. */
export function lightsToday(deps: Pick<SlackDeps, 'now' | 'config' | 'calendar'>): (item: LightInput) => Light {
  return lightsAsOf(officeAsOf(deps));
}
