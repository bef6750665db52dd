// A catalogue holds both languages side by side, so a missing translation is a type error.
import type { Locale } from '../domain/types.ts';

// biome-ignore lint/suspicious/noExplicitAny: each message declares its own parameters; with `unknown` no typed message would fit
export type Message = string | ((p: any) => string);
type Translation<M> = M extends string ? string : M;
export type Catalog<E extends Record<string, Message>> = { en: E; 'zh-CN': { [K in keyof E]: Translation<E[K]> } };

export function defineCatalog<const E extends Record<string, Message>>(catalog: Catalog<E>): Catalog<E> {
  return catalog;
}

export function localeFromSlack(slackLocale: string | undefined, fallback: Locale): Locale {
  if (!slackLocale) return fallback;
  const lower = slackLocale.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return fallback;
}
