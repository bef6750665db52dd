// Secrets out of log lines, by field name: a value under a secret's name is replaced, at the top
// of a line's object and two levels down (`{ config: { SLACK_BOT_TOKEN } }`,
// `{ req: { headers: { authorization } } }`). Copy on write: a line without secrets is passed on
// as it is, and the caller's object is never changed. A response_url is a credential too: whoever
// holds it may post into the conversation for 30 minutes, so it is redacted like a token.
//
// Text written by libraries (Bolt, its Socket Mode and Web API clients) carries secrets inside
// the message string instead: redactText finds them by shape, and summarizePayloads replaces the
// raw JSON payloads Bolt writes at debug level (whole requests, Socket Mode envelopes) by their
// kind and id, so no level prints what a person typed, a response_url or a token.
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
  'response_url',
  'responseUrl',
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

/** Slack tokens by their prefixes (bot, user, app, refresh, configuration). */
const SLACK_TOKEN = /\b(?:xox[a-z]|xapp)-[0-9A-Za-z-]+/g;
/** Slack's response_url and incoming-webhook addresses. */
const SLACK_HOOK_URL = /https?:\/\/hooks\.slack(?:-gov)?\.com\/[^\s"'\\<>)]+/g;
/**
 * A value under a secret's name in JSON, escaped JSON inside a string, or a form body
 * (`"response_url":"…"`, `\"token\":\"…\"`, `response_url=…&`). Slack's verification token
 * travels as `token` in every payload.
 */
const SECRET_FIELD =
  /((?:response_url|responseUrl|token|signing_secret|client_secret)\\?["']?\s*[:=]\s*\\?["']?)[^"'\\&\s,}]+/g;

/** The text with Slack tokens, response_urls and secret-named values replaced by LOG_CENSOR. */
export function redactText(text: string): string {
  return text
    .replace(SLACK_TOKEN, LOG_CENSOR)
    .replace(SLACK_HOOK_URL, LOG_CENSOR)
    .replace(SECRET_FIELD, `$1${LOG_CENSOR}`);
}

/** Top-level fields of a payload that say what it was without saying what anyone wrote. */
const PAYLOAD_SUMMARY_FIELDS = [
  'type',
  'envelope_id',
  'command',
  'callback_id',
  'ok',
  'error',
  'retry_attempt',
] as const;

/** End of the JSON object starting at `start` (its closing brace), or -1 when it is not closed. */
function objectEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function describePayload(json: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return `[payload omitted, ${json.length} chars]`;
  }
  const record = parsed as Record<string, unknown>;
  const inner = (record.payload ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const field of PAYLOAD_SUMMARY_FIELDS) {
    const value = record[field] ?? (typeof inner === 'object' ? inner[field] : undefined);
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      parts.push(`${field}=${String(value).slice(0, 60)}`);
  }
  return `[payload ${[...parts, `${json.length} chars`].join(' ')}]`;
}

/**
 * Every JSON object in the text replaced by a summary (`[payload type=slash_commands
 * envelope_id=… 812 chars]`): Bolt logs whole request bodies and Socket Mode messages at debug.
 */
export function summarizePayloads(text: string): string {
  let out = '';
  let from = 0;
  for (let start = text.indexOf('{'); start !== -1; start = text.indexOf('{', from)) {
    const end = objectEnd(text, start);
    if (end === -1) {
      // A payload cut short (a library truncating its line) is still a payload.
      if (text[start + 1] === '"')
        return `${out}${text.slice(from, start)}[payload omitted, ${text.length - start} chars]`;
      break;
    }
    out += text.slice(from, start) + describePayload(text.slice(start, end + 1));
    from = end + 1;
  }
  return out + text.slice(from);
}

/** A library's log text as it may be written: payloads summarized, then secrets redacted. */
export function safeLogText(text: string): string {
  return redactText(summarizePayloads(text));
}
