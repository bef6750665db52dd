// What kind of answer a click or `/reform update` got. Interim: only a "being saved" note rather
// than a result. Failure: the bot's "something went wrong" (a person told so may click again even
// though the change was applied).
//
// Issue 10 lets the bot acknowledge a write it could not finish in time, tell the person it is
// being saved, and tell them the result later: the run must not count that first note as the
// person being told. Such notes are the `cmd.*` catalog messages whose key says so (saving,
// beingSaved, queued); their texts in both languages, with any parameter as a wildcard, become
// patterns. Today there are none, and every answer is a result.
import { allKeys, type MessageKey, t } from '../src/i18n/index.ts';

const INTERIM_KEY = /^cmd\..*(saving|beingSaved|queued)/i;
const HOLE = '\u0001';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function patternsOf(key: string): RegExp[] {
  return (['en', 'zh-CN'] as const).map((locale) => {
    const params = new Proxy({}, { get: () => HOLE });
    const text = (t as (locale: string, key: MessageKey, params: unknown) => string)(locale, key as MessageKey, params);
    return new RegExp(text.split(HOLE).map(escapeRegExp).join('[\\s\\S]*'));
  });
}

/** True for an answer that says the change is still being saved (not yet its outcome). */
export function interimAnswerMatcher(): (text: string) => boolean {
  const patterns = allKeys('en')
    .filter((key) => INTERIM_KEY.test(key))
    .flatMap(patternsOf);
  return (text) => patterns.some((p) => p.test(text));
}

/** True for the bot's generic failure answer, in either language. */
export function failureAnswerMatcher(): (text: string) => boolean {
  const texts = new Set((['en', 'zh-CN'] as const).map((locale) => t(locale, 'cmd.error.failed')));
  return (text) => texts.has(text);
}
