// App Home end to end: app_home_opened (signed Events API request into the real app) publishes
// the right sections for a department member, a group leader and an office admin, in both languages.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS, decodeItemButton } from '../../src/blocks/ids.ts';
import { userLocales } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';
import { HOME_PLANS, type HomeOffice, homeOfficeIds } from '../support/officePlans.ts';
import { appHomeOpened } from '../support/payloads.ts';
import { postEvent } from '../support/signedRequest.ts';
import { SIGNING_SECRET } from '../support/workspace.ts';

type Block = {
  type: string;
  text?: { text: string };
  elements?: { text: string }[];
  accessory?: { action_id: string; value: string; text: { text: string } };
};

/** The whole app over the office seeded with HOME_PLANS, and the ids the tests refer to. */
type Bot = Harness & { office: HomeOffice };
let bot: Bot;
beforeAll(async () => {
  const harness = await startHarness({ plans: HOME_PLANS });
  bot = Object.assign(harness, { office: homeOfficeIds(harness.db, harness.seeded) });
});
afterAll(() => bot.close());
// The stand-in forgets its users' locales, so the bot must forget what it cached from them.
beforeEach(() => {
  bot.standIn.reset();
  bot.deps.db.delete(userLocales).run();
});

async function openHome(userId: string, locale: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Block[]> {
  bot.standIn.setUserLocale(userId, locale);
  const res = await postEvent(bot.baseUrl, SIGNING_SECRET, appHomeOpened({ user_id: userId }));
  expect(res.status).toBe(200);
  const call = await bot.standIn.waitFor('views.publish', (c) => c.args.user_id === userId);
  const view = call.args.view as { type: string; blocks: Block[] };
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  return view.blocks;
}

const texts = (blocks: Block[]) =>
  blocks.map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '').join('\n');
const buttons = (blocks: Block[]) =>
  blocks.flatMap((b) => (b.accessory?.action_id === ACTIONS.itemOpenUpdate ? [b.accessory] : []));

describe('app_home_opened', () => {
  it('a department member sees their items by light, most urgent first, with update buttons; no group or office sections', async () => {
    const blocks = await openHome(PEOPLE.ndrcMember);
    const text = texts(blocks);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: '改革督察' } });
    expect(text).toContain('我负责的事项');
    // P1#1 red, P1#3 yellow, P1#4 green (P3 is done: its items count, none is listed).
    expect(text).toContain('共 5 项：🔴 已逾期 1 · 🟡 即将到期 1 · 🟢 正常 3（已完成 2）');
    const ids = buttons(blocks).map((b) => decodeItemButton(b.value)?.itemId);
    expect(ids).toEqual([bot.office.p1.itemIds[0], bot.office.p1.itemIds[2], bot.office.p1.itemIds[3]]);
    expect(buttons(blocks)[0]?.text.text).toBe('更新');
    expect(text).toContain('&lt;!channel&gt;');
    expect(text).not.toContain('<!channel>');
    expect(text).not.toContain('改革办总览');
    expect(text).not.toContain('经济体制改革专项小组');
  });

  it('in English for an en-US member', async () => {
    const blocks = await openHome(PEOPLE.financeMember, 'en-US');
    const text = texts(blocks);
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'Reform supervision' } });
    expect(text).toContain('My items');
    expect(text).toContain('overdue');
    expect(buttons(blocks)[0]?.text.text).toBe('Update');
    expect(text).not.toMatch(/[我负责]/);
  });

  it('a group leader also sees the group’s plans with counts, rate and bar', async () => {
    const blocks = await openHome(PEOPLE.g1Leader);
    const text = texts(blocks);
    expect(text).toContain('*G1 经济体制改革专项小组* · 您是组长');
    expect(text).toContain('未销账方案 2 个 · 事项 6 项 · 已完成 3 项（50.0%）· 🔴 1 · 🟡 1');
    expect(text).toMatch(/\*P1\* 关于深化投融资体制改革的实施意见 {2}`▓▓░░░░░░░░ 25\.0%` 1\/4 {2}🔴 1 🟡 1/);
    expect(text).toMatch(/\*P3\* 国有企业公司制改革方案 {2}`▓▓▓▓▓▓▓▓▓▓ 100\.0%` 2\/2/);
    expect(text).not.toContain('改革办总览');
  });

  it('in English for an en-US deputy', async () => {
    const text = texts(await openHome(PEOPLE.g1Deputy, 'en-US'));
    expect(text).toContain('you are deputy');
    expect(text).toContain('2 open plans · 6 items · 3 done (50.0%)');
  });

  it('an office admin sees the overall figures and the plans ready to close', async () => {
    const blocks = await openHome(PEOPLE.admin);
    const text = texts(blocks);
    expect(blocks.some((b) => b.type === 'header' && b.text?.text === '改革办总览')).toBe(true);
    expect(text).toContain('方案 3 个 · 事项 8 项');
    expect(text).toContain('✅ 已完成 3（37.5%）· 🔄 已启动未完成 3（37.5%）· ⬜ 未启动 2（25.0%）');
    expect(text).toContain('可销账方案（1 个）');
    expect(text).toContain('*P3* 国有企业公司制改革方案 — 2 项全部完成');
    expect(text).toContain('您所在的单位和专项小组目前没有分配给您的事项。');
  });

  it('in English for an en-US admin', async () => {
    const text = texts(await openHome(PEOPLE.admin, 'en-US'));
    expect(text).toContain('Office overview');
    expect(text).toContain('Plans ready to close (1)');
    expect(text).toContain('all 2 items done');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    const res = await postEvent(
      bot.baseUrl,
      SIGNING_SECRET,
      appHomeOpened({ user_id: PEOPLE.ndrcMember, tab: 'messages' }),
    );
    expect(res.status).toBe(200);
    await expect(bot.standIn.waitFor('views.publish', undefined, 300)).rejects.toThrow(/no matching views\.publish/);
  });
});
