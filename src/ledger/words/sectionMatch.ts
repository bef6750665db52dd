// Which lead group (专项小组) and which domain a section heading of a ledger sheet stands for.
// Headings name a group's field, not the group: 二、民主法制领域改革 is the section of
// 民主法制领域改革专项小组. A match must be unambiguous; a guess between two groups is null.
import type { Domain } from '../../domain/types.ts';
import { squeeze } from './normalize.ts';
import { domainOfLabel } from './sectionDomain.ts';
import { sectionHeading } from './sectionHeading.ts';

export interface GroupRef {
  code: string;
  name: string;
  domain: Domain | null;
}

export interface SectionMatch {
  group: GroupRef | null;
  domain: Domain | null;
}

// Stripped in this order from group names and labels alike, so that both come down to the
// field's own words: 民主法制领域改革专项小组 and 民主法制领域改革 are both 民主法制.
const GROUP_SUFFIX = /(?:专项小组|专项组|小组|group)$/;
const FIELD_SUFFIX = /(?:领域改革|改革|领域|reforms?|field)$/;
// Containment needs a core of two characters at least: 经 is in every 经济… name.
const MIN_CONTAINED_LENGTH = 2;

/**
 * The group and domain of a section label. A whole heading (一、…改革（3个方案8项）) is
 * accepted too: its ordinal and declared counts are dropped first.
 */
export function matchSection(label: string, groups: readonly GroupRef[]): SectionMatch {
  const bare = sectionHeading(label)?.label ?? label;
  return { group: matchGroup(bare, groups), domain: domainOfLabel(bare) };
}

/**
 * Exact matches first (same core, or the label is the group's code); only when there is none,
 * containment (经济体制 in 经济体制和生态文明体制). One candidate wins, two are ambiguous.
 */
function matchGroup(label: string, groups: readonly GroupRef[]): GroupRef | null {
  const labelKey = squeeze(label);
  const labelCore = coreOf(label);
  if (labelKey === '') return null;
  const exact = groups.filter(
    (group) => squeeze(group.code) === labelKey || (labelCore !== '' && coreOf(group.name) === labelCore),
  );
  if (exact.length > 0) return only(exact);
  if (Array.from(labelCore).length < MIN_CONTAINED_LENGTH) return null;
  const containing = groups.filter((group) => {
    const groupCore = coreOf(group.name);
    if (Array.from(groupCore).length < MIN_CONTAINED_LENGTH) return false;
    return groupCore.includes(labelCore) || labelCore.includes(groupCore);
  });
  return only(containing);
}

function coreOf(name: string): string {
  return squeeze(name).replace(GROUP_SUFFIX, '').replace(FIELD_SUFFIX, '');
}

function only(groups: readonly GroupRef[]): GroupRef | null {
  return groups.length === 1 ? groups[0]! : null;
}
