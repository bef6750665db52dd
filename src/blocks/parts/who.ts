// Who changed something and when, as a person reads it.
import { formatInstantIn } from '../../domain/dates.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * A Slack user id becomes a mention (`<@U123>`, which Slack renders as the person's name);
 * anything else (`import`, `cli:alice`) is shown escaped, as text.
 */
export function actorText(actor: string): string {
  return SLACK_USER_ID.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}

/** An ISO instant as `2016-06-30 14:05` in the office's time zone (REFORM_TZ), safe for mrkdwn. */
export function formatInstant(iso: string, timeZone: string): string {
  return escapeMrkdwn(formatInstantIn(iso, timeZone));
}
