import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { LOG_CENSOR, redactSecrets } from '../src/logRedact.ts';

describe('redactSecrets', () => {
  it('replaces secrets at the top, one and two levels down', () => {
    const line = {
      SLACK_BOT_TOKEN: 'xoxb-1',
      config: { SLACK_SIGNING_SECRET: 'shh', PORT: 3000 },
      req: { headers: { authorization: 'Bearer xoxb-2', 'content-type': 'json' } },
    };
    expect(redactSecrets(line)).toEqual({
      SLACK_BOT_TOKEN: LOG_CENSOR,
      config: { SLACK_SIGNING_SECRET: LOG_CENSOR, PORT: 3000 },
      req: { headers: { authorization: LOG_CENSOR, 'content-type': 'json' } },
    });
  });

  it('never changes the caller\'s object, and passes a line without secrets on as it is', () => {
    const line = { settings: { botToken: 'xoxb-1' }, userId: 'U1' };
    const redacted = redactSecrets(line);
    expect(line.settings.botToken).toBe('xoxb-1');
    expect(redacted.userId).toBe('U1');
    const clean = { userId: 'U1', nested: { a: { b: 1 } } };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('leaves absent values alone, and does not walk into class instances or below two levels', () => {
    const error = Object.assign(new Error('x'), { token: 'kept: not a plain object' });
    const line = { token: undefined, err: error, a: { b: { c: { token: 'deep' } } } };
    expect(redactSecrets(line)).toBe(line);
  });
});

describe('the logger', () => {
  it('redacts the bindings of a child logger too', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'info', destination: new Writable({ write: (c, _e, cb) => (lines.push(String(c)), cb()) }) });
    log.child({ settings: { appToken: 'xapp-1-secret' } }).info({ token: 'xoxb-secret' }, 'hello');
    log.child({ component: 'outbox' }).child({ botToken: 'xoxb-grandchild-secret' }).info('grandchild');
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('secret');
    expect(lines[0]).not.toContain('secret');
    expect(JSON.parse(lines[0] as string)).toMatchObject({ settings: { appToken: LOG_CENSOR }, token: LOG_CENSOR, msg: 'hello' });
  });
});
