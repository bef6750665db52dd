import { describe, expect, it } from 'vitest';
import { classifySlackError, classifyUploadError } from '../../src/slackApi/slackErrors.ts';

const httpError = (statusCode: number) =>
  Object.assign(new Error('x'), { code: 'slack_webapi_http_error', statusCode });
const platformError = (error: string) =>
  Object.assign(new Error('x'), { code: 'slack_webapi_platform_error', data: { ok: false, error } });

describe('classifySlackError', () => {
  it('waits the Retry-After of a rate limit, a second when Slack gave none', () => {
    expect(classifySlackError({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 })).toMatchObject({
      kind: 'ratelimit',
      retryAfterMs: 7000,
    });
    expect(classifySlackError({ code: 'slack_webapi_rate_limited_error' })).toMatchObject({ retryAfterMs: 1000 });
  });

  it('treats a bare HTTP 429 as a rate limit, not as a refusal of the message', () => {
    expect(classifySlackError(httpError(429))).toEqual({ kind: 'ratelimit', reason: 'http_429', retryAfterMs: 1000 });
  });

  it.each([
    [503, 'retry'],
    [408, 'retry'],
    [400, 'permanent'],
    [404, 'permanent'],
  ] as const)('HTTP %i: %s', (status, kind) => {
    expect(classifySlackError(httpError(status)).kind).toBe(kind);
  });

  it.each([
    ['internal_error', 'retry'],
    ['invalid_auth', 'blocked'],
    ['channel_not_found', 'permanent'],
  ] as const)('%s: %s', (error, kind) => {
    expect(classifySlackError(platformError(error)).kind).toBe(kind);
  });

  it('retries network errors and anything unexpected', () => {
    expect(classifySlackError({ code: 'slack_webapi_request_error', original: { message: 'ECONNRESET' } })).toEqual({
      kind: 'retry',
      reason: 'network: ECONNRESET',
    });
    expect(classifySlackError(new Error('boom')).kind).toBe('retry');
  });
});

describe('classifyUploadError', () => {
  it('fails the upload alone when the app lacks the permission; a refused token still blocks', () => {
    expect(classifyUploadError(platformError('missing_scope'))).toEqual({ kind: 'permanent', reason: 'missing_scope' });
    expect(classifyUploadError(platformError('invalid_auth')).kind).toBe('blocked');
  });
});
