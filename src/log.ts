// Structured logs: JSON lines, pretty on a terminal. Secrets are redacted wherever they appear
// as fields; callers never log raw tokens. Every line written while a Slack request or a
// scheduled job is handled carries its requestId or jobId (see logContext.ts).
import { pino, type Logger as PinoLogger } from 'pino';
import { logFieldsForLine } from './logContext.ts';

export type Logger = PinoLogger;

// Each name at the top level and one level down (`{ config }`, `{ settings }`, `{ req }`).
const SECRET_NAMES = ['token', 'botToken', 'appToken', 'signingSecret', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'];
const REDACT = [
  ...SECRET_NAMES.flatMap((name) => [name, `*.${name}`]),
  ...['authorization', 'Authorization'].flatMap((name) => [`headers.${name}`, `*.headers.${name}`]),
];

export interface LogOptions {
  level: string;
  pretty?: boolean;
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LogOptions): Logger {
  const base = { level: options.level, redact: { paths: REDACT, censor: '[redacted]' }, mixin: logFieldsForLine };
  if (options.destination) return pino(base, options.destination as pino.DestinationStream);
  if (options.pretty) {
    return pino({ ...base, transport: { target: 'pino-pretty', options: { destination: 2, translateTime: 'SYS:standard' } } });
  }
  return pino(base, pino.destination(2));
}
