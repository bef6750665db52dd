// Secrets out of log lines, by field name: a value under a secret's name is replaced, at the top
// of a line's object and two levels down (`{ config: { SLACK_BOT_TOKEN } }`,
// `{ req: { headers: { authorization } } }`). Copy on write: a line without secrets is passed on
// as it is, and the caller's object is never changed.
//
// Why not pino's `redact` option: with wildcard paths its implementation (@pinojs/redact 0.4)
// parses every path again and copies the object on every line, about 45 KB of garbage per line
// (measured). Every Slack request writes a line, and that garbage alone added young-generation
// collections on the thread that acknowledges requests.

export const LOG_CENSOR = '[redacted]';

const SECRET_NAMES: ReadonlySet<string> = new Set([
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'authorization',
  'Authorization',
]);

/** How deep below the line's own fields names are looked at. */
const MAX_DEPTH = 2;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function redactAt(object: Record<string, unknown>, depth: number): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue;
    const value = object[key];
    let replaced: unknown = value;
    if (SECRET_NAMES.has(key)) {
      if (value !== undefined && value !== null) replaced = LOG_CENSOR;
    } else if (depth < MAX_DEPTH && isPlainObject(value)) {
      replaced = redactAt(value, depth + 1);
    }
    if (replaced !== value) {
      out ??= { ...object };
      out[key] = replaced;
    }
  }
  return out ?? object;
}

/** The line's fields with every secret replaced by LOG_CENSOR (the same object when there are none). */
export function redactSecrets(fields: Record<string, unknown>): Record<string, unknown> {
  return redactAt(fields, 0);
}
