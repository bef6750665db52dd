// Status words people type, in English or Chinese, as in the ledger.
import type { Status } from './types.ts';

const WORDS: Record<string, Status> = {
  done: 'done',
  started: 'started',
  not_started: 'not_started',
  'not-started': 'not_started',
  notstarted: 'not_started',
  已完成: 'done',
  完成: 'done',
  已启动未完成: 'started',
  已启动: 'started',
  未启动: 'not_started',
};

export function parseStatusWord(word: string): Status | undefined {
  return WORDS[word.trim().toLowerCase()];
}
