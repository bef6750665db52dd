import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { type LocaleClient, LOCALE_TTL_MS, localeFor } from '../../src/slack/locale.ts';

function setup(fallback: 'en' | 'zh-CN' = 'zh-CN') {
  let now = new Date('2026-03-02T01:00:00Z');
  const deps = {
    db: openDatabase(':memory:'),
    config: parseConfig({ REFORM_LOCALE: fallback }),
    log: createLogger({ level: 'silent' }),
    now: () => now,
  };
  const calls: string[] = [];
  let answer: () => Promise<{ user?: { locale?: string } }> = async () => ({ user: { locale: 'en-US' } });
  const client: LocaleClient = {
    users: {
      info: async (args) => {
        calls.push(`${args.user}:${args.include_locale}`);
        return answer();
      },
    },
  };
  return {
    deps,
    client,
    calls,
    answer: (fn: typeof answer) => {
      answer = fn;
    },
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
  };
}

describe('localeFor', () => {
  it('asks Slack with include_locale, then serves from the cache until the TTL passes', async () => {
    const s = setup();
    expect(await localeFor(s.client, s.deps, 'U1')).toBe('en');
    expect(await localeFor(s.client, s.deps, 'U1')).toBe('en');
    expect(s.calls).toEqual(['U1:true']);
    s.answer(async () => ({ user: { locale: 'zh-CN' } }));
    s.advance(LOCALE_TTL_MS - 1);
    expect(await localeFor(s.client, s.deps, 'U1')).toBe('en');
    s.advance(2);
    expect(await localeFor(s.client, s.deps, 'U1')).toBe('zh-CN');
    expect(s.calls).toHaveLength(2);
  });

  it('falls back to REFORM_LOCALE for locales the bot does not speak and when Slack says nothing', async () => {
    const s = setup('en');
    s.answer(async () => ({ user: { locale: 'fr-FR' } }));
    expect(await localeFor(s.client, s.deps, 'U2')).toBe('en');
    s.answer(async () => ({ user: {} }));
    expect(await localeFor(s.client, s.deps, 'U3')).toBe('en');
  });

  it('uses the stale cached locale, else the default, when users.info fails', async () => {
    const s = setup('zh-CN');
    s.answer(async () => {
      throw new Error('ratelimited');
    });
    expect(await localeFor(s.client, s.deps, 'U4')).toBe('zh-CN');
    s.answer(async () => ({ user: { locale: 'en-GB' } }));
    expect(await localeFor(s.client, s.deps, 'U4')).toBe('en');
    s.advance(LOCALE_TTL_MS * 2);
    s.answer(async () => {
      throw new Error('down');
    });
    expect(await localeFor(s.client, s.deps, 'U4')).toBe('en');
  });
});
