// What a Slack token looks like, checked when the settings are read. Why here and not by Slack:
// a token with a character an HTTP header cannot carry (the README's placeholder `xoxb-…`, a
// curly quote, a space pasted in the middle) fails inside the HTTP client before Slack sees it,
// and start-up retried that as an unreachable Slack for a minute and a half. Refused here, the
// person reads at once which variable is wrong and why. The token itself is never echoed.

export type SlackTokenKind = 'bot' | 'app';

const KINDS = {
  bot: { prefix: 'xoxb-', what: 'a bot token', where: 'OAuth & Permissions → Bot User OAuth Token' },
  app: { prefix: 'xapp-', what: 'an app-level token', where: 'Basic Information → App-Level Tokens' },
} as const;

/** Slack's tokens: the prefix, then letters, digits and dashes (`xoxb-123-456-AbC`). */
const SHAPE = /^[A-Za-z0-9-]+$/;

/** What is wrong with `token` as a Slack token of this kind, or undefined when it has the shape. */
export function slackTokenProblem(token: string, kind: SlackTokenKind): string | undefined {
  const { prefix, what, where } = KINDS[kind];
  const rest = token.startsWith(prefix) ? token.slice(prefix.length) : undefined;
  if (rest === '…' || rest === '...')
    return `is the README's placeholder (${prefix}…): paste the real token from the app's settings (${where})`;
  if (rest === undefined) return `must be ${what} starting with ${prefix}`;
  if (rest === '') return `has nothing after ${prefix}: paste the whole token (${where})`;
  if (/\s/.test(rest)) return 'contains a space: copy the token again, in one piece';
  const foreign = [...rest].find((ch) => ch.charCodeAt(0) > 0x7e);
  if (foreign) {
    const code = `U+${(foreign.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return `contains a non-ASCII character (${code}), as from a placeholder or a word processor: copy the token again from Slack`;
  }
  if (!SHAPE.test(rest)) return `may hold only letters, digits and dashes after ${prefix}`;
  return undefined;
}
