// Text from people or ledgers shown in mrkdwn must not become markup: `<!channel>` would ping a
// whole channel, `<@U1>` a person, `<http://x|y>` a disguised link. Slack's rule: escape & < >.
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Cuts text to `max` characters (counting code points, so CJK and emoji are not split). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}
