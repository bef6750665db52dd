import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.ts';
import { LOG_CENSOR, redactSecrets, redactText, safeLogText, summarizePayloads } from '../src/logRedact.ts';

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

  it("never changes the caller's object, and passes a line without secrets on as it is", () => {
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
    const log = createLogger({
      level: 'info',
      destination: new Writable({
        write: (c, _e, cb) => {
          lines.push(String(c));
          cb();
        },
      }),
    });
    log.child({ settings: { appToken: 'xapp-1-secret' } }).info({ token: 'xoxb-secret' }, 'hello');
    log.child({ component: 'outbox' }).child({ botToken: 'xoxb-grandchild-secret' }).info('grandchild');
    expect(lines).toHaveLength(2);
    expect(lines[1]).not.toContain('secret');
    expect(lines[0]).not.toContain('secret');
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      settings: { appToken: LOG_CENSOR },
      token: LOG_CENSOR,
      msg: 'hello',
    });
  });
});

describe('redactText and summarizePayloads', () => {
  it('redacts Slack tokens, response_urls and secret-named values in text, JSON, escaped JSON and form bodies', () => {
    const text = [
      'Bearer xoxb-1-2-abc xapp-1-A-2-def',
      'https://hooks.slack.com/commands/T1/2/abc)',
      '"response_url":"http://127.0.0.1:5/response/x"',
      'token=abc&user=U1',
      '\\"token\\":\\"zzz\\"',
    ].join(' ');
    expect(redactText(text)).toBe(
      'Bearer [redacted] [redacted] [redacted]) "response_url":"[redacted]" token=[redacted]&user=U1 \\"token\\":\\"[redacted]\\"',
    );
  });

  it('replaces each JSON object by its kind and id, braces inside strings included, and a cut-off one entirely', () => {
    const envelope = JSON.stringify({
      envelope_id: 'e1',
      type: 'slash_commands',
      payload: { command: '/reform', text: 'a } " {', response_url: 'x' },
    });
    expect(summarizePayloads(`got: ${envelope} then {"text":"hi"} [OPEN]`)).toBe(
      `got: [payload type=slash_commands envelope_id=e1 command=/reform ${envelope.length} chars] then [payload 13 chars] [OPEN]`,
    );
    expect(summarizePayloads('cut: {"text":"secret wo')).toBe('cut: [payload omitted, 18 chars]');
    expect(safeLogText('a {"response_url":"https://hooks.slack.com/x"} xoxb-1-2')).toBe(
      'a [payload 44 chars] [redacted]',
    );
  });
});
