// What a /reform subcommand gets: who asks, in which language, and the tools to answer.
import type { webApi } from '@slack/bolt';
import { todayIn } from '../../../domain/dates.ts';
import { lightClassifier, type LightInput } from '../../../domain/lights.ts';
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

/** Today in the office's time zone (REFORM_TZ), from the injected clock. */
export function officeToday(deps: SlackDeps): string {
  return todayIn(deps.now(), deps.config.REFORM_TZ);
}

/** Traffic lights as of today, with N = REFORM_YELLOW_WORKDAYS and the office's working days. */
export function lightsToday(deps: SlackDeps): (item: LightInput) => Light {
  return lightClassifier(officeToday(deps), deps.calendar, deps.config.REFORM_YELLOW_WORKDAYS);
}
