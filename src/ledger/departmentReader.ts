// Reads 责任单位 / 配合单位 cells into department names the office knows: split on the
// separators offices use, `（牵头）` / `（配合）` understood, other names (省发改委) resolved through
// the org file's aliases. Remembers which rows named what, so the import can warn about names
// not in the org file, departments nobody belongs to (their reminders would reach nobody) and
// names close to another's (省发展改革委 beside 发展改革委) with the rows concerned.
import type { LedgerContext } from './ledgerContext.ts';
import { addReportLine, type DepartmentWarning } from './readingReport.ts';
import { readDepartmentText } from './words/departmentText.ts';
import { similarDepartmentNames } from './words/departmentText.ts';

export interface DepartmentCells {
  responsible: string[];
  cooperating: string[];
}

/** Names compared pairwise for similarity only up to this many distinct unknown names. */
const MAX_SIMILARITY_NAMES = 2000;

export class DepartmentReader {
  private readonly used = new Map<string, number[]>(); // own name → lines
  private readonly aliasUses = new Map<string, { name: string; lines: number[] }>();

  constructor(private readonly context: LedgerContext) {}

  private resolve(name: string, line: number): string {
    const own = this.context.aliases.get(name);
    if (own === undefined || own === name) return name;
    let use = this.aliasUses.get(name);
    if (!use) this.aliasUses.set(name, (use = { name: own, lines: [] }));
    addReportLine(use.lines, line);
    return own;
  }

  private note(name: string, line: number): void {
    let lines = this.used.get(name);
    if (!lines) this.used.set(name, (lines = []));
    addReportLine(lines, line);
  }

  /** `responsible` and `cooperating` are the two cells' texts ('' when empty or absent). */
  read(responsible: string, cooperating: string, line: number): DepartmentCells {
    const result: DepartmentCells = { responsible: [], cooperating: [] };
    const add = (list: string[], name: string) => {
      if (!result.responsible.includes(name) && !result.cooperating.includes(name)) list.push(name);
    };
    const lead: string[] = [];
    for (const mention of readDepartmentText(responsible)) {
      const name = this.resolve(mention.name, line);
      this.note(name, line);
      if (mention.role === 'lead') lead.push(name);
      else if (mention.role === 'cooperating') add(result.cooperating, name);
      else add(result.responsible, name);
    }
    // A department marked （牵头） leads: it comes first among those responsible.
    result.responsible = [...lead.filter((n, i) => lead.indexOf(n) === i), ...result.responsible.filter((n) => !lead.includes(n))];
    result.cooperating = result.cooperating.filter((n) => !result.responsible.includes(n));
    for (const mention of readDepartmentText(cooperating)) {
      const name = this.resolve(mention.name, line);
      this.note(name, line);
      add(result.cooperating, name);
    }
    return result;
  }

  warnings(): DepartmentWarning[] {
    const warnings: DepartmentWarning[] = [];
    for (const [alias, use] of this.aliasUses) warnings.push({ kind: 'alias', alias, name: use.name, lines: use.lines });
    const unknown: string[] = [];
    for (const [name, lines] of this.used) {
      const known = this.context.departments.get(name);
      if (!known) {
        warnings.push({ kind: 'unknown', name, lines });
        unknown.push(name);
      } else if (known.members === 0) warnings.push({ kind: 'noMembers', name, lines });
    }
    if (unknown.length <= MAX_SIMILARITY_NAMES) {
      const others = [...new Set([...this.context.departments.keys(), ...this.used.keys()])];
      for (const name of unknown) {
        const other = others.find((o) => o !== name && similarDepartmentNames(name, o));
        if (other) warnings.push({ kind: 'similar', name, other, lines: this.used.get(name) ?? [] });
      }
    }
    return warnings;
  }
}
