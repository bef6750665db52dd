// Follow-up and close-out builders with the largest realistic data, in both languages, against
// Slack's limits (Slack's Block Kit reference): blocks, section/header/button/option text, modal title, metadata.
import { describe, expect, it } from 'vitest';
import { closeoutProposalMessage, withCloseoutOutcome } from '../../../src/blocks/messages/closeout.ts';
import { blockTextLength } from '../../../src/blocks/messages/digestPack.ts';
import {
  type FollowupPlanData,
  followupChaseMessage,
  followupConfirmationMessage,
  followupPromptMessage,
  followupSuperviseMessage,
  followupUnreachableMessage,
} from '../../../src/blocks/messages/followup.ts';
import { arrangementModal, decodeArrangementMetadata } from '../../../src/blocks/modals/arrangement.ts';
import { centralRegisterModal, MAX_GROUP_OPTIONS } from '../../../src/blocks/modals/centralRegister.ts';
import type { Locale } from '../../../src/domain/types.ts';
import { translator } from '../../../src/i18n/index.ts';

type Node = Record<string, unknown>;

/** Walks every block and element and checks the per-field limits Slack enforces. */
function checkLimits(blocks: unknown[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  expect(blockTextLength(blocks)).toBeLessThanOrEqual(12_000);
  const visit = (node: unknown, parent: string): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n, parent);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    const text = (n.text as { text?: string } | undefined)?.text;
    if (n.type === 'header') expect(text?.length).toBeLessThanOrEqual(150);
    if (n.type === 'section') expect(text?.length).toBeLessThanOrEqual(3000);
    if (n.type === 'button') {
      expect(text?.length).toBeLessThanOrEqual(75);
      expect(String(n.value ?? '').length).toBeLessThanOrEqual(2000);
    }
    if (parent === 'options') expect(text?.length).toBeLessThanOrEqual(75);
    if (n.type === 'static_select') expect((n.options as unknown[]).length).toBeLessThanOrEqual(100);
    for (const [key, value] of Object.entries(n)) visit(value, key);
  };
  visit(blocks, '');
}

const LONG = (n: number) => `<!channel> & ${'很'.repeat(n)}`.slice(0, n);
const plan: FollowupPlanData = {
  id: 123456,
  title: LONG(300),
  passedOn: '2026-09-24',
  meeting: LONG(200),
  url: `https://www.gov.cn/${'a'.repeat(980)}`,
  arrangementDueOn: '2026-09-27',
  group: { code: 'G-ECONOMIC-REFORM', name: LONG(100) },
};

describe.each(['zh-CN', 'en'] as Locale[])('follow-up builders (%s)', (locale) => {
  const t = translator(locale);
  it('prompt to the channel and to a person', () => {
    for (const message of [followupPromptMessage(t, plan), followupPromptMessage(t, plan, 'deputy')]) {
      checkLimits(message.blocks, 50);
      expect(JSON.stringify(message)).not.toContain('<!channel>');
      expect(message.blocks.at(-1)).toMatchObject({
        type: 'actions',
        elements: [{ action_id: 'followup.answer', value: '123456' }],
      });
    }
  });

  it('chase, supervised-matter notice with 500 people, unreachable notice, confirmation', () => {
    const people = Array.from({ length: 500 }, (_, i) => `U${String(i).padStart(8, '0')}`);
    const supervise = followupSuperviseMessage(t, plan, 40, people);
    expect(JSON.stringify(supervise).match(/<@U/g)).toHaveLength(30);
    const messages = [
      followupChaseMessage(t, plan, 40),
      supervise,
      followupSuperviseMessage(t, plan, 1, []),
      followupUnreachableMessage(t, plan),
      followupConfirmationMessage(t, plan, {
        by: 'U0LIA1',
        on: '2026-09-26',
        leadDepartment: LONG(100),
        draftsPlan: true,
        targetOn: '2026-12-31',
        note: LONG(1000),
      }),
      followupConfirmationMessage(t, plan, {
        by: 'cli:<x>',
        on: '2026-09-26',
        leadDepartment: 'x',
        draftsPlan: false,
        targetOn: null,
        note: null,
      }),
    ];
    for (const m of messages) {
      checkLimits(m.blocks, 50);
      expect(JSON.stringify(m)).not.toContain('<!channel>');
      expect(JSON.stringify(m)).not.toContain('cli:<x>');
    }
  });

  it('docking-arrangement modal', () => {
    const view = arrangementModal(translator(locale), plan, { centralPlanId: plan.id, channel: 'C0123456789' });
    checkLimits(view.blocks, 100);
    // The callback id keeps its first name: modals opened before the rename still submit to it.
    expect(view.callback_id).toBe('view.followup_answer');
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(view.submit?.text.length).toBeLessThanOrEqual(24);
    expect((view.private_metadata ?? '').length).toBeLessThanOrEqual(3000);
    expect(decodeArrangementMetadata(view.private_metadata ?? '')).toEqual({
      centralPlanId: plan.id,
      channel: 'C0123456789',
    });
  });

  it('registration modal: a select up to 100 groups, a typed code beyond', () => {
    const groups = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ id: i + 1, code: `G${i + 1}`.padEnd(3000, 'x'), name: LONG(100) }));
    const select = centralRegisterModal(translator(locale), groups(MAX_GROUP_OPTIONS), '2026-09-25');
    checkLimits(select.blocks, 100);
    expect(select.title.text.length).toBeLessThanOrEqual(24);
    const typed = centralRegisterModal(translator(locale), groups(MAX_GROUP_OPTIONS + 1), '2026-09-25');
    checkLimits(typed.blocks, 100);
    expect(JSON.stringify(typed.blocks)).not.toContain('static_select');
  });

  it('close-out proposal with 20 long plans, and after a decision', () => {
    const plans = Array.from({ length: 20 }, (_, i) => ({
      planId: 100_000 + i,
      code: `SC-FA-${'9'.repeat(40)}-${i}`,
      title: LONG(500),
      groupCode: `G${i}`,
      items: 250,
      fingerprint: `sha256:${'f'.repeat(64)}`,
    }));
    const message = closeoutProposalMessage(translator(locale), plans, { index: 3, total: 42 });
    checkLimits(message.blocks, 50);
    for (const block of message.blocks.filter((b) => b.type === 'actions') as {
      elements: { confirm?: { title: { text: string }; text: { text: string } } }[];
    }[]) {
      const confirm = block.elements[0]?.confirm;
      expect(confirm?.title.text.length).toBeLessThanOrEqual(100);
      expect(confirm?.text.text.length).toBeLessThanOrEqual(300);
    }
    const after = withCloseoutOutcome(translator(locale), message.blocks, 100_005, {
      kind: 'closed',
      by: 'U0ADM1',
      on: '2026-12-01',
    });
    checkLimits(after, 50);
    expect(after.filter((b) => (b as Node).type === 'actions')).toHaveLength(19);
    expect(() => closeoutProposalMessage(translator(locale), [...plans, ...plans])).toThrow(RangeError);
  });
});
