import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/client.ts';
import { createLogger } from '../../src/log.ts';
import { LOCALE_TTL_MS, type LocaleClient, localeFor } from '../../src/slack/locale.ts';

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

describe('localeFor, quick (within a trigger_id)', () => {
  const never = () => new Promise<never>(() => {});

  it('answers from a fresh cache without asking Slack', async () => {
    const s = setup('zh-CN');
    expect(await localeFor(s.client, s.deps, 'U5')).toBe('en');
    expect(await localeFor(s.client, s.deps, 'U5', { quick: true })).toBe('en');
    expect(s.calls).toHaveLength(1);
  });

  it('answers with a stale cached locale at once, refreshing the cache in the background', async () => {
    const s = setup('zh-CN');
    expect(await localeFor(s.client, s.deps, 'U6')).toBe('en');
    s.advance(LOCALE_TTL_MS + 1);
    let release: (value: { user: { locale: string } }) => void = () => {};
    s.answer(() => new Promise((resolve) => (release = resolve)));
    // users.info has not answered: the stale cached language is used, not the office default.
    expect(await localeFor(s.client, s.deps, 'U6', { quick: true, quickWaitMs: 60_000 })).toBe('en');
    expect(s.calls).toHaveLength(2);
    release({ user: { locale: 'zh-CN' } });
    await new Promise((resolve) => setImmediate(resolve));
    // The background lookup filled the cache: the next click needs no call.
    expect(await localeFor(s.client, s.deps, 'U6')).toBe('zh-CN');
    expect(s.calls).toHaveLength(2);
  });

  it('uses the office default when nothing is cached and users.info does not answer in time', async () => {
    const s = setup('en');
    s.answer(never);
    expect(await localeFor(s.client, s.deps, 'U7', { quick: true, quickWaitMs: 5 })).toBe('en');
    const zh = setup('zh-CN');
    zh.answer(never);
    expect(await localeFor(zh.client, zh.deps, 'U7', { quick: true, quickWaitMs: 5 })).toBe('zh-CN');
  });

  it("uses the person's language when users.info answers within the wait", async () => {
    const s = setup('zh-CN');
    expect(await localeFor(s.client, s.deps, 'U8', { quick: true, quickWaitMs: 60_000 })).toBe('en');
  });

  it('uses the office default when users.info fails and nothing is cached', async () => {
    const s = setup('zh-CN');
    s.answer(async () => {
      throw new Error('user_not_found');
    });
    expect(await localeFor(s.client, s.deps, 'U9', { quick: true, quickWaitMs: 60_000 })).toBe('zh-CN');
  });
});
