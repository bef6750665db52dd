// Departments (责任单位, 牵头单位) as offices list them in one cell:
//   省发展改革委（牵头）、省财政厅、省国土资源厅
//   牵头：省发展改革委；配合：省财政厅，省国土资源厅
// Names are split at 、 ， , ； ; / ／ and line breaks, but never inside parentheses: in
// 省委宣传部（省新闻出版广电局） the part in parentheses is another name of the same office
// (an alias), so the whole text is kept as one name. similarDepartmentNames tells the caller
// that it probably is the office listed elsewhere as 省委宣传部.
import { squeeze } from './normalize.ts';
import { splitOutsideParentheses } from './parentheses.ts';

export { similarDepartmentNames } from './departmentSimilarity.ts';

export interface DepartmentMention {
  name: string;
  role: 'lead' | 'cooperating' | null;
}
type Role = DepartmentMention['role'];

// A clause ends at ； ; or a line break; a label (牵头：) speaks for the names up to there.
const CLAUSE_END = new Set([';', '；', '\n', '\r', '\u2028', '\u2029']);
const NAME_END = new Set(['、', ',', '，', '/', '／']);

const ROLE_WORDS: Readonly<Record<string, Role>> = {
  牵头: 'lead',
  牵头单位: 'lead',
  牵头部门: 'lead',
  配合: 'cooperating',
  配合单位: 'cooperating',
  配合部门: 'cooperating',
  参与: 'cooperating',
  参与单位: 'cooperating',
  // 责任单位： names responsible units without ranking them; it ends a 牵头： label's reach.
  责任单位: null,
  责任部门: null,
};
const WORDS = Object.keys(ROLE_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const LABEL = new RegExp(`^(${WORDS})\\s*[:：]\\s*`);
const ANNOTATION = new RegExp(`\\s*[（(]\\s*(${WORDS})\\s*[)）]$`);

/** The departments a cell names, in order, each once, with the role the cell gives it. */
export function readDepartmentText(text: string): DepartmentMention[] {
  const mentions: DepartmentMention[] = [];
  const seen = new Map<string, DepartmentMention>();
  let labelRole: Role = null;
  let labelPending = false; // a label whose names are still to come
  for (const clause of splitOutsideParentheses(text, (char) => CLAUSE_END.has(char))) {
    // A label on a line of its own (牵头单位：⏎省发展改革委) speaks for the next line.
    if (!labelPending) labelRole = null;
    for (const part of splitOutsideParentheses(clause, (char) => NAME_END.has(char))) {
      let name = part.trim();
      const label = LABEL.exec(name);
      if (label) {
        labelRole = ROLE_WORDS[label[1]!] ?? null;
        labelPending = true;
        name = name.slice(label[0].length);
      }
      const annotation = ANNOTATION.exec(name);
      if (annotation) name = name.slice(0, annotation.index);
      name = tidyName(name);
      if (name === '') continue;
      labelPending = false;
      const role = annotation ? (ROLE_WORDS[annotation[1]!] ?? null) : labelRole;
      const key = squeeze(name);
      const earlier = seen.get(key);
      if (earlier === undefined) {
        const mention = { name, role };
        seen.set(key, mention);
        mentions.push(mention);
      } else if (earlier.role === null) {
        // A name listed twice keeps its first place and the first role given to it.
        earlier.role = role;
      }
    }
  }
  return mentions;
}

/** Trimmed, runs of spaces as one, and no space at all between two Chinese characters. */
function tidyName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(?<=\P{ASCII}) (?=\P{ASCII})/gu, '');
}
