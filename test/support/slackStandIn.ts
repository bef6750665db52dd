// A local stand-in for the Slack Web API (and response_url), for end-to-end tests.
// Point Bolt at it with `clientOptions: { slackApiUrl: standIn.url }`. Every request is
// recorded; answers are realistic successes by default (see standInResponses.ts); faults
// can be injected per call or at a seeded random rate (see standInFaults.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Fault, FaultPlan, type FaultRateOptions } from './standInFaults.ts';
import {
  type Args,
  type ConversationRecord,
  defaultResponders,
  type Responder,
  StandInWorld,
  type UserRecord,
} from './standInResponses.ts';
import { BOT_SCOPES } from './workspace.ts';

export type { Fault } from './standInFaults.ts';

export interface RecordedCall {
  /** Web API method (`chat.postMessage`), `response_url`, or `files.upload` for upload_url posts. */
  method: string;
  /** Decoded arguments. Form values stay strings (`'true'`, `'3'`); JSON-encoded fields are parsed. */
  args: Args;
  /** `Date.now()` when the request body had been read. */
  at: number;
  /** Token from `Authorization: Bearer` or from a `token` argument. */
  token: string | undefined;
  /** How the body was encoded. */
  encoding: 'form' | 'json' | 'multipart' | 'none';
  /** The fault answered instead of the normal response (for `delay`, answered normally after it). */
  fault?: Fault;
  /** For `response_url` calls: the id given to `standIn.responseUrl(id)`. */
  responseUrlId?: string;
  /** For `files.upload` (posts to an upload_url): the bytes sent, as Slack's file service gets them. */
  body?: Buffer;
}

export interface StandIn {
  /** Base for `clientOptions.slackApiUrl`: `http://127.0.0.1:<port>/api/`. */
  readonly url: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly calls: readonly RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** The first call of `method` (already recorded or future) that matches; rejects after `timeoutMs`. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** A URL on this server; POSTs to it are recorded as method `response_url` with `responseUrlId: id`. */
  responseUrl(id: string): string;
  setUserLocale(userId: string, locale: 'en-US' | 'zh-CN' | (string & {})): void;
  setUser(userId: string, user: Partial<UserRecord> | 'not_found'): void;
  /** Defaults for unknown channels: public, bot is a member, no members listed. */
  setConversation(channelId: string, conv: Partial<ConversationRecord> | 'not_found'): void;
  /** Replace the answer for `method` (also for methods the stand-in does not know). */
  on(method: string, responder: Responder): void;
  failNext(method: string, n: number, fault: Fault): void;
  setFaultRate(rate: number, faults: readonly Fault[], seed: number, options?: FaultRateOptions): void;
  /** Forget calls, faults, overrides, users and channels. */
  reset(): void;
  close(): Promise<void>;
}

/** Arguments that the web client JSON-encodes inside form bodies. Other strings are left alone. */
const JSON_FIELDS = new Set([
  'blocks',
  'attachments',
  'view',
  'metadata',
  'unfurls',
  'user_auth_blocks',
  'files',
  'options',
  'option_groups',
]);

interface Waiter {
  method: string;
  predicate: (call: RecordedCall) => boolean;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(
  raw: Buffer,
  contentType: string,
): Promise<{ args: Args; encoding: RecordedCall['encoding'] }> {
  let args: Args = {};
  let encoding: RecordedCall['encoding'] = 'none';
  if (raw.length === 0) return { args, encoding };
  if (contentType.includes('application/json')) {
    args = JSON.parse(raw.toString('utf8')) as Args;
    encoding = 'json';
  } else if (contentType.includes('multipart/form-data')) {
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    for (const [key, value] of form.entries()) {
      args[key] = typeof value === 'string' ? value : { filename: value.name, bytes: value.size };
    }
    encoding = 'multipart';
  } else {
    args = Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
    encoding = 'form';
  }
  for (const key of Object.keys(args)) {
    const value = args[key];
    if (JSON_FIELDS.has(key) && typeof value === 'string') {
      try {
        args[key] = JSON.parse(value);
      } catch {
        // leave malformed JSON as sent, so a test can see it
      }
    }
  }
  return { args, encoding };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startSlackStandIn(): Promise<StandIn> {
  let calls: RecordedCall[] = [];
  let waiters: Waiter[] = [];
  const faults = new FaultPlan();
  const overrides = new Map<string, Responder>();
  let world: StandInWorld;

  function record(call: RecordedCall): void {
    calls.push(call);
    const matched = waiters.filter((w) => w.method === call.method && w.predicate(call));
    waiters = waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(call);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const [, area = '', name = ''] = path.split('/');
    if (!['api', 'response', 'upload'].includes(area) || name === '') {
      sendJson(res, 404, { ok: false, error: 'not_found' });
      return;
    }
    // A file's bytes posted raw to its upload_url are not a form: keep them whole.
    const rawUpload = area === 'upload' && !(req.headers['content-type'] ?? '').includes('multipart/form-data');
    const { args, encoding } = rawUpload
      ? { args: {} as Args, encoding: 'none' as const }
      : await parseBody(raw, req.headers['content-type'] ?? '');
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
    const token = auth?.[1] ?? (typeof args.token === 'string' ? args.token : undefined);
    const method = area === 'api' ? decodeURIComponent(name) : area === 'response' ? 'response_url' : 'files.upload';
    if (area === 'upload') {
      const file = args.body ?? args.file;
      args.file_id = name;
      args.bytes = typeof file === 'object' && file !== null ? (file as { bytes: number }).bytes : raw.length;
    }
    const fault = faults.take(method);
    record({
      method,
      args,
      at: Date.now(),
      token,
      encoding,
      ...(fault ? { fault } : {}),
      ...(area === 'response' ? { responseUrlId: decodeURIComponent(name) } : {}),
      ...(rawUpload ? { body: raw } : {}),
    });

    if (fault?.kind === 'delay') await sleep(fault.ms);
    if (fault?.kind === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'http') {
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      res.end(fault.body ?? `HTTP ${fault.status}`);
      return;
    }
    if (fault?.kind === 'ratelimit') {
      sendJson(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(fault.retryAfterSec) });
      return;
    }
    if (fault?.kind === 'slackError') {
      sendJson(res, 200, { ok: false, error: fault.error, ...fault.extra });
      return;
    }
    if (area === 'response') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (area === 'upload') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`OK - ${String(args.bytes)}`);
      return;
    }
    if (token === undefined && method !== 'api.test') {
      sendJson(res, 200, { ok: false, error: 'not_authed' });
      return;
    }
    const responder =
      overrides.get(method) ?? (Object.hasOwn(defaultResponders, method) ? defaultResponders[method] : undefined);
    const body = responder ? await responder(args, world) : { ok: false, error: 'unknown_method' };
    sendJson(res, 200, body, { 'x-oauth-scopes': BOT_SCOPES.join(',') });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'stand_in_failure', detail: String(error) });
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  world = new StandInWorld(origin);

  return {
    url: `${origin}/api/`,
    origin,
    get calls() {
      return calls;
    },
    callsTo: (method) => calls.filter((c) => c.method === method),
    waitFor(method, predicate = () => true, timeoutMs = 2000) {
      const found = calls.find((c) => c.method === method && predicate(c));
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          method,
          predicate,
          resolve: (call) => {
            clearTimeout(timer);
            resolve(call);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          const seen = calls.map((c) => c.method).join(', ') || 'none';
          reject(new Error(`stand-in: no matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    responseUrl: (id) => `${origin}/response/${encodeURIComponent(id)}`,
    setUserLocale: (userId, locale) => world.patchUser(userId, { locale }),
    setUser: (userId, user) => world.patchUser(userId, user),
    setConversation: (channelId, conv) => world.patchConversation(channelId, conv),
    on: (method, responder) => void overrides.set(method, responder),
    failNext: (method, n, fault) => faults.failNext(method, n, fault),
    setFaultRate: (rate, list, seed, options) => faults.setRate(rate, list, seed, options),
    reset() {
      calls = [];
      faults.reset();
      overrides.clear();
      world = new StandInWorld(origin);
    },
    close() {
      for (const w of waiters) w.reject(new Error(`stand-in closed while waiting for ${w.method}`));
      waiters = [];
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** Web API calls and response_url posts the app made (Bolt's own auth.test aside). */
export const sentCalls = (standIn: StandIn): RecordedCall[] => standIn.calls.filter((c) => c.method !== 'auth.test');
