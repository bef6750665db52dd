// Every Slack request gets an id that is on every log line written while it is handled (through
// logContext's AsyncLocalStorage and the logger's mixin), and one summary line at info: what it
// was, who sent it, how fast it was acknowledged, how it ended.
//
// `requestId` is ours and random, set from the first byte (in HTTP mode, before the signature is
// checked, so refusals have one too) and never changed. Slack's own id of the request
// (trigger_id, event_id or action_ts) is added as `slackId` once the body is read: a redelivery
// keeps its slackId, so the two deliveries can be found together.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { currentLogFields, type LogFields, newLogId, withLogContext } from '../logContext.ts';

interface RequestState {
  receivedAt: number;
  /** Set when the HTTP response (the ack) was written. */
  ackMs?: number;
  status?: number;
  /** Reached Bolt's middleware (it writes the summary line then). */
  claimed: boolean;
}

const states = new WeakMap<LogFields, RequestState>();

const round = (ms: number) => Math.round(ms * 10) / 10;
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** kind, name, slackId and userId of a Slack envelope (commands, interactions, events). */
function describeRequest(body: Record<string, unknown>): LogFields {
  const event = (body.event ?? {}) as Record<string, unknown>;
  const action = ((body.actions as unknown[] | undefined)?.[0] ?? {}) as Record<string, unknown>;
  const view = (body.view ?? {}) as Record<string, unknown>;
  const user = (body.user ?? {}) as Record<string, unknown>;
  const fields: LogFields = {
    kind: str(body.command) ? 'command' : (str(body.type) ?? 'unknown'),
    name:
      str(body.command) ??
      str(event.type) ??
      str(action.action_id) ??
      str(body.action_id) ??
      str(view.callback_id) ??
      str(body.callback_id),
    slackId: str(body.trigger_id) ?? str(body.event_id) ?? str(action.action_ts) ?? str(body.action_ts),
    userId: str(body.user_id) ?? str(user.id) ?? str(event.user),
  };
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

function isSlackPath(req: IncomingMessage): boolean {
  return (req.url ?? '').startsWith('/slack/');
}

/**
 * HTTP mode: runs the receiver's request handling inside a log context, and notes when the
 * response went out. A request that never reached Bolt's middleware (a bad signature, a URL
 * check) gets its line here.
 */
export function traceHttpRequests(server: Server, log: Logger): void {
  const handlers = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const fields: LogFields = { requestId: newLogId() };
    const state: RequestState = { receivedAt: performance.now(), claimed: false };
    states.set(fields, state);
    res.once('finish', () => {
      state.ackMs = round(performance.now() - state.receivedAt);
      state.status = res.statusCode;
      if (state.claimed || !isSlackPath(req)) return;
      withLogContext(fields, () => {
        const line = { path: req.url, status: res.statusCode, ackMs: state.ackMs };
        if (res.statusCode >= 400) log.warn(line, 'slack request refused');
        else log.info(line, 'slack request answered by the receiver');
      });
    });
    withLogContext(fields, () => {
      for (const handler of handlers) handler.call(server, req, res);
    });
  });
}

/**
 * Bolt global middleware, registered first: names the request in the log context (creating one
 * in Socket Mode, where no HTTP server wraps it), gives listeners `context.log`, and writes the
 * summary line when the listeners are done.
 */
export function requestLogMiddleware(log: Logger): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const described = describeRequest(body as unknown as Record<string, unknown>);
    const handle = async () => {
      const fields = currentLogFields();
      const state = fields ? states.get(fields) : undefined;
      if (state) state.claimed = true;
      // The context's fields are on every line of this logger already (mixin), so no child bindings.
      context.log = log;
      const started = performance.now();
      let outcome = 'ok';
      try {
        await next();
      } catch (error) {
        outcome = 'error';
        throw error;
      } finally {
        log.info(
          { outcome, ackMs: state?.ackMs, status: state?.status, ms: round(performance.now() - started) },
          'slack request',
        );
      }
    };
    const fields = currentLogFields();
    if (fields && states.has(fields)) {
      Object.assign(fields, described);
      return handle();
    }
    return withLogContext({ requestId: newLogId(), ...described }, handle);
  };
}
