// The dispatcher's Web API client. Retries are OFF and 429s are rejected, not waited out inside
// the client: the dispatcher owns retries, backoff and Retry-After, and records each attempt.
// A call may carry an AbortSignal (shutdown abandons a post Slack does not answer). WebClient has
// no per-call signal, only its own fetch: so such a call gets a client of its own (about 0.2 ms)
// whose fetch listens to that signal as well as to the client's timeout.
import type { webApi } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { type UploadFile, uploadFile } from './slackUpload.ts';

interface PostArgs {
  channel: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  /** Message metadata (needs no scope beyond chat:write): which outbox row this message is. */
  metadata?: { event_type: string; event_payload: Record<string, string> };
  /** Abandons the call (not sent to Slack). */
  signal?: AbortSignal;
  /**
   * Upload this file instead of posting a message, with `text` as its comment (slackUpload.ts).
   * Its file id is answered as `ts`: a file has no message ts of its own to record.
   */
  file?: UploadFile;
}

export type PostMessage = (args: PostArgs) => Promise<{ channel?: string; ts: string }>;

export interface PosterSettings {
  token: string;
  apiUrl?: string;
  /** A call that takes longer is abandoned and retried (it may have been posted: see README). */
  timeoutMs?: number;
}

/**
 * The client is built on the first post: loading Slack's SDK costs most of a second, which
 * every CLI command would pay at start (they all list `run` and `outbox --retry`, which post).
 */
async function webClient(settings: PosterSettings, child: Logger, signal?: AbortSignal): Promise<webApi.WebClient> {
  const { webApi } = await import('@slack/bolt');
  const fetchWithSignal: typeof fetch = (input, init) =>
    fetch(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, signal as AbortSignal]) : (signal ?? null),
    });
  return new webApi.WebClient(settings.token, {
    ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
    ...(signal ? { fetch: fetchWithSignal } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: settings.timeoutMs ?? 30_000,
    logger: {
      debug: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
      info: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
      warn: (...m: unknown[]) => child.debug(m.map(String).join(' ')),
      error: (...m: unknown[]) => child.warn(m.map(String).join(' ')),
      setLevel: () => {},
      getLevel: () => webApi.LogLevel.DEBUG,
      setName: () => {},
    },
  });
}

export function createSlackPoster(settings: PosterSettings, log: Logger): PostMessage {
  const child = log.child({ component: 'outbox-client' });
  let client: Promise<webApi.WebClient> | undefined;
  return async (args) => {
    args.signal?.throwIfAborted();
    let api: webApi.WebClient;
    if (args.signal) api = await webClient(settings, child, args.signal);
    else {
      client ??= webClient(settings, child);
      api = await client;
    }
    if (args.file) {
      const fileId = await uploadFile(api, args.file, {
        channel: args.channel,
        comment: args.text,
        ...(args.thread_ts ? { threadTs: args.thread_ts } : {}),
        ...(args.signal ? { signal: args.signal } : {}),
      });
      return { channel: args.channel, ts: fileId };
    }
    const result = await api.chat.postMessage({
      channel: args.channel,
      text: args.text,
      ...(args.blocks ? { blocks: args.blocks as never } : {}),
      ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}),
      ...(args.metadata ? { metadata: args.metadata } : {}),
      // Scheduled messages carry our own links; previews would only add noise.
      unfurl_links: false,
      unfurl_media: false,
    });
    if (!result.ts) throw new Error('chat.postMessage answered ok without a ts');
    return { ...(result.channel ? { channel: result.channel } : {}), ts: result.ts };
  };
}
