// What every payload the app sends to Slack must satisfy, checked over the stand-in's recorded
// calls: Slack's size limits (Slack's Block Kit reference), valid UTF-16 (no half surrogate pair), no half-cut
// entity, and no markup that came from people's or ledgers' text. Returns problems as strings
// so a failing test names the call, the path and the rule.
import type { RecordedCall } from '../support/slackStandIn.ts';

type Json = Record<string, unknown>;

export const codePoints = (s: string): number => Array.from(s).length;

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

/** Strings Slack renders as mrkdwn: top-level `text`, mrkdwn text objects, section fields. */
export function mrkdwnTexts(node: unknown, isTop = true): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => mrkdwnTexts(n, false));
  if (!node || typeof node !== 'object') return [];
  const o = node as Json;
  const out: string[] = [];
  if (typeof o.text === 'string' && (isTop || o.type === 'mrkdwn')) out.push(o.text);
  for (const [key, value] of Object.entries(o)) {
    if (
      key === 'view' ||
      key === 'blocks' ||
      key === 'elements' ||
      key === 'fields' ||
      key === 'text' ||
      key === 'accessory'
    ) {
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

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.update', 'views.push', 'views.publish']);

const plainText = (o: unknown) => String((o as { text?: unknown } | undefined)?.text ?? '');

/** Slack's limits for one block (any surface). */
function blockProblems(block: Json, at: string): string[] {
  const problems: string[] = [];
  const max = (what: string, n: number, limit: number) => {
    if (n > limit) problems.push(`${at} ${what}: ${n} > ${limit}`);
  };
  if (typeof block.block_id === 'string') max('block_id', block.block_id.length, 255);
  if (block.type === 'header') max('header', codePoints(plainText(block.text)), 150);
  if (block.type === 'section') {
    max('section text', codePoints(plainText(block.text)), 3000);
    const fields = (block.fields as Json[] | undefined) ?? [];
    max('fields', fields.length, 10);
    for (const f of fields) max('field', codePoints(plainText(f)), 2000);
  }
  if (block.type === 'context') {
    const elements = block.elements as Json[];
    max('context elements', elements.length, 10);
    for (const e of elements) max('context text', codePoints(plainText(e)), 3000);
  }
  if (block.type === 'actions') max('actions elements', (block.elements as Json[]).length, 25);
  const elements = [
    ...((block.elements as Json[] | undefined) ?? []),
    ...(block.accessory ? [block.accessory as Json] : []),
    ...(block.element ? [block.element as Json] : []),
  ];
  for (const e of elements) {
    if (e.type === 'button') {
      max('button text', codePoints(plainText(e.text)), 75);
      max('button value', String(e.value ?? '').length, 2000);
    }
    if (typeof e.action_id === 'string') max('action_id', e.action_id.length, 255);
    const options = (e.options as Json[] | undefined) ?? [];
    max('options', options.length, 100);
    for (const o of options) max('option text', codePoints(plainText(o.text)), 75);
    if (typeof e.initial_value === 'string') max('initial_value', codePoints(e.initial_value), 3000);
  }
  if (block.type === 'input') max('input label', codePoints(plainText(block.label)), 2000);
  return problems;
}

function blockSetProblems(blocks: Json[], limit: number, at: string): string[] {
  const problems = blocks.length > limit ? [`${at}: ${blocks.length} blocks > ${limit}`] : [];
  const text = allStrings(blocks)
    .filter(([path]) => path.endsWith('.text'))
    .reduce((n, [, s]) => n + codePoints(s), 0);
  if (limit === 50 && text > 12_000) problems.push(`${at}: ${text} characters of block text > 12000`);
  return [...problems, ...blocks.flatMap((b, i) => blockProblems(b, `${at} block ${i} (${String(b.type)})`))];
}

/** Everything wrong with one recorded call; [] when it is a payload Slack would take. */
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
    if (codePoints(String(call.args.text ?? '')) > 40_000) problems.push(`${at}: text over 40000`);
    problems.push(...blockSetProblems((call.args.blocks as Json[] | undefined) ?? [], 50, at));
  }
  if (VIEW_METHODS.has(call.method)) {
    const view = call.args.view as Json;
    if (view.type === 'modal') {
      if (codePoints(plainText(view.title)) > 24) problems.push(`${at}: modal title over 24`);
      for (const k of ['submit', 'close'])
        if (view[k] && codePoints(plainText(view[k])) > 24) problems.push(`${at}: ${k} over 24`);
    }
    if (String(view.private_metadata ?? '').length > 3000) problems.push(`${at}: private_metadata over 3000`);
    problems.push(...blockSetProblems(view.blocks as Json[], 100, at)); // modals and Home alike
  }
  return problems;
}
