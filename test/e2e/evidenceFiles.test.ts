// Evidence files end to end (README "Evidence files"), in both languages: the update form
// submitted with two files through the real Bolt HTTP receiver (signed requests), the files kept
// with the change in the history, shown on the card (`/reform item`), in the confirmation and in
// the round self-check opened from its button; a redelivered submission stores them once.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { encodeRoundButton } from '../../src/blocks/messages/roundSelfCheckPrompt.ts';
import { encodeMetadata, itemBlockId, UPDATE_BLOCKS, UPDATE_INPUTS } from '../../src/blocks/modals/itemUpdate.ts';
import { itemEvidenceFiles, itemHistory, items, userLocales } from '../../src/db/schema.ts';
import { LOCALES, type Locale } from '../../src/domain/types.ts';
import { translator } from '../../src/i18n/index.ts';
import { createRound, type RoundRow } from '../../src/store/rounds.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { fileInputValue, slackFile } from '../support/evidenceFiles.ts';
import { PEOPLE } from '../support/office.ts';
import { HOME_PLANS, type HomeOffice, homeOfficeIds } from '../support/officePlans.ts';
import { blockActions, type StateValues, stateValue, viewSubmission } from '../support/payloads.ts';
import { postInteraction, postSlashCommand } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

/** The whole app over the office seeded with HOME_PLANS, and the ids the tests refer to. */
type Bot = Harness & { office: HomeOffice };
let bot: Bot;
let round: RoundRow;
beforeAll(async () => {
  const harness = await startHarness({ plans: HOME_PLANS });
  bot = Object.assign(harness, { office: homeOfficeIds(harness.db, harness.seeded) });
  const created = createRound(bot.deps.db, {
    kind: 'year-end',
    asOf: '2016-06-30',
    minAgeMonths: 6,
    createdBy: 'cli',
    now: bot.deps.now(),
  });
  if (created.kind !== 'created') throw new Error('round not created');
  round = created.round;
});
afterAll(() => bot.close());
beforeEach(() => {
  bot.standIn.reset();
  bot.deps.db.delete(userLocales).run();
});

const post = (payload: Record<string, unknown>, retryNum?: number) =>
  postInteraction(bot.baseUrl, SIGNING_SECRET, payload, retryNum === undefined ? {} : { retryNum });

/** The zh-CN person marks P1#1 done, the English one P1#4: each item gets its own two files. */
const CASES: Record<Locale, { code: string; index: number; slackLocale: string; files: [string, string] }> = {
  'zh-CN': {
    code: '1',
    index: 0,
    slackLocale: 'zh-CN',
    files: ['川发改〔2016〕1号 <通知> & 附件.pdf', '现场照片.JPG'],
  },
  en: { code: '4', index: 3, slackLocale: 'en-US', files: ['Notice No.1 <final> & annex.pdf', 'site photo.jpg'] },
};

describe.each(LOCALES)('a form with two evidence files (%s)', (locale) => {
  const t = translator(locale);
  const c = CASES[locale];
  const itemId = () => bot.office.p1.itemIds[c.index] as number;
  const sent = [
    slackFile(`F0${locale === 'en' ? 'EN' : 'ZH'}DOC1`, c.files[0]),
    slackFile(`F0${locale === 'en' ? 'EN' : 'ZH'}IMG2`, c.files[1]),
  ];
  const viewId = `VFILES${locale === 'en' ? 'EN' : 'ZH'}`;

  const values = (): StateValues => ({
    [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(bot.office.p1.planId)) },
    [itemBlockId(bot.office.p1.planId)]: { [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(itemId())) },
    [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('done') },
    // No note: the files are the evidence.
    [UPDATE_BLOCKS.note]: { [UPDATE_INPUTS.note]: stateValue.text(null) },
    [UPDATE_BLOCKS.files]: { [UPDATE_INPUTS.files]: fileInputValue(sent) },
    [UPDATE_BLOCKS.outcome]: { [UPDATE_INPUTS.outcome]: stateValue.checkboxes([]) },
  });
  const submission = () =>
    viewSubmission({
      user_id: PEOPLE.ndrcMember,
      callback_id: VIEWS.itemUpdate,
      view_id: viewId,
      private_metadata: encodeMetadata({ planId: bot.office.p1.planId, itemId: itemId(), version: 1 }),
      values: values(),
    });
  const kept = () => bot.deps.db.select().from(itemEvidenceFiles).where(eq(itemEvidenceFiles.itemId, itemId())).all();
  const history = () => bot.deps.db.select().from(itemHistory).where(eq(itemHistory.itemId, itemId())).all();

  it('saves the item done with both files in its history; a redelivery stores them once and says nothing', async () => {
    bot.standIn.setUserLocale(PEOPLE.ndrcMember, c.slackLocale);
    const payload = submission();
    const first = await post(payload);
    expect([first.status, first.body]).toEqual([200, '']);
    expect(bot.deps.db.select().from(items).where(eq(items.id, itemId())).get()?.status).toBe('done');
    const [change] = history();
    expect(history()).toHaveLength(1);
    expect(change).toMatchObject({ field: 'status', toValue: 'done', actor: PEOPLE.ndrcMember, note: null });
    expect(kept()).toEqual([
      expect.objectContaining({
        historyId: change?.id,
        slackFileId: sent[0]?.id,
        name: c.files[0],
        permalink: sent[0]?.permalink,
        mimetype: 'application/pdf',
        size: 482113,
      }),
      expect.objectContaining({
        historyId: change?.id,
        slackFileId: sent[1]?.id,
        name: c.files[1],
        permalink: sent[1]?.permalink,
      }),
    ]);

    // The confirmation DM lists the files, linked, names escaped.
    const dm = await bot.standIn.waitFor('chat.postMessage', (call) => call.args.channel === PEOPLE.ndrcMember);
    const dmText = JSON.stringify(dm.args.blocks);
    expect(dmText).toContain(t('modal.confirm.files', { count: 2 }));
    expect(dmText).toContain(
      `<${sent[0]?.permalink}|${c.files[0].replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}>`,
    );

    // Slack delivers the same submission again: the change and its files are kept once, nothing sent.
    const confirmations = bot.standIn.callsTo('chat.postMessage').length;
    const retry = await post(payload, 1);
    expect([retry.status, retry.body]).toEqual([200, '']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(history()).toHaveLength(1);
    expect(kept()).toHaveLength(2);
    expect(bot.standIn.callsTo('chat.postMessage')).toHaveLength(confirmations);
  });

  it('/reform item shows the files on the card, linked and escaped, and the change that brought them', async () => {
    bot.standIn.setUserLocale(PEOPLE.stranger, c.slackLocale);
    const res = await postSlashCommand(bot.baseUrl, SIGNING_SECRET, {
      user_id: PEOPLE.stranger,
      channel_id: 'C0REFORM',
      text: `item P1#${c.code}`,
      response_url: bot.standIn.responseUrl(`card-${locale}`),
    });
    expect(res.status).toBe(200);
    const card = await bot.standIn.waitFor('response_url', (call) => call.responseUrlId === `card-${locale}`, 5000);
    const text = JSON.stringify(card.args.blocks);
    expect(text).toContain(t('evidence.titleCount', { count: 2 }));
    for (const [i, name] of c.files.entries()) {
      const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(text).toContain(`📎 <${sent[i]?.permalink}|${escaped}>`);
    }
    expect(text).toContain(t('evidence.changeFiles', { count: 2 }));
    expect(text).not.toContain('<通知>');
    expect(text).not.toContain('<final>');
  });

  it('the round self-check of the plan shows the files under the item’s code', async () => {
    bot.standIn.setUserLocale(PEOPLE.g1Liaison, c.slackLocale);
    const payload = blockActions({
      user_id: PEOPLE.g1Liaison,
      action_id: ACTIONS.roundSelfCheck,
      value: encodeRoundButton({ roundId: round.id, planId: bot.office.p1.planId }),
      source: { kind: 'message', channel_id: `D${PEOPLE.g1Liaison}` },
    });
    const res = await post(payload);
    expect(res.status).toBe(200);
    const open = await bot.standIn.waitFor('views.open', (call) => call.args.trigger_id === payload.trigger_id, 5000);
    const view = open.args.view as { callback_id: string; blocks: { type: string; text?: { text: string } }[] };
    expect(view.callback_id).toBe(VIEWS.roundSelfCheck);
    const text = view.blocks.map((b) => b.text?.text ?? '').join('\n');
    expect(text).toContain(t('round.modal.evidence'));
    for (const file of sent) expect(text).toContain(`\`${c.code}\` 📎 <${file.permalink}|`);
  });
});

describe('a form whose files are refused', () => {
  it('names the file that is not a document, photo or scan on the files field and saves nothing', async () => {
    bot.standIn.setUserLocale(PEOPLE.financeMember, 'en-US');
    const itemId = bot.office.p2.itemIds[0] as number;
    const before = bot.deps.db.select().from(itemEvidenceFiles).all().length;
    const res = await post(
      viewSubmission({
        user_id: PEOPLE.financeMember,
        callback_id: VIEWS.itemUpdate,
        private_metadata: encodeMetadata({ planId: bot.office.p2.planId, itemId, version: 1 }),
        values: {
          [UPDATE_BLOCKS.plan]: { [ACTIONS.updatePlanSelect]: stateValue.externalSelect(String(bot.office.p2.planId)) },
          [itemBlockId(bot.office.p2.planId)]: {
            [ACTIONS.updateItemSelect]: stateValue.externalSelect(String(itemId)),
          },
          [UPDATE_BLOCKS.status]: { [UPDATE_INPUTS.status]: stateValue.radio('done') },
          [UPDATE_BLOCKS.files]: {
            [UPDATE_INPUTS.files]: fileInputValue([slackFile('F0OK1', 'notice.pdf'), slackFile('F0BAD2', 'tool.exe')]),
          },
        },
      }),
    );
    const body = res.json as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors[UPDATE_BLOCKS.files]).toContain('tool.exe');
    expect(body.errors[UPDATE_BLOCKS.files]).toContain('Not a document, photo or scan: tool.exe.');
    expect(bot.deps.db.select().from(items).where(eq(items.id, itemId)).get()?.status).toBe('started');
    expect(bot.deps.db.select().from(itemEvidenceFiles).all()).toHaveLength(before);
  });
});
