// Structured logs: JSON lines, pretty on a terminal. Secrets are redacted wherever they appear as
// fields, in a line or a child logger's bindings (logRedact.ts); callers never log raw tokens.
// Every line written while a Slack request or a scheduled job is handled carries its requestId or
// jobId (see logContext.ts).
import { type Logger as PinoLogger, pino } from 'pino';
import { logFieldsForLine } from './logContext.ts';
import { redactSecrets } from './logRedact.ts';

export type Logger = PinoLogger;

export interface LogOptions {
  level: string;
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

function rootLogger(options: LogOptions): Logger {
  const base = {
    level: options.level,
    formatters: { log: redactSecrets, bindings: redactSecrets },
    mixin: logFieldsForLine,
  };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  if (options.pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:standard' } },
    });
  }
  return pino(base, pino.destination(2));
}

export function createLogger(options: LogOptions): Logger {
  const logger = rootLogger(options);
  // pino applies `formatters.bindings` to the root's bindings only; a child's go through here.
  // Children are made with Object.create(parent), so theirs inherit this `child` too.
  const child = logger.child;
  logger.child = function redactedChild(this: Logger, bindings, childOptions) {
    return child.call(this, redactSecrets(bindings), childOptions);
  } as Logger['child'];
  return logger;
}
