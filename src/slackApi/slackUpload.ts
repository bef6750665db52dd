// Uploading a file into a channel or thread, the way Slack asks since files.upload was retired:
// files.getUploadURLExternal (a URL and a file id), the bytes POSTed to that URL, then
// files.completeUploadExternal, which shares the file where it belongs with a comment. The
// dispatcher's poster calls this for an outbox row that carries a file (the digest's chart).
//
// A failure of the middle step is reported like the Web API's own failures (slackErrors.ts reads
// `code`), so the dispatcher retries, waits or fails it with the same rules as a message.
import type { webApi } from '@slack/bolt';

export interface UploadFile {
  filename: string;
  /** Shown above the file in Slack. */
  title: string;
  /** Read out by screen readers (Slack allows 1,000 characters). */
  altText: string;
  bytes: Uint8Array;
}

export interface UploadTarget {
  channel: string;
  threadTs?: string;
  /** The message shared with the file. */
  comment: string;
  signal?: AbortSignal;
}

/**
 * Shaped like @slack/web-api's errors, so classifySlackError judges an upload like a call: a 429
 * is a rate limit (wait the Retry-After it gives, as for a call), not a refusal of the file.
 */
function uploadPostError(status: number | undefined, cause?: unknown, retryAfter?: string | null): Error {
  if (status === 429) {
    const seconds = Number(retryAfter);
    return Object.assign(new Error('upload answered HTTP 429'), {
      code: 'slack_webapi_rate_limited_error',
      retryAfter: Number.isFinite(seconds) && seconds >= 0 ? seconds : 1,
    });
  }
  const error = new Error(status === undefined ? `upload failed: ${String(cause)}` : `upload answered HTTP ${status}`);
  return Object.assign(
    error,
    status === undefined
      ? { code: 'slack_webapi_request_error', original: cause instanceof Error ? cause : new Error(String(cause)) }
      : { code: 'slack_webapi_http_error', statusCode: status },
  );
}

/** Uploads and shares the file; resolves to its file id. */
export async function uploadFile(api: webApi.WebClient, file: UploadFile, target: UploadTarget): Promise<string> {
  const reserved = (await api.apiCall('files.getUploadURLExternal', {
    filename: file.filename,
    length: file.bytes.byteLength,
    alt_txt: file.altText.slice(0, 1000),
  })) as { upload_url?: string; file_id?: string };
  if (!reserved.upload_url || !reserved.file_id) throw new Error('files.getUploadURLExternal answered without a URL');
  target.signal?.throwIfAborted();
  let response: Response;
  try {
    response = await fetch(reserved.upload_url, {
      method: 'POST',
      body: new Blob([file.bytes as Uint8Array<ArrayBuffer>]),
      headers: { 'content-type': 'application/octet-stream' },
      ...(target.signal ? { signal: target.signal } : {}),
    });
  } catch (error) {
    if (target.signal?.aborted) throw error;
    throw uploadPostError(undefined, error);
  }
  await response.arrayBuffer(); // let the connection go back to the pool
  if (!response.ok) throw uploadPostError(response.status, undefined, response.headers.get('retry-after'));
  await api.files.completeUploadExternal({
    files: [{ id: reserved.file_id, title: file.title }],
    channel_id: target.channel,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    initial_comment: target.comment,
  } as never);
  return reserved.file_id;
}
