// The whole follow-up flow with the real outbox dispatcher: the job queues the prompt, the
// dispatcher posts it to the stand-in, the liaison answers through the HTTP receiver, and the
// confirmation lands in the thread of the prompt Slack actually posted. The digest's replies land
// in its parent's thread the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import type { Db } from '../../src/db/client.ts';
import { CN_CALENDAR } from '../../src/domain/calendars/cn.ts';
import { runDigest } from '../../src/jobs/digest.ts';
import { runFollowups } from '../../src/jobs/followups.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { registerCentralPlan } from '../../src/store/centralPlans.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { jobContext, memoryDb } from '../support/jobs.ts';
import { ADMINS, CHANNELS, PEOPLE, seedOrg } from '../support/office.ts';
import { blockActions, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import type { StandIn } from '../support/slackStandIn.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

const log = createLogger({ level: 'silent' });
let standIn: StandIn;
let running: Harness;
let db: Db;

beforeAll(async () => {
  db = memoryDb();
  seedOrg(db, { secondAdmin: true, unstaffedG2: true, digestChannel: true });
  running = await startHarness({ db, calendar: CN_CALENDAR, now: () => new Date('2026-09-25T10:00:00+08:00') });
  standIn = running.standIn;
});
afterAll(async () => {
  await running.close();
});

const dispatch = () =>
  createDispatcher({
    db,
    post: createSlackPoster({ token: BOT_TOKEN, apiUrl: standIn.url }, log),
    log,
    defaultLocale: 'zh-CN',
    pacingMs: 0,
  }).drain(5_000);

describe('follow-up and digest through the dispatcher', () => {
  it('confirms the answer in the thread of the prompt as Slack posted it', async () => {
    const plan = registerCentralPlan(
      db,
      { title: '关于深化国有企业改革的指导意见', passedOn: '2026-09-24', groupCode: 'G1', createdBy: ADMINS[0] },
      { now: new Date('2026-09-24T10:00:00+08:00'), timeZone: 'Asia/Shanghai', deadlineDays: 3 },
    );
    if (plan.kind === 'invalid') throw new Error('fixture');
    runFollowups(jobContext(db, '2026-09-24T10:15:00+08:00'));
    const report = await dispatch();
    expect(report).toMatchObject({ sent: 4, failed: 0 });
    const prompt = standIn.callsTo('chat.postMessage').find((c) => c.args.channel === CHANNELS.g1);
    expect(prompt).toBeDefined();

    await postInteraction(
      running.baseUrl,
      SIGNING_SECRET,
      blockActions({
        user_id: PEOPLE.g1Liaison,
        action_id: ACTIONS.followupArrangement,
        value: String(plan.id),
        source: { kind: 'message', channel_id: `D${PEOPLE.g1Liaison}` },
      }),
    );
    const open = await standIn.waitFor('views.open');
    const view = open.args.view as { private_metadata: string };
    await postInteraction(
      running.baseUrl,
      SIGNING_SECRET,
      viewSubmission({
        user_id: PEOPLE.g1Liaison,
        callback_id: VIEWS.followupArrangement,
        private_metadata: view.private_metadata,
        values: {
          lead_department: { value: stateValue.text('省国资委') },
          drafts_plan: { value: stateValue.radio('yes') },
          target_on: { value: stateValue.date('2026-12-31') },
          note: { value: stateValue.text(null) },
        },
      }),
    );
    const inThread = await standIn.waitFor('chat.postMessage', (c) => c.args.thread_ts !== undefined);
    // the ts Slack answered when the dispatcher posted the channel prompt
    const promptTs = db.$client
      .prepare("select sent_ts from outbox where kind = 'followup.prompt.channel'")
      .pluck()
      .get();
    expect(promptTs).toMatch(/^\d+\.\d{6}$/);
    expect(inThread.args).toMatchObject({ channel: CHANNELS.g1, thread_ts: promptTs });
    // answered from a DM: the person is told there too
    await standIn.waitFor(
      'chat.postMessage',
      (c) =>
        c.args.channel === PEOPLE.g1Liaison &&
        c.args.thread_ts === undefined &&
        JSON.stringify(c.args.blocks).includes('省国资委'),
    );
  });

  it('posts the digest replies in the thread of its parent', async () => {
    runDigest(jobContext(db, '2026-09-28T09:00:00+08:00'));
    const report = await dispatch();
    expect(report.failed).toBe(0);
    const posts = standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === CHANNELS.digest);
    const [parent, ...replies] = posts;
    expect(parent?.args.thread_ts).toBeUndefined();
    expect(replies.length).toBe(8); // six topics and the two rankings (README "Ranking")
    const parentTs = db.$client
      .prepare("select sent_ts from outbox where idempotency_key like 'digest:%:parent:%'")
      .pluck()
      .get();
    for (const r of replies) expect(r.args.thread_ts).toBe(parentTs);
    // and the progress chart, shared in the same thread (README "Progress chart")
    const shared = standIn.callsTo('files.completeUploadExternal');
    expect(shared.map((c) => [c.args.channel_id, c.args.thread_ts])).toEqual([[CHANNELS.digest, parentTs]]);
  });
});
