// Ledger and people's text, made safe for mrkdwn and bounded in length.
import { escapeMrkdwn } from '../mrkdwn.ts';

/** Code points of one escaped character: an entity (`&amp;`) or the character itself. */
const size = (piece: string) => (piece.length > 1 && piece.startsWith('&') ? piece.length : 1);

/**
 * Escapes `text` and cuts it so the ESCAPED result has at most `max` characters (code points):
 * escaping can multiply the length (`&` becomes `&amp;`), so cutting before escaping is not
 * enough to keep a message within Slack's limits. Never cuts inside an entity.
 */
export function escapeClip(text: string, max: number): string {
  const pieces = Array.from(text, (c) => escapeMrkdwn(c));
  if (pieces.reduce((n, p) => n + size(p), 0) <= max) return pieces.join('');
  const out: string[] = [];
  let used = 1; // room for the ellipsis
  for (const piece of pieces) {
    if (used + size(piece) > max) break;
    out.push(piece);
    used += size(piece);
  }
  return `${out.join('')}…`;
}
