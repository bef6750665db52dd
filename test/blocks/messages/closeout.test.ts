// People's and ledgers' text is escaped, then cut so the ESCAPED text fits its budget
// (escapeClip): escaping after cutting (escapeMrkdwn(truncate())) let `&` and `<` grow five-
// and four-fold past Slack's limits, e.g. a close-out confirm dialog's 300 characters.
import { describe, expect, it } from 'vitest';
import { closeoutProposalMessage } from '../../../src/blocks/messages/closeout.ts';
import { translator } from '../../../src/i18n/index.ts';

const codePoints = (s: string) => Array.from(s).length;

describe('escaped text stays within its budget', () => {
  it('a plan code of 100 `&` keeps the close-out confirm dialog within 300 characters, cut cleanly', () => {
    const message = closeoutProposalMessage(translator('en'), [
      { planId: 1, code: '&'.repeat(100), title: '<'.repeat(300), groupCode: null, items: 3, fingerprint: 'f' },
    ]);
    const actions = message.blocks.find((b) => b.type === 'actions') as {
      elements: { confirm?: { text: { text: string } } }[];
    };
    const confirm = actions.elements[0]?.confirm?.text.text ?? '';
    expect(codePoints(confirm)).toBeLessThanOrEqual(300);
    expect(confirm).toMatch(/^Plan (&amp;)+… will be closed out/);
    const section = message.blocks.find((b) => b.type === 'section') as { text: { text: string } };
    // The title's escaped part is at most 200 characters, never cut inside an entity.
    const title = section.text.text.split('\n')[0]?.replace(/^\*[^*]*\* /, '') ?? '';
    expect(codePoints(title)).toBeLessThanOrEqual(200);
    expect(title).toMatch(/^(&lt;)+…$/);
  });
});
