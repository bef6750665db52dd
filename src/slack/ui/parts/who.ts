// Who changed something and when, as a person reads it.
import { escapeMrkdwn } from '../../mrkdwn.ts';

const SLACK_USER_ID = /^[UW][A-Z0-9]{2,}$/;

/**
 * A Slack user id becomes a mention (`<@U123>`, which Slack renders as the person's name);
 * anything else (`import`, `cli:alice`) is shown escaped, as text.
 */
export function actorText(actor: string): string {
  return SLACK_USER_ID.test(actor) ? `<@${actor}>` : escapeMrkdwn(actor);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** An ISO instant as `2016-06-30 14:05` in the office's time zone (REFORM_TZ). */
export function formatInstant(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeMrkdwn(iso);
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
    formatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
