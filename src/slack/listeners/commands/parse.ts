// Reads the text after `/reform` into one subcommand. Pure, so every form people type (English
// or Chinese words, full-width ＃, `P1 #3`, "not started" in two words) is unit-tested.

import type { StatsCut } from '../../../blocks/commands/stats.ts';
import { readDueDateWord } from '../../../domain/extensions.ts';
import { type ItemRef, parseItemRef } from '../../../domain/itemRef.ts';
import { NOTE_MAX, noteLength } from '../../../domain/notes.ts';
import { parseStatusWord } from '../../../domain/statusWords.ts';
import type { Status } from '../../../domain/types.ts';

export type ParseError =
  | { key: 'needRef' }
  | { key: 'badRef'; text: string }
  | { key: 'badStatus'; word: string }
  | { key: 'noteTooLong'; length: number; max: number }
  | { key: 'needPlan' }
  | { key: 'needRound' }
  | { key: 'badCut'; word: string }
  | { key: 'extra'; subcommand: Subcommand }
  | { key: 'extendUsage'; missing: 'ref' | 'reason' }
  | { key: 'badExtendDate'; text: string };

export type ReformCommand =
  | { kind: 'help'; unknown?: string }
  | { kind: 'item'; ref: ItemRef }
  | { kind: 'update'; ref: ItemRef; status: Status; note?: string }
  | { kind: 'updateModal'; ref?: ItemRef }
  | { kind: 'plan'; planCode: string; page: number }
  | { kind: 'mine' }
  | { kind: 'stats'; cut: StatsCut }
  | { kind: 'central' }
  | { kind: 'round'; roundId: number; planCode: string }
  | { kind: 'extend'; ref: ItemRef; toDueOn: string; reason: string }
  | { kind: 'extendModal'; ref: ItemRef }
  | { kind: 'error'; error: ParseError };

type Subcommand = 'help' | 'item' | 'update' | 'plan' | 'mine' | 'stats' | 'central' | 'round' | 'extend';

/** Subcommand words, English and Chinese (documented in `/reform help`). */
const SUBCOMMAND_WORDS: Record<string, Subcommand> = {
  help: 'help',
  '?': 'help',
  帮助: 'help',
  item: 'item',
  事项: 'item',
  update: 'update',
  更新: 'update',
  plan: 'plan',
  方案: 'plan',
  mine: 'mine',
  我的: 'mine',
  stats: 'stats',
  统计: 'stats',
  central: 'central',
  中央方案: 'central',
  round: 'round',
  督察: 'round',
  extend: 'extend',
  延期: 'extend',
};

const CUT_WORDS: Record<string, StatsCut> = {
  domain: 'domain',
  domains: 'domain',
  领域: 'domain',
  group: 'group',
  groups: 'group',
  小组: 'group',
};

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/** An item reference at token i, also when typed with spaces around `#` (`P1 #3`, `P1 # 3`). */
function readRef(text: string, tokens: Token[], i: number): { ref: ItemRef; next: number } | undefined {
  const first = tokens[i];
  if (!first) return undefined;
  for (let k = 0; k < 3 && i + k < tokens.length; k++) {
    const ref = parseItemRef(text.slice(first.start, (tokens[i + k] as Token).end));
    if (ref) return { ref, next: i + k + 1 };
  }
  return undefined;
}

/** A status word at token i; "not started" / "Not Started" may be two words. */
function readStatus(tokens: Token[], i: number): { status: Status; next: number } | undefined {
  const a = tokens[i]?.text;
  const b = tokens[i + 1]?.text;
  if (a !== undefined && b !== undefined) {
    const two = parseStatusWord(`${a}_${b}`);
    if (two) return { status: two, next: i + 2 };
  }
  const one = a === undefined ? undefined : parseStatusWord(a);
  return one ? { status: one, next: i + 1 } : undefined;
}

const error = (e: ParseError): ReformCommand => ({ kind: 'error', error: e });

export function parseReformCommand(input: string): ReformCommand {
  const text = input.trim();
  const tokens = tokenize(text);
  const word = tokens[0]?.text;
  if (word === undefined) return { kind: 'help' };
  const sub = SUBCOMMAND_WORDS[word.toLowerCase()];
  if (!sub) return { kind: 'help', unknown: word };
  const extra = (i: number) => (tokens.length > i ? error({ key: 'extra', subcommand: sub }) : undefined);

  switch (sub) {
    case 'help':
      return { kind: 'help' };
    case 'mine':
      return extra(1) ?? { kind: 'mine' };
    case 'central':
      return extra(1) ?? { kind: 'central' };
    case 'round': {
      const roundWord = tokens[1]?.text.replace(/^#/, '');
      const planCode = tokens[2]?.text;
      if (roundWord === undefined || !/^\d{1,9}$/.test(roundWord) || planCode === undefined)
        return error({ key: 'needRound' });
      return extra(3) ?? { kind: 'round', roundId: Number(roundWord), planCode };
    }
    case 'stats': {
      const cutWord = tokens[1]?.text;
      if (cutWord === undefined) return { kind: 'stats', cut: 'domain' };
      const cut = CUT_WORDS[cutWord.toLowerCase()];
      if (!cut) return error({ key: 'badCut', word: cutWord });
      return extra(2) ?? { kind: 'stats', cut };
    }
    case 'plan': {
      const code = tokens[1]?.text;
      if (code === undefined) return error({ key: 'needPlan' });
      const pageWord = tokens[2]?.text;
      if (pageWord !== undefined && !/^\d{1,4}$/.test(pageWord)) return error({ key: 'extra', subcommand: 'plan' });
      return (
        extra(3) ?? {
          kind: 'plan',
          planCode: code,
          page: pageWord === undefined ? 0 : Math.max(0, Number(pageWord) - 1),
        }
      );
    }
    case 'item': {
      if (tokens.length < 2) return error({ key: 'needRef' });
      const read = readRef(text, tokens, 1);
      if (!read) return error({ key: 'badRef', text: (tokens[1] as Token).text });
      return extra(read.next) ?? { kind: 'item', ref: read.ref };
    }
    case 'update': {
      if (tokens.length < 2) return { kind: 'updateModal' };
      const read = readRef(text, tokens, 1);
      if (!read) return error({ key: 'badRef', text: (tokens[1] as Token).text });
      if (read.next >= tokens.length) return { kind: 'updateModal', ref: read.ref };
      const status = readStatus(tokens, read.next);
      if (!status) return error({ key: 'badStatus', word: (tokens[read.next] as Token).text });
      const rest = tokens[status.next];
      const note = rest ? text.slice(rest.start).trim() : undefined;
      // Refused, not cut, as in the form: the ledger keeps what was written or nothing.
      if (note && noteLength(note) > NOTE_MAX)
        return error({ key: 'noteTooLong', length: noteLength(note), max: NOTE_MAX });
      return { kind: 'update', ref: read.ref, status: status.status, ...(note ? { note } : {}) };
    }
    case 'extend': {
      // `/reform extend P1#3 2017-03-31 reason…`: the reason is the rest of the line, as typed.
      if (tokens.length < 2) return error({ key: 'extendUsage', missing: 'ref' });
      const read = readRef(text, tokens, 1);
      if (!read) return error({ key: 'badRef', text: (tokens[1] as Token).text });
      const dateToken = tokens[read.next];
      // `/reform extend P1#3` alone opens the form, as the card's button does.
      if (!dateToken) return { kind: 'extendModal', ref: read.ref };
      const toDueOn = readDueDateWord(dateToken.text);
      if (!toDueOn) return error({ key: 'badExtendDate', text: dateToken.text });
      const rest = tokens[read.next + 1];
      if (!rest) return error({ key: 'extendUsage', missing: 'reason' });
      return { kind: 'extend', ref: read.ref, toDueOn, reason: text.slice(rest.start).trim() };
    }
  }
}

/** The subcommands that only read: answered by a read worker when the bot has them. */
export type ReadOnlyCommand = Extract<ReformCommand, { kind: 'help' | 'item' | 'plan' | 'mine' | 'stats' | 'error' }>;
