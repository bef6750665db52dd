// A placeholder or malformed Slack token is refused when the settings are read, one line naming
// the variable and what is wrong; it used to reach the HTTP client and be retried as an
// unreachable Slack for a minute and a half.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.ts';
import { cli } from './support/cli.ts';
import { configProblems as problems } from './support/configProblems.ts';
import { tempDir } from './support/db.ts';

describe('Slack token settings', () => {
  it('refuses the README placeholder, naming it', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-…' })).toEqual([
      "SLACK_BOT_TOKEN: is the README's placeholder (xoxb-…): paste the real token from the app's settings (OAuth & Permissions → Bot User OAuth Token)",
    ]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-...' })).toHaveLength(1);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-…' })).toEqual([
      "SLACK_APP_TOKEN: is the README's placeholder (xapp-…): paste the real token from the app's settings (Basic Information → App-Level Tokens)",
    ]);
  });

  it('refuses spaces, non-ASCII and other characters with one line each, never echoing the token', () => {
    const cases: [string, RegExp][] = [
      ['xoxb-1234 5678-abc', /^SLACK_BOT_TOKEN: contains a space/],
      ['xoxb-1234-5678-ab\u201Cc', /^SLACK_BOT_TOKEN: contains a non-ASCII character \(U\+201C\)/],
      ['xoxb-１２３４', /^SLACK_BOT_TOKEN: contains a non-ASCII character \(U\+FF11\)/],
      ['xoxb-1234.5678', /^SLACK_BOT_TOKEN: may hold only letters, digits and dashes after xoxb-$/],
      ['xoxb-', /^SLACK_BOT_TOKEN: has nothing after xoxb-/],
      ['xapp-1-A0/B', /^SLACK_BOT_TOKEN: must be a bot token starting with xoxb-$/],
    ];
    for (const [token, expected] of cases) {
      const lines = problems({ SLACK_BOT_TOKEN: token });
      expect(lines, token).toHaveLength(1);
      expect(lines[0], token).toMatch(expected);
      if (token !== 'xoxb-') expect(lines[0], token).not.toContain(token);
    }
    expect(problems({ SLACK_APP_TOKEN: 'xoxb-1-2-3' })).toEqual([
      'SLACK_APP_TOKEN: must be an app-level token starting with xapp-',
    ]);
    expect(problems({ SLACK_APP_TOKEN: 'xapp-1 A0' })).toEqual([
      'SLACK_APP_TOKEN: contains a space: copy the token again, in one piece',
    ]);
  });

  it("accepts Slack's shapes, the tests' stand-in tokens among them, and surrounding spaces", () => {
    const bots = [
      'xoxb-test',
      'xoxb-1',
      'xoxb-bench',
      'xoxb-process-test',
      'xoxb-1234-5678-SECRETbotTokenSocket',
      'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx',
    ];
    for (const token of bots) expect(parseConfig({ SLACK_BOT_TOKEN: token }).SLACK_BOT_TOKEN, token).toBe(token);
    const apps = ['xapp-secret', 'xapp-1-A0REFORM-socket-test', 'xapp-1-A0123ABCDEF-1234567890123-0123456789abcdef'];
    for (const token of apps) expect(parseConfig({ SLACK_APP_TOKEN: token }).SLACK_APP_TOKEN, token).toBe(token);
    expect(parseConfig({ SLACK_BOT_TOKEN: '  xoxb-test\n' }).SLACK_BOT_TOKEN).toBe('xoxb-test');
  });

  it('`start` with the placeholder stops at once with that one line', async () => {
    const saved = process.env.SLACK_BOT_TOKEN;
    process.env.SLACK_BOT_TOKEN = 'xoxb-…';
    try {
      const started = performance.now();
      const result = await cli(['start'], { DATABASE_PATH: join(tempDir(), 'start.db') });
      expect(result.code).toBe(2);
      expect(result.err).toBe(
        "SLACK_BOT_TOKEN: is the README's placeholder (xoxb-…): paste the real token from the app's settings (OAuth & Permissions → Bot User OAuth Token)",
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      if (saved === undefined) delete process.env.SLACK_BOT_TOKEN;
      else process.env.SLACK_BOT_TOKEN = saved;
    }
  });
});
