// Reading a submitted view: no values is an empty form; errors only on blocks the view has.
import { describe, expect, it } from 'vitest';
import { translator } from '../../src/i18n/index.ts';
import { errorsOnViewBlocks, formOutOfDate, viewValues } from '../../src/slack/viewInputs.ts';

const t = translator('en');
const blocks = [
  { type: 'section', block_id: 'intro' },
  { type: 'input', block_id: 'status' },
  { type: 'input', block_id: 'note' },
];

describe('viewValues', () => {
  it('reads a state without values as an empty form', () => {
    expect(viewValues({ state: {} })).toEqual({});
    expect(viewValues({})).toEqual({});
    expect(viewValues({ state: { values: { a: { b: { value: 'x' } } } } })).toEqual({ a: { b: { value: 'x' } } });
  });
});

describe('errorsOnViewBlocks', () => {
  it('drops errors on blocks the view does not have', () => {
    expect(errorsOnViewBlocks({ blocks }, { plan: 'no plan', note: 'too long' })).toEqual({ note: 'too long' });
  });
  it('moves a lone error on a missing block to the first input', () => {
    expect(errorsOnViewBlocks({ blocks }, { plan: 'no plan' })).toEqual({ status: 'no plan' });
  });
  it('keeps errors as they are when the view echoes no blocks', () => {
    expect(errorsOnViewBlocks({ blocks: [] }, { plan: 'no plan' })).toEqual({ plan: 'no plan' });
  });
});

describe('formOutOfDate', () => {
  it('puts the message on the first input block', () => {
    expect(formOutOfDate({ blocks }, t)).toEqual({
      response_action: 'errors',
      errors: { status: t('flow.formOutOfDate') },
    });
  });
  it('replaces a view without inputs by a notice', () => {
    const answer = formOutOfDate({ blocks: [] }, translator('zh-CN'));
    expect(answer.response_action).toBe('update');
    expect(JSON.stringify(answer)).toContain(translator('zh-CN')('flow.formOutOfDate'));
  });
});
