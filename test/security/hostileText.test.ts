// People's notes and ledger titles that try to ping (`<!channel>`, `<!here>`, `<@U0ADMIN>`), to
// disguise a link (`<https://evil|click>`), or to break limits (10,000 characters, emoji with ZWJ
// sequences and flags, CJK), through `/reform update … <note>` and the modal, then shown on the
// item card, the plan file, mine, the modal, App Home, a reminder and the digest. Every payload
// sent to the stand-in must render none of that markup, stay within Slack's limits and hold valid
// UTF-16; the database keeps every note exactly as written, or refuses it with a clear message.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIEWS } from '../../src/blocks/ids.ts';
import { ARRANGEMENT_BLOCKS, encodeArrangementMetadata } from '../../src/blocks/modals/arrangement.ts';
import { NOTE_MAX } from '../../src/blocks/modals/itemUpdate.ts';
import { centralPlans } from '../../src/db/schema.ts';
import { WEEKENDS_ONLY } from '../../src/domain/workdays.ts';
import { runDigest } from '../../src/jobs/digest.ts';
import { runReminders } from '../../src/jobs/reminders.ts';
import { ARRANGEMENT_NOTE_MAX, registerCentralPlan } from '../../src/store/centralPlans.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { FakeClock, recordingPoster, testDispatcher } from '../support/dispatcherKit.ts';
import { historyOf, itemOf, updateSubmission } from '../support/items.ts';
import { DEPARTMENTS, NOW, PEOPLE } from '../support/office.ts';
import { BASE_PLANS } from '../support/officePlans.ts';
import { appHomeOpened, stateValue, viewSubmission } from '../support/payloads.ts';
import { postEvent, postInteraction } from '../support/signedRequest.ts';
import { callProblems, codePoints, markupFound, mrkdwnTexts } from '../support/slackLimits.ts';
import { sentCalls } from '../support/slackStandIn.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

const MARKUP = '<!channel> <!here> <!everyone> <@U0ADMIN> <#C0G1> <https://evil.example|click> &';
const EMOJI = '👨‍👩‍👧‍👦 🇨🇳 🏳️‍🌈 👍🏽 𠮷野家';
const CJK = '清单式精准督察：已印发实施细则';
const SHORT_NOTE = `${MARKUP} ${EMOJI} ${CJK}`;
/** Exactly `n` code points of hostile text (markup, entities to expand, astral characters), ending in 。 */
const hostile = (n: number) =>
  `${Array.from(`${SHORT_NOTE} `.repeat(Math.ceil(n / codePoints(`${SHORT_NOTE} `))))
    .slice(0, n - 1)
    .join('')}。`;
const LONG_NOTE = hostile(10_000);
/** The longest note kept on every path (NOTE_MAX code points). */
const FULL_NOTE = hostile(NOTE_MAX);
/** What must never appear unescaped in text Slack renders. */
const FORBIDDEN = ['<!channel>', '<!here>', '<!everyone>', '<@U0ADMIN>', '<#C0G1>', '<https://evil.example'];

let h: Harness;
beforeAll(async () => {
  const plan = {
    code: 'PX',
    title: `${MARKUP} ${'深化改革'.repeat(200)}`,
    domain: 'economic' as const,
    group: 'G1' as const,
    leadDepartment: DEPARTMENTS.ndrc,
    items: [
      {
        code: '1',
        title: `${MARKUP} ${EMOJI} ${'推进'.repeat(400)}`,
        dueOn: '2016-06-20',
        status: 'not_started' as const,
        departments: [DEPARTMENTS.ndrc],
      },
    ],
  };
  h = await startHarness({ plans: [...BASE_PLANS, plan], office: { digestChannel: true } });
  await h.setLocale(PEOPLE.g1Leader, 'en-US');
});
afterAll(async () => {
  await h.close();
});

describe('hostile notes are kept whole and shown inert', () => {
  it(`through /reform update: a short hostile note, then ${NOTE_MAX} characters kept whole; 10,000 are refused`, async () => {
    const item = itemOf(h.db, 'PX#1');
    const first = await h.slash(PEOPLE.ndrcMember, `update PX#1 done ${SHORT_NOTE}`);
    expect(first.shown).toContain('&lt;!channel&gt;'); // shown, escaped
    // One note limit on every path (issue 11): the command refuses what the form refuses.
    const refused = await h.slash(PEOPLE.ndrcMember, `update PX#1 started ${LONG_NOTE}`);
    expect(refused.shown).toBe(`说明共 10000 字，最多保留 ${NOTE_MAX} 字，未作改动。请删减后重新发送。`);
    const long = await h.slash(PEOPLE.ndrcMember, `update PX#1 started ${FULL_NOTE}`);
    expect(long.shown).toContain('PX#1');
    const notes = historyOf(h.db, item.id).map((r) => r.note);
    expect(notes).toEqual([SHORT_NOTE, FULL_NOTE]);
    expect(codePoints(notes[1] ?? '')).toBe(NOTE_MAX);
    expect(itemOf(h.db, 'PX#1').note).toBe(FULL_NOTE);
  });

  it(`through the modal: ${NOTE_MAX} characters are kept; 10,000 are refused with the count and the limit`, async () => {
    const item = itemOf(h.db, 'PX#1');
    const fits = hostile(NOTE_MAX);
    const ok = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      updateSubmission(h.db, { user: PEOPLE.g1Leader, ref: 'PX#1', status: 'done', note: fits, viewId: 'VHOSTILE1' }),
    );
    expect(ok.body).toBe('');
    expect(historyOf(h.db, item.id).at(-1)?.note).toBe(fits);
    await h.standIn.waitFor('chat.postMessage', (c) => c.args.channel === PEOPLE.g1Leader);

    const before = historyOf(h.db, item.id);
    const tooLong = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      updateSubmission(h.db, {
        user: PEOPLE.g1Leader,
        ref: 'PX#1',
        status: 'started',
        note: LONG_NOTE,
        viewId: 'VHOSTILE2',
      }),
    );
    expect(JSON.stringify(tooLong.json)).toContain(`The note has 10000 characters; at most ${NOTE_MAX} are kept.`);
    expect(historyOf(h.db, item.id)).toEqual(before);
    // Back to the longest note kept for the views below.
    await h.slash(PEOPLE.ndrcMember, `update PX#1 started ${FULL_NOTE}`);
  });

  it('are shown on the card, the plan file, mine, the modal and App Home', async () => {
    for (const [who, text] of [
      [PEOPLE.ndrcMember, 'item PX#1'],
      [PEOPLE.g1Leader, 'item PX#1'],
      [PEOPLE.ndrcMember, 'plan PX'],
      [PEOPLE.ndrcMember, 'mine'],
      [PEOPLE.g1Leader, 'mine'],
    ] as const) {
      expect((await h.slash(who, text)).shown).toContain('PX');
    }
    await h.slashRaw(PEOPLE.ndrcMember, 'update PX#1');
    await h.standIn.waitFor('views.open');
    for (const user of [PEOPLE.ndrcMember, PEOPLE.g1Leader, PEOPLE.admin]) {
      await postEvent(h.baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: user }));
      await h.standIn.waitFor('views.publish', (c) => c.args.user_id === user);
    }
  });

  it('and the ledger titles around them are inert in reminders and the digest', async () => {
    const ctx = { db: h.db, now: NOW, config: h.deps.config, calendar: WEEKENDS_ONLY };
    expect(runReminders(ctx).queued).toBeGreaterThan(0);
    expect(runDigest(ctx).queued).toBeGreaterThan(0);
    const clock = new FakeClock(NOW.getTime());
    const report = await testDispatcher(h.db, recordingPoster(h.standIn, clock).post, clock, { pacingMs: 0 }).drain(
      60_000,
    );
    expect(report.failed).toBe(0);
    const reminder = h.standIn
      .callsTo('chat.postMessage')
      .find((c) => c.args.channel === PEOPLE.ndrcMember && JSON.stringify(c.args.blocks).includes('PX'));
    expect(reminder).toBeDefined();
    expect(h.standIn.callsTo('chat.postMessage').some((c) => c.args.channel === 'C0DIGEST')).toBe(true);
  });

  it('a docking-arrangement note of 1,000 characters of & and < is kept whole; its confirmation is cut cleanly', async () => {
    const r = registerCentralPlan(
      h.db,
      { title: `${MARKUP} 中央方案`, passedOn: '2016-06-29', groupCode: 'G1', createdBy: PEOPLE.admin },
      { now: NOW, timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    if (r.kind === 'invalid') throw new Error('fixture');
    const note = `${'&<'.repeat(499)}🇨🇳`; // 1,000 code points; 4,990 once escaped
    expect(codePoints(note)).toBe(ARRANGEMENT_NOTE_MAX);
    const values = {
      [ARRANGEMENT_BLOCKS.lead]: { value: stateValue.text(`${MARKUP} 省发改委`) },
      [ARRANGEMENT_BLOCKS.drafts]: { value: stateValue.radio('no') },
      [ARRANGEMENT_BLOCKS.target]: { value: stateValue.date(null) },
      [ARRANGEMENT_BLOCKS.note]: { value: stateValue.text(note) },
    };
    const res = await postInteraction(
      h.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.g1Liaison,
        callback_id: VIEWS.followupArrangement,
        private_metadata: encodeArrangementMetadata({ centralPlanId: r.id }),
        values,
      }),
    );
    expect(res.body).toBe('');
    expect(h.db.select().from(centralPlans).where(eq(centralPlans.id, r.id)).get()?.arrangementNote).toBe(note);
    // The liaison's DMs also hold the review request for PX#1 marked done above (README "Review of claimed results").
    const told = await h.standIn.waitFor(
      'chat.postMessage',
      (c) => c.args.channel === PEOPLE.g1Liaison && !JSON.stringify(c.args.blocks).includes('review-request'),
    );
    expect(JSON.stringify(told.args.blocks)).toContain('&amp;&lt;&amp;&lt;');
  });

  it('every payload sent to Slack: no live markup from that text, within limits, valid UTF-16', () => {
    const calls = sentCalls(h.standIn);
    const methods = new Set(calls.map((c) => c.method));
    for (const m of ['response_url', 'views.open', 'views.publish', 'chat.postMessage']) expect(methods).toContain(m);
    const shown = calls.flatMap((c) => mrkdwnTexts(c.args)).join('\n');
    expect(shown).toContain('&lt;!channel&gt;'); // the hostile text did reach Slack, escaped
    expect(shown).toContain('👨‍👩‍👧‍👦');
    expect(markupFound(shown, FORBIDDEN)).toEqual([]);
    expect(calls.flatMap(callProblems)).toEqual([]);
  });
});
