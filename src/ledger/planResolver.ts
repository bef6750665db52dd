// A plan's own values, decided once at its first row: its identity (方案编号 when the file has
// one, else its title), its special group and its domain. Offices rarely keep a group or domain
// column, so each comes from the first of: the row's column, the section row above the plan
// (二、民主法制领域改革), the group's default domain in the org file. A plan none of these
// gives is refused, naming the plan and what to add. Later rows of a plan must agree with it.
import type { Domain } from '../domain/types.ts';
import { domainFromWord } from './columns.ts';
import type { Defect } from './defects.ts';
import { detached } from './detached.ts';
import type { LedgerContext } from './ledgerContext.ts';
import { squeeze } from './words/normalize.ts';
import { type GroupRef, matchSection, type SectionMatch } from './words/sectionMatch.ts';

export interface PlanValues {
  key: string;
  /** The title at the plan's first row: one string for all its rows. */
  title: string;
  firstLine: number;
  group: string | null;
  domain: Domain | null;
}

/** The group a 牵头专项小组 cell names: by code, by name, or by the words of its name. */
function groupFromCell(text: string, groups: readonly GroupRef[]): GroupRef | undefined {
  const key = squeeze(text);
  return (
    groups.find((g) => squeeze(g.code) === key) ??
    groups.find((g) => squeeze(g.name) === key) ??
    matchSection(text, groups).group ??
    undefined
  );
}

export class PlanResolver {
  private readonly plans = new Map<string, PlanValues>();

  constructor(private readonly context: LedgerContext) {}

  get(key: string): PlanValues | undefined {
    return this.plans.get(key);
  }

  /**
   * The plan's values at its first row. `groupText` / `domainText` are the row's cells ('' when
   * empty or the file has no such column); an unknown domain word was reported by the caller.
   */
  start(
    key: string,
    title: string,
    line: number,
    groupText: string,
    domainText: string,
    section: SectionMatch | null,
    defects: Defect[],
  ): PlanValues {
    let group: string | null = null;
    let groupRef: GroupRef | undefined;
    if (groupText !== '') {
      groupRef = groupFromCell(groupText, this.context.groups);
      // A group the org file does not know is created under the name the ledger gives it.
      group = groupRef?.code ?? groupText;
    } else if (section?.group) {
      groupRef = section.group;
      group = groupRef.code;
    }
    const domain: Domain | null =
      (domainText !== '' ? (domainFromWord(domainText) ?? null) : null) ?? section?.domain ?? groupRef?.domain ?? null;
    if (group === null) defects.push({ line, column: 'lead_group', code: 'noGroup', plan: key });
    if (domain === null && domainText === '')
      defects.push({ line, column: 'domain', code: 'noDomain', plan: key, group });
    const plan: PlanValues = {
      key: detached(key),
      title: key === title ? '' : detached(title),
      firstLine: line,
      group,
      domain,
    };
    if (plan.title === '') plan.title = plan.key;
    this.plans.set(key, plan);
    return plan;
  }
}
