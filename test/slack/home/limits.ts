// Slack's Block Kit limits (Slack's Block Kit reference), checked over a whole view or message. No offline
// validator exists, so builders are tested against these numbers with the largest data.
// Returns the list of problems (empty when within limits), so a failure names every breach.

type Json = Record<string, unknown>;

const len = (s: unknown) => (typeof s === 'string' ? Array.from(s).length : 0);

export interface LimitOptions {
  maxBlocks: number;
}

export function limitProblems(
  surface: { blocks?: unknown[]; title?: unknown; submit?: unknown; close?: unknown; private_metadata?: unknown },
  options: LimitOptions,
): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const blocks = (surface.blocks ?? []) as Json[];
  check(blocks.length <= options.maxBlocks, `${blocks.length} blocks > ${options.maxBlocks}`);
  for (const key of ['title', 'submit', 'close'] as const) {
    const text = (surface[key] as Json | undefined)?.text;
    if (text !== undefined) check(len(text) <= 24, `${key} "${String(text)}" > 24`);
  }
  if (surface.private_metadata !== undefined) check(len(surface.private_metadata) <= 3000, 'private_metadata > 3000');
  const ids = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `block ${i} (${String(b.type)})`;
    if (typeof b.block_id === 'string') {
      check(len(b.block_id) <= 255, `${at}: block_id > 255`);
      check(!ids.has(b.block_id), `${at}: duplicate block_id ${b.block_id}`);
      ids.add(b.block_id);
    }
    const text = (b.text as Json | undefined)?.text;
    if (b.type === 'header') check(len(text) <= 150 && len(text) > 0, `${at}: header text ${len(text)} chars`);
    if (b.type === 'section') {
      check(text === undefined || (len(text) <= 3000 && len(text) > 0), `${at}: section text ${len(text)} chars`);
      const fields = (b.fields as Json[] | undefined) ?? [];
      check(fields.length <= 10, `${at}: ${fields.length} fields`);
      for (const f of fields) check(len(f.text) <= 2000, `${at}: field > 2000`);
      if (b.accessory) elementProblems(b.accessory as Json, at, check);
    }
    if (b.type === 'context') {
      const elements = (b.elements as Json[]) ?? [];
      check(elements.length <= 10, `${at}: ${elements.length} context elements`);
      for (const e of elements) check(len(e.text) <= 3000, `${at}: context text ${len(e.text)} chars`);
    }
    if (b.type === 'actions') {
      const elements = (b.elements as Json[]) ?? [];
      check(elements.length <= 25, `${at}: ${elements.length} action elements`);
      for (const e of elements) elementProblems(e, at, check);
    }
    if (b.type === 'input') {
      check(len((b.label as Json).text) <= 2000, `${at}: label > 2000`);
      if (b.hint) check(len((b.hint as Json).text) <= 2000, `${at}: hint > 2000`);
      elementProblems(b.element as Json, at, check);
    }
  });
  return problems;
}

function elementProblems(e: Json, at: string, check: (ok: boolean, what: string) => void): void {
  check(len(e.action_id) <= 255, `${at}: action_id > 255`);
  if (e.type === 'button') {
    check(len((e.text as Json).text) <= 75, `${at}: button text > 75`);
    check(len(e.value) <= 2000, `${at}: button value > 2000`);
  }
  if (e.placeholder) check(len((e.placeholder as Json).text) <= 150, `${at}: placeholder > 150`);
  if (e.type === 'file_input') {
    // The file_input element's reference: max_files from 1 to 10 (10 when absent).
    const max = e.max_files ?? 10;
    check(Number.isInteger(max) && (max as number) >= 1 && (max as number) <= 10, `${at}: max_files ${String(max)}`);
  }
  const options = [
    ...((e.options as Json[] | undefined) ?? []),
    ...(e.initial_option ? [e.initial_option as Json] : []),
  ];
  check(((e.options as Json[] | undefined) ?? []).length <= 100, `${at}: more than 100 options`);
  for (const o of options) {
    check(len((o.text as Json).text) <= 75, `${at}: option text "${String((o.text as Json).text)}" > 75`);
    check(len(o.value) <= 150, `${at}: option value > 150`);
  }
}

/** Every mrkdwn text in the blocks (section, fields, context), for escaping checks. */
export function mrkdwnTexts(blocks: unknown[]): string[] {
  const out: string[] = [];
  for (const b of blocks as Json[]) {
    const text = b.text as Json | undefined;
    if (text?.type === 'mrkdwn') out.push(String(text.text));
    for (const f of (b.fields as Json[] | undefined) ?? []) if (f.type === 'mrkdwn') out.push(String(f.text));
    if (b.type === 'context')
      for (const e of (b.elements as Json[]) ?? []) if (e.type === 'mrkdwn') out.push(String(e.text));
  }
  return out;
}
