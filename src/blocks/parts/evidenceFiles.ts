// Evidence files as people read them (README "Evidence files"): the name, escaped and cut, linked
// to the file's permalink in Slack; a list kept within a character budget, then "…and n more".
import { isSafePermalink } from '../../domain/evidenceFiles.ts';
import type { Translate } from '../../i18n/index.ts';
import { escapeClip } from './text.ts';

/** Characters of a file name shown (names may run to 255). */
const FILE_NAME_SHOWN_MAX = 80;

export interface ShownFile {
  name: string;
  permalink: string;
}

/** `<permalink|name>`; the bare name when the link could not be written safely (never kept so). */
export function evidenceFileLink(file: ShownFile, nameMax = FILE_NAME_SHOWN_MAX): string {
  const name = escapeClip(file.name, nameMax);
  return isSafePermalink(file.permalink) ? `<${file.permalink}|${name}>` : name;
}

const length = (text: string) => Array.from(text).length;

/**
 * One line per file (`describe` writes it), as many as fit in `budget` characters, then one
 * "…and n more" line for the rest (`total` counts files not passed in, too).
 */
export function evidenceFileLines<F extends ShownFile>(
  t: Translate,
  files: readonly F[],
  options: { budget: number; total?: number; describe: (file: F) => string },
): string[] {
  const total = Math.max(options.total ?? files.length, files.length);
  const lines: string[] = [];
  // Room for the "more" line, which is short (under 60 characters in either language).
  let used = 60;
  for (const file of files) {
    const line = options.describe(file);
    if (used + length(line) + 1 > options.budget) break;
    lines.push(line);
    used += length(line) + 1;
  }
  if (total > lines.length) lines.push(t('evidence.more', { count: total - lines.length }));
  return lines;
}
