// The checker the security tests rely on must itself catch what it claims to: each broken
// payload below is flagged, and a good one is not.
import { describe, expect, it } from 'vitest';
import { callProblems, markupFound, messageProblems, mrkdwnTexts, viewProblems } from '../support/slackLimits.ts';
import type { RecordedCall } from '../support/slackStandIn.ts';

const call = (method: string, args: Record<string, unknown>): RecordedCall => ({
  method,
  args,
  at: 0,
  token: undefined,
  encoding: 'json',
});
const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

describe('callProblems', () => {
  it('passes a message Slack takes', () => {
    expect(
      callProblems(call('chat.postMessage', { text: 'ok &amp; 👨‍👩‍👧', blocks: [section('*P1#1* &lt;!here&gt;')] })),
    ).toEqual([]);
  });

  it.each([
    [
      'a section over 3000',
      call('chat.postMessage', { text: 't', blocks: [section('x'.repeat(3001))] }),
      'section text: 3001 > 3000',
    ],
    [
      '51 blocks',
      call('response_url', { text: 't', blocks: Array.from({ length: 51 }, () => section('x')) }),
      '51 blocks > 50',
    ],
    [
      'too much block text',
      call('chat.postMessage', { text: 't', blocks: Array.from({ length: 5 }, () => section('x'.repeat(2900))) }),
      '14500 characters of block text',
    ],
    [
      'a header over 150',
      call('chat.postMessage', {
        text: 't',
        blocks: [{ type: 'header', text: { type: 'plain_text', text: '标'.repeat(151) } }],
      }),
      'header: 151 > 150',
    ],
    ['a lone surrogate', call('chat.postMessage', { text: 'cut 👨'.slice(0, 5) }), 'lone surrogate'],
    ['half an entity', call('chat.postMessage', { text: 't', blocks: [section('a &am…')] }), 'broken entity'],
    [
      'a modal title over 24',
      call('views.open', { view: { type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [] } }),
      'modal title: 25 > 24',
    ],
    [
      '101 blocks on Home',
      call('views.publish', { view: { type: 'home', blocks: Array.from({ length: 101 }, () => section('x')) } }),
      '101 blocks > 100',
    ],
    [
      'an option over 75',
      call('views.open', {
        view: {
          type: 'modal',
          title: { type: 'plain_text', text: 'x' },
          blocks: [
            {
              type: 'input',
              label: { type: 'plain_text', text: 'l' },
              element: {
                type: 'static_select',
                options: [{ text: { type: 'plain_text', text: 'o'.repeat(76) }, value: 'v' }],
              },
            },
          ],
        },
      }),
      'option text: 76 > 75',
    ],
  ])('flags %s', (_name, bad, problem) => {
    expect(callProblems(bad).join('\n')).toContain(problem);
  });
});

describe('viewProblems and messageProblems', () => {
  const input = (element: Record<string, unknown>) => ({
    type: 'input',
    block_id: 'b',
    label: { type: 'plain_text', text: 'l' },
    element,
  });
  const option = (value: string) => ({ text: { type: 'plain_text', text: value }, value });

  it.each([
    [
      'an initial option that is not offered',
      { blocks: [input({ type: 'static_select', options: [option('a')], initial_option: option('b') })] },
      'initial_option is not one of the options',
    ],
    [
      'an initial value over its max_length',
      { blocks: [input({ type: 'plain_text_input', max_length: 3, initial_value: 'abcd' })] },
      'initial_value over max_length: 4 > 3',
    ],
    [
      'a duplicate block_id',
      { blocks: [input({ type: 'plain_text_input' }), input({ type: 'plain_text_input' })] },
      'duplicate block_id b',
    ],
    ['an empty section', { blocks: [section('')] }, 'section text: empty'],
  ])('flags %s', (_name, view, problem) => {
    expect(viewProblems(view).join('\n')).toContain(problem);
  });

  it('holds a message to the project budget and wants a fallback text', () => {
    const blocks = Array.from({ length: 4 }, () => section('x'.repeat(2900)));
    expect(messageProblems({ text: ' ', blocks })).toEqual([
      '11600 characters of block text > 11000',
      'empty fallback text',
    ]);
  });
});

describe('mrkdwnTexts and markupFound', () => {
  it('reads the notification text and mrkdwn, not plain text (which Slack never renders as markup)', () => {
    const texts = mrkdwnTexts({
      text: '<!here>',
      blocks: [section('<@U0ADMIN>'), { type: 'header', text: { type: 'plain_text', text: '<!channel>' } }],
    });
    expect(markupFound(texts.join('\n'), ['<!here>', '<@U0ADMIN>', '<!channel>'])).toEqual(['<!here>', '<@U0ADMIN>']);
  });
});
