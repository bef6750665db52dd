// The reform field (Domain) a section label names by its words: 经济 → economic, 民主法制 →
// political, … A label naming two fields (经济体制和生态文明体制改革, one group's section for
// both) names no single domain: the caller falls back to the group's own.
import type { Domain } from '../../domain/types.ts';
import { squeeze } from './normalize.ts';

// Squeezed forms (lower case, no spaces). Longer words first only for readability: a label
// counts a domain once however many of its words appear.
const DOMAIN_WORDS: Readonly<Record<Domain, readonly string[]>> = {
  economic: ['经济', 'economic', 'economy'],
  political: ['民主法制', '民主法治', '法制', '法治', '政治', 'political', 'politics', 'democra', 'ruleoflaw'],
  cultural: ['文化', 'cultur'],
  social: ['社会', 'social', 'societ'],
  ecological: ['生态文明', '生态', 'ecolog', 'environment'],
  party_building: ['党的建设', '党建', 'partybuilding', 'party_building', 'party-building'],
  discipline: ['纪律检查', '纪检', 'disciplin'],
};
// 社会主义 (socialism, as in 社会主义市场经济) is not the social field; neither is "socialist".
const NOT_SOCIAL = /社会主义|socialis[mt]/g;

/** The one domain the label's words name, or null for none or several. */
export function domainOfLabel(label: string): Domain | null {
  const text = squeeze(label).replace(NOT_SOCIAL, '');
  const found = (Object.keys(DOMAIN_WORDS) as Domain[]).filter((domain) =>
    DOMAIN_WORDS[domain].some((word) => text.includes(word)),
  );
  return found.length === 1 ? found[0]! : null;
}
