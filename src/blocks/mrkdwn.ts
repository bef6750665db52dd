// Text from people or ledgers shown in mrkdwn must not become markup: `<!channel>` would ping a
// whole channel, `<@U1>` a person, `<http://x|y>` a disguised link. Slack's rule: escape & < >.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The start of an entity escapeMrkdwn writes, left dangling at the end of a cut (`…&am`). */
const CUT_ENTITY = /&(?:a|am|amp|l|lt|g|gt)?$/;
const ENTITY_AHEAD = /^&(?:amp|lt|gt);/;

/**
 * Cuts text to `max` characters (counting code points, so CJK and emoji are not split). Text
 * that was escaped before (section and context blocks get mrkdwn) is never cut inside an
 * entity: a dangling `&am` is dropped whole rather than shown as "&am…".
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  let kept = chars.slice(0, Math.max(0, max - 1)).join('');
  const cut = CUT_ENTITY.exec(kept);
  if (cut && ENTITY_AHEAD.test(text.slice(cut.index))) kept = kept.slice(0, cut.index);
  return `${kept}…`;
}

const SLACK_ENTITY = /&(amp|lt|gt);/g;
const ENTITY_CHAR: Record<string, string> = { amp: '&', lt: '<', gt: '>' };

/**
 * Slash-command text as the person typed it. Slack sends `&`, `<` and `>` in it as `&amp;`,
 * `&lt;` and `&gt;`; stored as sent they would be escaped again on the way out and read
 * `&amp;lt;`. One pass, so a typed `&amp;` (sent as `&amp;amp;`) stays `&amp;`. Only for slash
 * text: view inputs and button values arrive as typed.
 */
export function unescapeSlackText(text: string): string {
  return text.replace(SLACK_ENTITY, (_, name: string) => ENTITY_CHAR[name] as string);
}
