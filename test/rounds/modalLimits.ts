// Slack's limits for a modal (Slack's Block Kit reference), checked over a whole view. Returns the problems found.
type Json = Record<string, unknown>;

const LIMITS = {
  blocks: 100,
  title: 24,
  button: 24,
  section: 3000,
  label: 2000,
  hint: 2000,
  placeholder: 150,
  option: 75,
  options: 100,
  metadata: 3000,
  blockId: 255,
  context: 10,
};

export function modalProblems(view: Json): string[] {
  const problems: string[] = [];
  const check = (what: string, length: number, max: number) => {
    if (length > max) problems.push(`${what}: ${length} > ${max}`);
  };
  const text = (o: unknown) => (o as { text?: string } | undefined)?.text ?? '';
  const blocks = view.blocks as Json[];
  check('blocks', blocks.length, LIMITS.blocks);
  check('title', text(view.title).length, LIMITS.title);
  check('submit', text(view.submit).length, LIMITS.button);
  check('close', text(view.close).length, LIMITS.button);
  check('private_metadata', String(view.private_metadata ?? '').length, LIMITS.metadata);
  const ids = new Set<string>();
  for (const [i, block] of blocks.entries()) {
    if (typeof block.block_id === 'string') {
      check(`block ${i} id`, block.block_id.length, LIMITS.blockId);
      if (ids.has(block.block_id)) problems.push(`block ${i}: duplicate block_id ${block.block_id}`);
      ids.add(block.block_id);
    }
    if (block.type === 'section') check(`block ${i} section`, text(block.text).length, LIMITS.section);
    if (block.type === 'context') {
      const elements = block.elements as Json[];
      check(`block ${i} context elements`, elements.length, LIMITS.context);
      for (const e of elements) check(`block ${i} context`, text(e).length, LIMITS.section);
    }
    if (block.type === 'input') {
      check(`block ${i} label`, text(block.label).length, LIMITS.label);
      check(`block ${i} hint`, text(block.hint).length, LIMITS.hint);
      const element = block.element as Json;
      check(`block ${i} placeholder`, text(element.placeholder).length, LIMITS.placeholder);
      const options = (element.options as Json[] | undefined) ?? [];
      check(`block ${i} options`, options.length, LIMITS.options);
      for (const o of options) check(`block ${i} option`, text(o.text).length, LIMITS.option);
      if (
        element.initial_option &&
        !options.some((o) => JSON.stringify(o) === JSON.stringify(element.initial_option))
      ) {
        problems.push(`block ${i}: initial_option is not one of the options`);
      }
      if (typeof element.initial_value === 'string' && typeof element.max_length === 'number') {
        check(`block ${i} initial_value`, element.initial_value.length, element.max_length);
      }
    }
  }
  return problems;
}
