// Reading a submitted view, the same way in every form handler. Slack sends `view.state` without
// `values` when no input holds anything: that is an empty form (each handler then shows its usual
// "required" errors inline), never a throw before the ack. Errors go only on blocks the view has
// (Slack refuses the whole answer otherwise, and the person sees a generic failure), and a form
// whose private_metadata cannot be read is answered "out of date, open it again" and saves nothing.
import type { types } from '@slack/bolt';
import type { Translate } from '../i18n/index.ts';

/** What a view handler needs of a submitted view; Bolt's view type fits. */
export interface SubmittedView {
  blocks?: readonly { type?: string; block_id?: string }[];
  state?: { values?: Record<string, Record<string, unknown>> } | null;
}

type Values<V> = V extends { state: { values: infer X } } ? X : Record<string, Record<string, never>>;

/** `view.state.values`, or an empty form when Slack left it out. */
export function viewValues<V extends SubmittedView>(view: V): Values<V> {
  return (view.state?.values ?? {}) as Values<V>;
}

/** The block ids of the view's input blocks, in order. */
function inputBlockIds(view: SubmittedView): string[] {
  return (view.blocks ?? []).filter((b) => b.type === 'input' && b.block_id).map((b) => b.block_id as string);
}

export type ViewAnswer =
  | { response_action: 'errors'; errors: Record<string, string> }
  | { response_action: 'update'; view: types.ModalView };

/**
 * Inline errors kept to the blocks this view has. When the view echoes no blocks (nothing to
 * check against) the errors are kept as they are; when none is left, the first message goes on
 * the view's first input block.
 */
export function errorsOnViewBlocks(view: SubmittedView, errors: Record<string, string>): Record<string, string> {
  const blocks = view.blocks ?? [];
  if (blocks.length === 0) return errors;
  const present = new Set(blocks.map((b) => b.block_id));
  const kept = Object.fromEntries(Object.entries(errors).filter(([block]) => present.has(block)));
  if (Object.keys(kept).length > 0) return kept;
  const first = inputBlockIds(view)[0];
  const message = Object.values(errors)[0];
  return first && message ? { [first]: message } : kept;
}

/** A plain modal that only says something (no inputs, a Close button). */
export function noticeModal(t: Translate, text: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: t('flow.noticeTitle') },
    close: { type: 'plain_text', text: t('flow.close') },
    blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
  };
}

/**
 * The answer to a form this bot cannot read back (metadata truncated or from a version it no
 * longer knows): an error on the first input the view has, else the modal replaced by a notice.
 */
export function formOutOfDate(view: SubmittedView, t: Translate): ViewAnswer {
  const text = t('flow.formOutOfDate');
  const first = inputBlockIds(view)[0];
  if (first) return { response_action: 'errors', errors: { [first]: text } };
  return { response_action: 'update', view: noticeModal(t, text) };
}
