// POSTs an answer to a response_url, as Bolt's respond() does, without a Slack client: the
// response_url is the credential, so a read worker holds no token. node:http(s) with
// keep-alive rather than fetch: fetch cost about 0.7 ms of CPU per answer, most of the worker's
// time after the ledger queries.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SlackMessage } from '../blocks/parts/index.ts';
import { ephemeralBody, type ResponseBody } from './respond.ts';

/** Slack keeps a response_url for 30 minutes; an answer that hangs this long is not coming. */
const POST_TIMEOUT_MS = 10_000;
const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

function readAll(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      // Slack answers "ok" or a short error; keep enough to report it.
      if (body.length < 1000) body += chunk;
    });
    response.on('end', () => resolve(body));
    response.on('error', reject);
  });
}

export function postEphemeral(responseUrl: string, message: SlackMessage): Promise<void> {
  return postResponseBody(responseUrl, ephemeralBody(message));
}

/** Any answer to a response_url (an AnswerTarget's respond when Bolt's is not at hand). */
export function postResponseBody(responseUrl: string, body: ResponseBody): Promise<void> {
  let url: URL;
  try {
    url = new URL(responseUrl);
  } catch (error) {
    return Promise.reject(error);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return Promise.reject(new Error(`response_url is not http(s): ${url.protocol}`));
  const payload = Buffer.from(JSON.stringify(body));
  const secure = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (secure ? httpsRequest : httpRequest)(
      url,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length },
        timeout: POST_TIMEOUT_MS,
      },
      (response) => {
        readAll(response).then((body) => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve();
          else reject(new Error(`response_url answered ${status}: ${body.slice(0, 200)}`));
        }, reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`response_url did not answer within ${POST_TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(payload);
  });
}
