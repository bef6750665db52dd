// The one checker of what Slack takes (Slack's Block Kit reference: block, element, view and
// message limits). No offline validator exists, so every builder and every payload the app sends
// (the stand-in's recorded calls) is checked against these numbers with the largest realistic data.
// Each function returns the problems found, [] when Slack would take it, so a failing test names
// every breach: where, what, the length and the limit. Lengths count code points, as Slack does
// (and as the truncation helpers in src/blocks/mrkdwn.ts cut); ids and values count UTF-16 units.
import { MESSAGE_BLOCKS_MAX, MESSAGE_TEXT_BUDGET } from '../../src/blocks/parts/index.ts';
import type { RecordedCall } from './slackStandIn.ts';

type Json = Record<string, unknown>;

/** Slack's numbers. */
const SLACK_LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  /** Block text Slack counts in one message before msg_blocks_too_long (about 12k). */
  messageBlockText: 12_000,
  messageText: 40_000,
  viewTitle: 24,
  privateMetadata: 3000,
  blockId: 255,
  actionId: 255,
  header: 150,
  section: 3000,
  fields: 10,
  field: 2000,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  label: 2000,
  hint: 2000,
  buttonText: 75,
  buttonValue: 2000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  optionValue: 150,
  initialValue: 3000,
} as const;

export const codePoints = (s: unknown): number => (typeof s === 'string' ? Array.from(s).length : 0);
const textOf = (o: unknown): string => String((o as { text?: unknown } | undefined)?.text ?? '');

/** Surrogate halves without their partner: what cutting by UTF-16 units leaves. */
export function loneSurrogates(s: string): string[] {
  return s.match(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g) ?? [];
}

/** `&` that does not start one of the three entities escapeMrkdwn writes (e.g. a cut `&am…`). */
export function brokenEntities(s: string): string[] {
  return s.match(/&(?!amp;|lt;|gt;).{0,4}/gu) ?? [];
}

/**
 * Markup that makes Slack ping, mention or link: `<!channel>`, `<!here>`, `<!everyone>`,
 * `<@U…>`, `<#C…>`, `<https://…|…>`. The bot writes mentions of its own (`<@UADMIN>` for who
 * changed an item, `<!date^…>`), so callers pass the exact hostile strings to look for.
 */
export function markupFound(s: string, hostile: readonly string[]): string[] {
  return hostile.filter((h) => s.includes(h));
}

/**
 * Strings Slack renders as mrkdwn, in order: a payload's top-level `text` (the notification),
 * then every mrkdwn text object under views, blocks, elements, fields, texts and accessories.
 * Given a block list, the mrkdwn of its sections, fields and context elements.
 */
export function mrkdwnTexts(node: unknown, isTop = true): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => mrkdwnTexts(n, false));
  if (!node || typeof node !== 'object') return [];
  const o = node as Json;
  const out: string[] = [];
  if (typeof o.text === 'string' && (isTop || o.type === 'mrkdwn')) out.push(o.text);
  for (const [key, value] of Object.entries(o)) {
    if (['view', 'blocks', 'elements', 'fields', 'text', 'accessory'].includes(key)) {
      out.push(...mrkdwnTexts(value, false));
    }
  }
  return out;
}

/** Every string anywhere in the payload, with its path. */
function allStrings(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (Array.isArray(node)) return node.flatMap((n, i) => allStrings(n, `${path}[${i}]`));
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => allStrings(v, path ? `${path}.${k}` : k));
  return [];
}

/** Every `text` string in a block tree (plain and mrkdwn): what a person reads. */
export function textsOf(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(textsOf);
  if (node && typeof node === 'object') {
    const out: string[] = [];
    for (const [key, value] of Object.entries(node)) {
      if (key === 'text' && typeof value === 'string') out.push(value);
      else out.push(...textsOf(value));
    }
    return out;
  }
  return [];
}

/** A message's fallback text and every text of its blocks, for "is it escaped" checks. */
export function shownText(message: { text: string; blocks: readonly unknown[] }): string {
  return [message.text, ...textsOf(message.blocks)].join('\n');
}

type Report = (what: string, n: number, limit: number) => void;

function elementProblems(e: Json, max: Report, problems: string[], at: string): void {
  if (typeof e.action_id === 'string') max('action_id', e.action_id.length, SLACK_LIMITS.actionId);
  if (e.type === 'button') {
    max('button text', codePoints(textOf(e.text)), SLACK_LIMITS.buttonText);
    max('button value', String(e.value ?? '').length, SLACK_LIMITS.buttonValue);
  }
  if (e.placeholder) max('placeholder', codePoints(textOf(e.placeholder)), SLACK_LIMITS.placeholder);
  if (e.type === 'file_input') {
    // The file_input element's reference: max_files from 1 to 10 (10 when absent).
    const files = e.max_files ?? 10;
    if (!Number.isInteger(files) || (files as number) < 1 || (files as number) > 10)
      problems.push(`${at}: max_files ${String(files)}`);
  }
  const options = (e.options as Json[] | undefined) ?? [];
  max('options', options.length, SLACK_LIMITS.options);
  for (const o of [...options, ...(e.initial_option ? [e.initial_option as Json] : [])]) {
    max('option text', codePoints(textOf(o.text)), SLACK_LIMITS.optionText);
    max('option value', String(o.value ?? '').length, SLACK_LIMITS.optionValue);
  }
  if (e.initial_option && e.options && !options.some((o) => JSON.stringify(o) === JSON.stringify(e.initial_option))) {
    problems.push(`${at}: initial_option is not one of the options`);
  }
  if (typeof e.initial_value === 'string') {
    max('initial_value', codePoints(e.initial_value), SLACK_LIMITS.initialValue);
    if (typeof e.max_length === 'number')
      max('initial_value over max_length', codePoints(e.initial_value), e.max_length);
  }
}

/** Slack's limits for one block, on any surface. */
function blockProblems(block: Json, at: string): string[] {
  const problems: string[] = [];
  const max: Report = (what, n, limit) => {
    if (n > limit) problems.push(`${at} ${what}: ${n} > ${limit}`);
  };
  const empty = (what: string, text: unknown) => {
    if (codePoints(text) === 0) problems.push(`${at} ${what}: empty`);
  };
  if (typeof block.block_id === 'string') max('block_id', block.block_id.length, SLACK_LIMITS.blockId);
  if (block.type === 'header') {
    max('header', codePoints(textOf(block.text)), SLACK_LIMITS.header);
    empty('header', textOf(block.text));
  }
  if (block.type === 'section') {
    if (block.text !== undefined) {
      max('section text', codePoints(textOf(block.text)), SLACK_LIMITS.section);
      empty('section text', textOf(block.text));
    }
    const fields = (block.fields as Json[] | undefined) ?? [];
    max('fields', fields.length, SLACK_LIMITS.fields);
    for (const f of fields) max('field', codePoints(textOf(f)), SLACK_LIMITS.field);
  }
  if (block.type === 'context') {
    const elements = (block.elements as Json[] | undefined) ?? [];
    max('context elements', elements.length, SLACK_LIMITS.contextElements);
    for (const e of elements) max('context text', codePoints(textOf(e)), SLACK_LIMITS.contextText);
  }
  if (block.type === 'actions') {
    max('actions elements', ((block.elements as Json[] | undefined) ?? []).length, SLACK_LIMITS.actionsElements);
  }
  if (block.type === 'input') {
    max('input label', codePoints(textOf(block.label)), SLACK_LIMITS.label);
    if (block.hint) max('hint', codePoints(textOf(block.hint)), SLACK_LIMITS.hint);
  }
  const elements = [
    ...(block.type === 'actions' ? ((block.elements as Json[] | undefined) ?? []) : []),
    ...(block.accessory ? [block.accessory as Json] : []),
    ...(block.element ? [block.element as Json] : []),
  ];
  for (const e of elements) elementProblems(e, max, problems, at);
  return problems;
}

/** A list of blocks: how many, unique block_ids, and each block. */
function blocksProblems(blocks: readonly Json[], maxBlocks: number, at = ''): string[] {
  const where = at ? `${at} ` : '';
  const problems = blocks.length > maxBlocks ? [`${where}${blocks.length} blocks > ${maxBlocks}`.trim()] : [];
  const ids = new Set<string>();
  blocks.forEach((b, i) => {
    const here = `${where}block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      if (ids.has(b.block_id)) problems.push(`${here}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    problems.push(...blockProblems(b, here));
  });
  return problems;
}

/** How many characters of block text Slack counts: every `text` string in the blocks. */
const blockTextLength = (blocks: unknown): number => textsOf(blocks).reduce((n, s) => n + codePoints(s), 0);

export interface ViewLike {
  type?: unknown;
  blocks?: unknown[];
  title?: unknown;
  submit?: unknown;
  close?: unknown;
  private_metadata?: unknown;
}

/** A modal or App Home view: at most 100 blocks (or `maxBlocks`), the title and buttons, the metadata, each block. */
export function viewProblems(
  view: ViewLike,
  { maxBlocks = SLACK_LIMITS.viewBlocks, at = 'view' }: { maxBlocks?: number; at?: string } = {},
): string[] {
  const problems: string[] = [];
  for (const key of ['title', 'submit', 'close'] as const) {
    const n = codePoints(textOf(view[key]));
    if (view[key] !== undefined && n > SLACK_LIMITS.viewTitle)
      problems.push(`${at} modal ${key}: ${n} > ${SLACK_LIMITS.viewTitle}`);
  }
  const metadata = String(view.private_metadata ?? '').length;
  if (metadata > SLACK_LIMITS.privateMetadata)
    problems.push(`${at} private_metadata: ${metadata} > ${SLACK_LIMITS.privateMetadata}`);
  return [...problems, ...blocksProblems((view.blocks ?? []) as Json[], maxBlocks, at)];
}

/**
 * A message the app builds: at most 50 blocks, block text within the project's budget
 * (MESSAGE_TEXT_BUDGET, below Slack's ~12k), and a fallback text that is there and short.
 */
export function messageProblems(message: { text: string; blocks: readonly unknown[] }): string[] {
  const problems = blocksProblems(message.blocks as Json[], MESSAGE_BLOCKS_MAX);
  const chars = blockTextLength(message.blocks);
  if (chars > MESSAGE_TEXT_BUDGET) problems.push(`${chars} characters of block text > ${MESSAGE_TEXT_BUDGET}`);
  if (codePoints(message.text) > 3000) problems.push('fallback text > 3000');
  if (message.text.trim() === '') problems.push('empty fallback text');
  return problems;
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

/** Everything wrong with one call the app made (the stand-in's record); [] when Slack would take it. */
export function callProblems(call: RecordedCall): string[] {
  const at = `${call.method}${call.responseUrlId ? `(${call.responseUrlId})` : ''}`;
  const problems: string[] = [];
  for (const [path, s] of allStrings(call.args)) {
    for (const half of loneSurrogates(s))
      problems.push(`${at} ${path}: lone surrogate U+${half.charCodeAt(0).toString(16)}`);
  }
  for (const s of mrkdwnTexts(call.args))
    for (const bad of brokenEntities(s)) problems.push(`${at}: broken entity "${bad}"`);
  if (MESSAGE_METHODS.has(call.method)) {
    const text = codePoints(String(call.args.text ?? ''));
    if (text > SLACK_LIMITS.messageText) problems.push(`${at} text: ${text} > ${SLACK_LIMITS.messageText}`);
    const blocks = (call.args.blocks as Json[] | undefined) ?? [];
    problems.push(...blocksProblems(blocks, SLACK_LIMITS.messageBlocks, at));
    const chars = blockTextLength(blocks);
    if (chars > SLACK_LIMITS.messageBlockText)
      problems.push(`${at}: ${chars} characters of block text > ${SLACK_LIMITS.messageBlockText}`);
  }
  if (VIEW_METHODS.has(call.method)) problems.push(...viewProblems(call.args.view as ViewLike, { at }));
  return problems;
}
