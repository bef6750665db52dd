// Send requests to a Bolt HTTP endpoint the way Slack does: signed with the signing secret
// (`v0=` HMAC-SHA256 of `v0:<timestamp>:<raw body>`), with Slack's content types, plus
// switches to forge or omit the signature, send a stale timestamp, or mark a retry.
import { createHmac } from 'node:crypto';
import { type Json, type SlashCommandInput, slashCommand } from './payloads.ts';

export interface SlackRequestHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export interface SendOptions {
  /** Path on `baseUrl` (default `/slack/events`). */
  path?: string;
  /** Sign with a wrong secret. */
  forgeSignature?: boolean;
  /** Send neither signature nor timestamp header. */
  omitHeaders?: boolean;
  /** Sign correctly but with a timestamp 6 minutes old (Bolt refuses more than 5). */
  staleTimestamp?: boolean;
  /** Explicit timestamp in seconds (overrides `staleTimestamp`). */
  timestampSec?: number;
  /** Sets `x-slack-retry-num` (and `x-slack-retry-reason`), as Slack does when it redelivers. */
  retryNum?: number;
  retryReason?: 'http_timeout' | 'http_error' | 'too_many_redirects' | 'unknown_error';
  /** Extra headers, applied last. */
  headers?: Record<string, string>;
}

export interface SlackHttpResult {
  status: number;
  /** Raw response body (Bolt acks with an empty body unless `ack()` got an argument). */
  body: string;
  /** The body parsed as JSON, or `undefined` if it is empty or not JSON. */
  json: unknown;
  headers: Headers;
}

export const STALE_SECONDS = 6 * 60;

export function signSlackRequest(
  signingSecret: string,
  rawBody: string,
  timestampSec = Math.floor(Date.now() / 1000),
): SlackRequestHeaders {
  const hmac = createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return { 'x-slack-signature': `v0=${hmac}`, 'x-slack-request-timestamp': String(timestampSec) };
}

/** POST `rawBody` to `baseUrl` + `path`, signed as Slack would sign it. */
export async function postSigned(
  baseUrl: string,
  signingSecret: string,
  rawBody: string,
  contentType: string,
  options: SendOptions = {},
): Promise<SlackHttpResult> {
  const ts = options.timestampSec ?? Math.floor(Date.now() / 1000) - (options.staleTimestamp ? STALE_SECONDS : 0);
  const secret = options.forgeSignature ? `forged-${signingSecret}` : signingSecret;
  const headers: Record<string, string> = {
    'content-type': contentType,
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...(options.omitHeaders ? {} : signSlackRequest(secret, rawBody, ts)),
    ...(options.retryNum !== undefined
      ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': options.retryReason ?? 'http_timeout' }
      : {}),
    ...options.headers,
  };
  const response = await fetch(new URL(options.path ?? '/slack/events', baseUrl), {
    method: 'POST',
    headers,
    body: rawBody,
  });
  const body = await response.text();
  let json: unknown;
  try {
    json = body === '' ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  return { status: response.status, body, json, headers: response.headers };
}

const FORM = 'application/x-www-form-urlencoded';

/** A slash command: form-encoded, every field Slack sends (see `slashCommand` in payloads.ts). */
export function postSlashCommand(
  baseUrl: string,
  signingSecret: string,
  input: SlashCommandInput,
  options?: SendOptions,
) {
  return postSigned(baseUrl, signingSecret, new URLSearchParams(slashCommand(input)).toString(), FORM, options);
}

/** An interaction (block_actions, view_submission, block_suggestion ...): form-encoded `payload=<json>`. */
export function postInteraction(baseUrl: string, signingSecret: string, payload: Json, options?: SendOptions) {
  return postSigned(
    baseUrl,
    signingSecret,
    new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    FORM,
    options,
  );
}

/** An Events API request (event_callback envelope or url_verification): JSON. */
export function postEvent(baseUrl: string, signingSecret: string, envelope: Json, options?: SendOptions) {
  return postSigned(baseUrl, signingSecret, JSON.stringify(envelope), 'application/json', options);
}
