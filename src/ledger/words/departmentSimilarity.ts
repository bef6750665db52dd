// Whether two different department names probably name the same office, so that a caller can
// ask "did you mean…" (never merge on its own: the rules below are a hint, see the last one).
//
// Same office (true):
//   - they differ only in spaces, case or full-width forms;
//   - one is the other with the province in front: 省发展改革委 / 发展改革委, 四川省财政厅 /
//     省财政厅 / 财政厅, 省委组织部 / 组织部, 省政府办公厅 / 办公厅. 四川省 is read as 省 first
//     (this bot serves Sichuan), so 四川省财政厅 and 省财政厅 match. The prefixes are never
//     swapped for each other: 省委办公厅 and 省政府办公厅 are two different offices;
//   - one is the other with an alias in parentheses: 省委宣传部（省新闻出版广电局） / 省委宣传部;
//   - one character apart, both at least four characters long: a typo (省发展该革委) or a
//     suffix swap (省财政厅 / 省财政局). This one also pairs real, different offices that
//     differ in one character (省林业厅 / 省农业厅), which is why callers must only ask.
// Suffix swaps 厅/局/委/办 get no rule of their own: on four characters or more the distance
// rule covers them, and on three (财政厅 / 财政局) a swap is too often another office.
import { editDistance } from './editDistance.ts';
import { squeeze } from './normalize.ts';
import { splitParenthesisedTail } from './parentheses.ts';

const PROVINCE_PREFIXES = ['省委', '省政府', '省'];
const MIN_TYPO_LENGTH = 4;

export function similarDepartmentNames(a: string, b: string): boolean {
  if (a === b) return false; // the same name, not two names
  const x = provinceAsShort(squeeze(a));
  const y = provinceAsShort(squeeze(b));
  if (x === y) return true;
  if (withoutPrefix(x) === y || withoutPrefix(y) === x) return true;
  if (withoutAlias(x) === y || withoutAlias(y) === x) return true;
  const shorter = Math.min(Array.from(x).length, Array.from(y).length);
  return shorter >= MIN_TYPO_LENGTH && editDistance(x, y) === 1;
}

function provinceAsShort(name: string): string {
  return name.startsWith('四川省') ? name.slice('四川'.length) : name;
}

function withoutPrefix(name: string): string | undefined {
  const prefix = PROVINCE_PREFIXES.find((p) => name.startsWith(p) && name.length > p.length);
  return prefix === undefined ? undefined : name.slice(prefix.length);
}

function withoutAlias(name: string): string | undefined {
  const { head, tail } = splitParenthesisedTail(name);
  return tail === null ? undefined : head;
}
