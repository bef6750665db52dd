import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { decodeRoundButton, roundSelfCheckPromptIn } from '../../src/blocks/messages/roundSelfCheckPrompt.ts';
import { groupMembers, outbox, userLocales } from '../../src/db/schema.ts';
import { queueSelfCheckPrompts, selfCheckPromptKey } from '../../src/store/roundPrompts.ts';
import { recordSelfCheck } from '../../src/store/roundSelfCheck.ts';
import { createRound, type RoundRow } from '../../src/store/rounds.ts';
import { liaisonOf, SECOND_G1_LIAISON, seedDb } from '../support/seedLedgerDb.ts';

const NOW = new Date('2016-12-31T01:00:00Z');

function yearEnd() {
  const { db, ledger } = seedDb();
  const result = createRound(db, { kind: 'year-end', asOf: '2016-06-30', minAgeMonths: 6, createdBy: 'cli', now: NOW });
  if (result.kind !== 'created') throw new Error('no round');
  return { db, ledger, round: result.round as RoundRow };
}

describe('queueSelfCheckPrompts', () => {
  it('queues one DM per liaison per plan, and nothing more when run again', () => {
    const { db, ledger, round } = yearEnd();
    const first = queueSelfCheckPrompts(db, round, roundSelfCheckPromptIn, NOW, 'zh-CN');
    // 35 plans, one liaison each, plus G1's second liaison on G1's 4 plans.
    expect(first).toEqual({ queued: 39, alreadyQueued: 0, recipients: 10, plansWithoutLiaison: [], plansFilled: 0 });
    const again = queueSelfCheckPrompts(db, round, roundSelfCheckPromptIn, new Date('2017-01-03T01:00:00Z'), 'zh-CN');
    expect(again).toMatchObject({ queued: 0, alreadyQueued: 39 });
    const rows = db.select().from(outbox).all();
    expect(rows).toHaveLength(39);
    expect(rows.every((r) => r.kind === 'round.selfcheck' && r.state === 'pending')).toBe(true);

    const planId = ledger.planIds.get('SC-FA-001') as number;
    const toG1 = rows.filter((r) => r.idempotencyKey.endsWith(`:round${round.id}:plan${planId}:${round.id}`));
    expect(toG1.map((r) => r.target).sort()).toEqual([liaisonOf('G1'), SECOND_G1_LIAISON].sort());
    const row = rows.find((r) => r.idempotencyKey === selfCheckPromptKey(round, planId, liaisonOf('G1')));
    expect(row?.idempotencyKey).toBe(`round.selfcheck:${liaisonOf('G1')}:round${round.id}:plan${planId}:${round.id}`);
    const payload = JSON.parse(row?.payload ?? '{}') as {
      text: string;
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    const button = payload.blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.action_id).toBe(ACTIONS.roundSelfCheck);
    expect(decodeRoundButton(button?.value)).toEqual({ roundId: round.id, planId });
    expect(payload.text).toContain('SC-FA-001');
    expect(payload.text).toContain('年底自查');
  });

  it('writes in the language Slack reported for the liaison', () => {
    const { db, round } = yearEnd();
    db.insert(userLocales)
      .values({ userId: liaisonOf('G9'), locale: 'en-US', fetchedAt: NOW.toISOString() })
      .run();
    queueSelfCheckPrompts(db, round, roundSelfCheckPromptIn, NOW, 'zh-CN');
    const payloads = (target: string) =>
      db
        .select()
        .from(outbox)
        .where(eq(outbox.target, target))
        .all()
        .map((r) => JSON.parse(r.payload).text as string);
    expect(payloads(liaisonOf('G9')).every((text) => text.includes('year-end self-check'))).toBe(true);
    expect(payloads(liaisonOf('G8')).every((text) => text.includes('年底自查'))).toBe(true);
  });

  it('reports plans whose group has no liaison and skips plans already filled in', () => {
    const { db, ledger, round } = yearEnd();
    db.delete(groupMembers)
      .where(and(eq(groupMembers.userId, liaisonOf('G9')), eq(groupMembers.role, 'liaison')))
      .run();
    recordSelfCheck(db, {
      roundId: round.id,
      planId: ledger.planIds.get('SC-FA-018') as number,
      userId: liaisonOf('G6'),
      now: NOW,
      checks: { coordinated: true, onSchedule: true, breakthroughs: true },
      note: null,
      confirmed: new Map(),
      requestKey: 'V1',
      liveNote: '',
    });
    const result = queueSelfCheckPrompts(db, round, roundSelfCheckPromptIn, NOW, 'zh-CN');
    expect(result.plansWithoutLiaison).toEqual(['SC-FA-033', 'SC-FA-034', 'SC-FA-035']);
    expect(result.plansFilled).toBe(1);
    expect(result.queued).toBe(39 - 3 - 1);
  });
});
