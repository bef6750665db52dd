// Reads 责任单位 / 配合单位 cells into department names the office knows: split on the
// separators offices use, `（牵头）` / `（配合）` understood, other names (省发改委) resolved through
// the org file's aliases. Remembers which rows named what, so the import can warn about names
// not in the org file, departments nobody belongs to (their reminders would reach nobody) and
// names close to another's (省发展改革委 beside 发展改革委) with the rows concerned.
import { detached } from './detached.ts';
import type { LedgerContext } from './ledgerContext.ts';
import { addReportLine, type DepartmentWarning } from './readingReport.ts';
import { readDepartmentText, similarDepartmentNames } from './words/departmentText.ts';

export interface DepartmentCells {
  /** Shared between rows with the same cells: read-only. */
  readonly responsible: readonly string[];
  readonly cooperating: readonly string[];
}

/** What a pair of cells says, worked out once per distinct pair of texts. */
interface CellsReading extends DepartmentCells {
  /** Every name read (own names), and the aliases that gave one: noted per row. */
  names: readonly string[];
  aliases: readonly string[];
}

/** Names compared pairwise for similarity only up to this many distinct unknown names. */
const MAX_SIMILARITY_NAMES = 2000;

export class DepartmentReader {
  private readonly used = new Map<string, number[]>(); // own name → lines
  private readonly aliasUses = new Map<string, { name: string; lines: number[] }>();
  // A ledger of 250,000 rows has a few hundred distinct department cells: each is split and
  // resolved once, and rows share the result.
  private readonly readings = new Map<string, CellsReading>();

  constructor(private readonly context: LedgerContext) {}

  private own(name: string): string {
    return this.context.aliases.get(name) ?? name;
  }

  private interpret(responsible: string, cooperating: string): CellsReading {
    const lead: string[] = [];
    const plain: string[] = [];
    const helping: string[] = [];
    const names: string[] = [];
    const aliases: string[] = [];
    const mentions = [
      ...readDepartmentText(responsible),
      ...readDepartmentText(cooperating).map((m) => ({ name: m.name, role: 'cooperating' as const })),
    ];
    for (const mention of mentions) {
      const name = detached(this.own(mention.name));
      if (name !== mention.name && !aliases.includes(mention.name)) aliases.push(detached(mention.name));
      if (!names.includes(name)) names.push(name);
      const list = mention.role === 'lead' ? lead : mention.role === 'cooperating' ? helping : plain;
      if (!list.includes(name)) list.push(name);
    }
    // A department marked （牵头） leads: it comes first among those responsible.
    const responsibleNames = [...lead, ...plain.filter((n) => !lead.includes(n))];
    return {
      responsible: responsibleNames,
      cooperating: helping.filter((n) => !responsibleNames.includes(n)),
      names,
      aliases,
    };
  }

  /** `responsible` and `cooperating` are the two cells' texts ('' when empty or absent). */
  read(responsible: string, cooperating: string, line: number): DepartmentCells {
    const key = `${responsible}\u0001${cooperating}`;
    let reading = this.readings.get(key);
    if (!reading) {
      reading = this.interpret(responsible, cooperating);
      this.readings.set(key, reading);
    }
    for (const name of reading.names) {
      let lines = this.used.get(name);
      if (!lines) {
        lines = [];
        this.used.set(name, lines);
      }
      addReportLine(lines, line);
    }
    for (const alias of reading.aliases) {
      let use = this.aliasUses.get(alias);
      if (!use) {
        use = { name: this.own(alias), lines: [] };
        this.aliasUses.set(alias, use);
      }
      addReportLine(use.lines, line);
    }
    return reading;
  }

  warnings(): DepartmentWarning[] {
    const warnings: DepartmentWarning[] = [];
    for (const [alias, use] of this.aliasUses)
      warnings.push({ kind: 'alias', alias, name: use.name, lines: use.lines });
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
