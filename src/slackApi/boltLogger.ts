// Bolt wants its own Logger interface; route it into pino so every line is structured. Lines Bolt
// and its Web API client write while handling a request carry the requestId through the
// logger's mixin (see requestLog.ts); start-up lines carry none.
//
// Bolt, Socket Mode and the Web API client write whole payloads into their debug text (request
// bodies, WebSocket messages, API results): every line goes through safeLogText, which keeps a
// payload's kind and id and drops the rest, and redacts tokens and response_urls (logRedact.ts).
// A line below the logger's level is not even built.
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../log.ts';
import { safeLogText } from '../logRedact.ts';

function text(args: unknown[]): string {
  return safeLogText(
    args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : JSON.stringify(a))).join(' '),
  );
}

export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level = LogLevel.INFO;
  const at =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      if (child.isLevelEnabled(name)) child[name](text(args));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
