// What a failed chat.postMessage means for the row. The web client is built with retries off
// and rejectRateLimitedCalls on, so every failure arrives here once and the dispatcher decides.
//
//   retry      5xx, network errors, Slack's own transient errors: back off and try again
//   ratelimit  429: wait exactly the Retry-After Slack gave (all posts pause)
//   blocked    the TOKEN is refused (invalid_auth, token_revoked ...): not the message's fault.
//              The row stays pending and the pass stops; failing every queued message (and the
//              alerts, which would fail the same way) would turn one bad token into mass loss.
//   permanent  the MESSAGE cannot be posted as it is (channel_not_found, not_in_channel,
//              invalid_blocks ...): failed, the admins are told.

export type Verdict =
  | { kind: 'retry'; reason: string }
  | { kind: 'ratelimit'; reason: string; retryAfterMs: number }
  | { kind: 'blocked'; reason: string }
  | { kind: 'permanent'; reason: string };

const TRANSIENT = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
  'rate_limited',
  'team_added_to_org',
]);
const BLOCKED = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'no_permission',
  'missing_scope',
  'not_allowed_token_type',
  'org_login_required',
  'ekm_access_denied',
  'team_access_not_granted',
  'access_denied',
]);

interface SlackErrorLike {
  code?: string;
  data?: { error?: string };
  retryAfter?: number;
  statusCode?: number;
  original?: { message?: string };
  message?: string;
}

export function classifySlackError(error: unknown): Verdict {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SlackErrorLike;
  switch (e.code) {
    case 'slack_webapi_rate_limited_error': {
      const seconds = typeof e.retryAfter === 'number' && e.retryAfter >= 0 ? e.retryAfter : 1;
      return { kind: 'ratelimit', reason: `ratelimited (Retry-After ${seconds} s)`, retryAfterMs: seconds * 1000 };
    }
    case 'slack_webapi_platform_error': {
      const name = e.data?.error ?? 'unknown_error';
      if (TRANSIENT.has(name)) return { kind: 'retry', reason: name };
      if (BLOCKED.has(name)) return { kind: 'blocked', reason: name };
      return { kind: 'permanent', reason: name };
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      const reason = `http_${status}`;
      // A 429 that did not come as a rate-limit error (no Retry-After read): wait a second, as
      // for a rate limit without the header; failing it would drop a message Slack only delayed.
      if (status === 429) return { kind: 'ratelimit', reason, retryAfterMs: 1000 };
      return status >= 500 || status === 408 ? { kind: 'retry', reason } : { kind: 'permanent', reason };
    }
    case 'slack_webapi_request_error':
      return {
        kind: 'retry',
        reason: `network: ${e.original?.message ?? e.message ?? 'request failed'}`.slice(0, 300),
      };
    default:
      // Anything unexpected (a bug, a timeout surfacing as a plain Error) is retried: retrying
      // is bounded by the give-up age, and failing fast here could drop a good message.
      return { kind: 'retry', reason: `error: ${e.message ?? 'unknown'}`.slice(0, 300) };
  }
}

/**
 * A refusal of a file upload for want of a permission concerns the upload alone: the app was
 * installed before the chart came, without files:write. Unlike a refused token it must not hold up
 * every message: the file is failed and the admins told, the rest goes out. (A workspace that
 * forbids uploads answers file_uploads_disabled, a permanent error already.)
 */
const UPLOAD_REFUSALS = new Set(['missing_scope', 'no_permission']);

export function classifyUploadError(error: unknown): Verdict {
  const verdict = classifySlackError(error);
  return verdict.kind === 'blocked' && UPLOAD_REFUSALS.has(verdict.reason)
    ? { kind: 'permanent', reason: verdict.reason }
    : verdict;
}
