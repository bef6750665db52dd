// The /reform catalogue's text in both languages.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/types.ts';

describe('catalogue text', () => {
  it('has no raw < or > in any /reform string (Slack would read them as markup)', async () => {
    const { slackCommandsCatalog } = await import('../../../src/i18n/catalog/slackCommands.ts');
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(slackCommandsCatalog[locale])) {
        const text =
          typeof message === 'function'
            ? (message as (p: unknown) => string)(new Proxy({}, { get: () => 'x' }))
            : message;
        expect(text, key).not.toMatch(/[<>]/);
      }
    }
  });
});
