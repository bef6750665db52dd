// The vocabulary of the practice (docs/PRACTICE.md "The objects"). Pure types and constants only.

export const STATUSES = ['done', 'started', 'not_started'] as const;
/** done 已完成 · started 已启动未完成 · not_started 未启动 */
export type Status = (typeof STATUSES)[number];

export const DOMAINS = [
  'economic',
  'political',
  'cultural',
  'social',
  'ecological',
  'party_building',
  'discipline',
] as const;
export type Domain = (typeof DOMAINS)[number];

export const PLAN_STAGES = ['planned', 'approved', 'issued', 'closed'] as const;
/** planned for review → approved → issued → closed out */
export type PlanStage = (typeof PLAN_STAGES)[number];

export const LIGHTS = ['red', 'yellow', 'green'] as const;
export type Light = (typeof LIGHTS)[number];

const CHANGE_SOURCES = ['import', 'slack', 'cli'] as const;
export type ChangeSource = (typeof CHANGE_SOURCES)[number];

export const ROUND_KINDS = ['mid-year', 'year-end', 'special'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A calendar date without time, always `YYYY-MM-DD`. Comparable as strings. */
export type IsoDate = string;
