// All user-visible text. Each area of the app keeps its own catalogue file under catalog/;
// this merges them into one typed `t`.
import type { Locale } from '../domain/types.ts';
import { cliCatalog } from './catalog/cli.ts';
import { commonCatalog } from './catalog/common.ts';
import { evidenceCatalog } from './catalog/evidence.ts';
import { extensionsCatalog } from './catalog/extensions.ts';
import { followupsCatalog } from './catalog/followups.ts';
import { housekeepingCatalog } from './catalog/housekeeping.ts';
import { jobsCatalog } from './catalog/jobs.ts';
import { ledgerCatalog } from './catalog/ledger.ts';
import { ledgerCliCatalog } from './catalog/ledgerCli.ts';
import { ledgerExportCatalog } from './catalog/ledgerExport.ts';
import { ledgerPreviewCatalog } from './catalog/ledgerPreview.ts';
import { ledgerTemplateCatalog } from './catalog/ledgerTemplate.ts';
import { rankingCatalog } from './catalog/ranking.ts';
import { reviewCatalog } from './catalog/review.ts';
import { roundsCatalog } from './catalog/rounds.ts';
import { slackCommandsCatalog } from './catalog/slackCommands.ts';
import { slackHomeCatalog } from './catalog/slackHome.ts';
import { slackModalCatalog } from './catalog/slackModal.ts';
import type { Message } from './define.ts';

const catalogs = [
  commonCatalog,
  cliCatalog,
  ledgerCatalog,
  ledgerCliCatalog,
  ledgerExportCatalog,
  ledgerPreviewCatalog,
  ledgerTemplateCatalog,
  roundsCatalog,
  slackCommandsCatalog,
  slackModalCatalog,
  slackHomeCatalog,
  followupsCatalog,
  jobsCatalog,
  housekeepingCatalog,
  extensionsCatalog,
  evidenceCatalog,
  reviewCatalog,
  rankingCatalog,
] as const;

type Merge<T extends readonly unknown[]> = T extends readonly [infer H, ...infer R]
  ? (H extends { en: infer E } ? E : never) & Merge<R>
  : unknown;
type Messages = Merge<typeof catalogs>;
export type MessageKey = keyof Messages & string;

type Args<K extends MessageKey> = Messages[K] extends (p: infer P) => string ? [params: P] : [];

const merged: Record<Locale, Record<string, Message>> = { en: {}, 'zh-CN': {} };
for (const catalog of catalogs) {
  for (const locale of ['en', 'zh-CN'] as const) {
    for (const [key, message] of Object.entries(catalog[locale])) {
      if (key in merged[locale]) throw new Error(`i18n key defined twice: ${key}`);
      merged[locale][key] = message;
    }
  }
}

export function t<K extends MessageKey>(locale: Locale, key: K, ...args: Args<K>): string {
  const message = merged[locale][key] ?? merged.en[key];
  if (message === undefined) throw new Error(`missing i18n key: ${key}`);
  return typeof message === 'function' ? message(args[0]) : message;
}

export type Translate = <K extends MessageKey>(key: K, ...args: Args<K>) => string;

/** A `t` bound to one locale, for code that renders a whole surface. */
export function translator(locale: Locale): Translate {
  return (key, ...args) => t(locale, key, ...args);
}

/** Every key in every locale; tests render each surface in both and check nothing is missing. */
export function allKeys(locale: Locale): string[] {
  return Object.keys(merged[locale]);
}
