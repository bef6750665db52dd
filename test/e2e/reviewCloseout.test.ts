// REVIEW_REQUIRED_FOR_CLOSEOUT end to end (README "Review of claimed results"): with the setting
// on, a plan whose last item is marked done in Slack is proposed for close-out only after the
// liaison confirmed that claim with the button on the request the dispatcher delivered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/blocks/ids.ts';
import { outbox } from '../../src/db/schema.ts';
import { runCloseout } from '../../src/jobs/closeout.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { DEPARTMENTS, PEOPLE, type SeedPlan } from '../support/office.ts';
import { blockActions, type Json } from '../support/payloads.ts';
import { postInteraction } from '../support/signedRequest.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/workspace.ts';

const PLAN: SeedPlan = {
  code: 'P9',
  title: '关于深化行政审批制度改革的实施方案',
  domain: 'economic',
  group: 'G1',
  leadDepartment: DEPARTMENTS.ndrc,
  items: [
    {
      code: '1',
      title: '公布省级行政审批事项目录',
      dueOn: '2016-06-01',
      status: 'done',
      departments: [DEPARTMENTS.ndrc],
    },
    { code: '2', title: '取消非行政许可审批', dueOn: '2016-07-01', status: 'started', departments: [DEPARTMENTS.ndrc] },
  ],
};

let h: Harness;
afterEach(() => h.close());

const log = createLogger({ level: 'silent' });
const proposals = () =>
  h.db
    .select()
    .from(outbox)
    .all()
    .filter((r) => r.kind === 'closeout.proposal');
const closeoutRun = () =>
  runCloseout({ db: h.db, now: h.deps.now(), config: h.deps.config, calendar: h.deps.calendar });

async function confirmFromRequest(userId: string, itemCode: string) {
  await createDispatcher({
    db: h.db,
    post: createSlackPoster({ token: BOT_TOKEN, apiUrl: h.standIn.url }, log),
    log,
    defaultLocale: 'zh-CN',
    pacingMs: 0,
    now: h.deps.now,
  }).drain(5_000);
  const call = await h.standIn.waitFor(
    'chat.postMessage',
    (c) => c.args.channel === userId && String(c.args.text).includes(`P9#${itemCode}`),
  );
  const blocks = call.args.blocks as Json[];
  const actions = blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; value: string }[] };
  const value = actions.elements.find((e) => e.action_id === ACTIONS.reviewConfirm)?.value as string;
  await postInteraction(
    h.baseUrl,
    SIGNING_SECRET,
    blockActions({
      user_id: userId,
      action_id: ACTIONS.reviewConfirm,
      value,
      source: { kind: 'message', channel_id: `D${userId}`, blocks, text: String(call.args.text) },
      response_url: h.standIn.responseUrl(`confirm-${itemCode}`),
    }),
  );
  await h.standIn.waitFor('response_url', (c) => c.responseUrlId === `confirm-${itemCode}`);
}

describe('close-out with REVIEW_REQUIRED_FOR_CLOSEOUT', () => {
  beforeEach(async () => {
    h = await startHarness({ plans: [PLAN], env: { REVIEW_REQUIRED_FOR_CLOSEOUT: 'true' } });
  });

  it('waits for the liaison to confirm every item (the imported one from its card), then proposes the plan', async () => {
    await h.slash(PEOPLE.ndrcMember, 'update P9#2 done 已取消');
    expect(closeoutRun().queued).toBe(0);
    await confirmFromRequest(PEOPLE.g1Liaison, '2');
    // P9#1 was imported as done: nobody was asked, and it is not confirmed yet.
    expect(closeoutRun().queued).toBe(0);
    expect(proposals()).toHaveLength(0);
    const card = await h.slash(PEOPLE.g1Liaison, 'item P9#1');
    const raw = (card.blocks as Json[])
      .flatMap((b) => (b.elements as { action_id?: string; value?: string }[] | undefined) ?? [])
      .find((e) => e.action_id === ACTIONS.reviewConfirm)?.value;
    expect(raw).toBeDefined();
    await h.click(PEOPLE.g1Liaison, ACTIONS.reviewConfirm, raw as string);
    expect(closeoutRun().queued).toBe(1);
    expect(proposals().map((p) => p.target)).toEqual([PEOPLE.admin]);
  });
});

describe('close-out by default', () => {
  beforeEach(async () => {
    h = await startHarness({ plans: [PLAN] });
  });

  it('proposes the plan as soon as every item is reported done', async () => {
    await h.slash(PEOPLE.ndrcMember, 'update P9#2 done 已取消');
    expect(closeoutRun().queued).toBe(1);
  });
});
