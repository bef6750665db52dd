// /reform end to end: signed slash commands through the real HTTPReceiver, answers recorded by
// the Slack stand-in, every subcommand in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, VIEWS } from '../../src/blocks/ids.ts';
import { itemHistory, items } from '../../src/db/schema.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { PEOPLE } from '../support/office.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const LANGS = [
  {
    name: 'zh-CN',
    slack: 'zh-CN',
    words: {
      help: '帮助',
      item: '事项',
      update: '更新',
      plan: '方案',
      mine: '我的',
      stats: '统计',
      group: '小组',
      done: '已完成',
      started: '已启动未完成',
    },
  },
  {
    name: 'en',
    slack: 'en-US',
    words: {
      help: 'help',
      item: 'item',
      update: 'update',
      plan: 'plan',
      mine: 'mine',
      stats: 'stats',
      group: 'group',
      done: 'done',
      started: 'started',
    },
  },
] as const;

describe.each(LANGS)('/reform in $name', ({ name, slack, words }) => {
  const zh = name === 'zh-CN';
  const who = PEOPLE.g1Liaison;

  it("help: ephemeral, acknowledged with an empty 200, lists the subcommands in the person's language", async () => {
    await h.setLocale(who, slack);
    const a = await h.slash(who, words.help);
    expect(a.http.status).toBe(200);
    expect(a.http.body).toBe('');
    expect(a.ephemeral).toBe(true);
    expect(a.shown).toContain(zh ? '/reform 事项 P1#3' : '/reform item P1#3');
    expect(a.shown).toContain(zh ? '统计' : 'stats');
  });

  it('no text and an unknown subcommand answer with help and a note', async () => {
    await h.setLocale(who, slack);
    expect((await h.slash(who, '')).shown).toContain(zh ? '改革督察机器人' : 'reform-bot');
    const a = await h.slash(who, 'frobnicate <!channel>');
    expect(a.shown).toContain(zh ? '无法识别子命令 `frobnicate`' : "I don't know the subcommand `frobnicate`");
  });

  it('item: the card with plan, title, departments, due date, status, light and buttons', async () => {
    await h.setLocale(who, slack);
    const a = await h.slash(who, `${words.item} P1#1`);
    expect(a.ephemeral).toBe(true);
    expect(a.shown).toContain('P1#1 建立投资项目在线审批监管平台');
    expect(a.shown).toContain('关于深化投融资体制改革的实施意见');
    expect(a.shown).toContain(zh ? '省发改委、省财政厅' : '省发改委, 省财政厅');
    expect(a.shown).toContain('2016-06-20');
    expect(a.shown).toContain(zh ? '🔄 已启动未完成' : '🔄 started');
    // Due 2016-06-20 (Mon), today Thu 2016-06-30: eight working days lost.
    expect(a.shown).toContain(zh ? '🔴 已逾期 8 个工作日' : '🔴 8 working days overdue');
    const actions = a.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      ACTIONS.itemMarkDone,
      ACTIONS.itemOpenUpdate,
      ACTIONS.extensionOpen,
    ]);
  });

  it('item: yellow within N working days, green beyond', async () => {
    await h.setLocale(who, slack);
    expect((await h.slash(who, `${words.item} P1#2`)).shown).toContain(zh ? '🟡 即将到期' : '🟡 due soon');
    expect((await h.slash(who, `${words.item} P1#3`)).shown).toContain(zh ? '🟢 正常' : '🟢 on track');
  });

  it('item: a bad reference, an unknown plan and an unknown item each say what is wrong', async () => {
    await h.setLocale(who, slack);
    expect((await h.slash(who, `${words.item} P1`)).shown).toContain(
      zh ? '`P1` 不是事项编号' : '`P1` is not an item reference',
    );
    expect((await h.slash(who, `${words.item} P9#1`)).shown).toContain(
      zh ? '没有编号为 `P9` 的方案' : 'There is no plan `P9`',
    );
    expect((await h.slash(who, `${words.item} P1#99`)).shown).toContain(
      zh ? '方案 `P1` 中没有事项 `99`' : 'Plan `P1` has no item `99`',
    );
    expect((await h.slash(who, words.item)).shown).toContain(zh ? '请写明事项' : 'Name the item');
  });

  it('plan: header, counts, rates and every item with status and light', async () => {
    await h.setLocale(who, slack);
    const a = await h.slash(who, `${words.plan} P1`);
    expect(a.ephemeral).toBe(true);
    expect(a.shown).toContain(
      zh
        ? '落实情况档案 · P1 关于深化投融资体制改革的实施意见'
        : 'Implementation file · P1 关于深化投融资体制改革的实施意见',
    );
    expect(a.shown).toContain(zh ? '已完成 1（25.0%）' : 'done 1 (25.0%)');
    expect(a.shown).toContain(
      zh
        ? '🔴 *P1#1* 建立投资项目在线审批监管平台 — 截止 2016-06-20 — 🔄 已启动未完成'
        : '🔴 *P1#1* 建立投资项目在线审批监管平台 — due 2016-06-20 — 🔄 started',
    );
    expect(a.shown).toContain('🟢 *P1#4*');
    expect(a.blocks.some((b) => b.type === 'actions')).toBe(false); // one page only
    expect((await h.slash(who, `${words.plan} P404`)).shown).toContain(
      zh ? '没有编号为 `P404` 的方案' : 'There is no plan `P404`',
    );
  });

  it("mine: a liaison sees the group's items of open plans, red first; a stranger has none", async () => {
    await h.setLocale(who, slack);
    const a = await h.slash(who, words.mine);
    const lines = a.shown.split('\n').filter((l) => /^[🔴🟡🟢]/u.test(l));
    expect(lines.map((l) => /\*(P\d#\d)\*/.exec(l)?.[1])).toEqual(['P1#1', 'P1#2', 'P1#3', 'P1#4']);
    expect(a.shown).not.toContain('P3#1'); // closed out
    await h.setLocale(PEOPLE.stranger, slack);
    expect((await h.slash(PEOPLE.stranger, words.mine)).shown).toContain(
      zh ? '没有通过所在单位' : 'No items of open plans',
    );
  });

  it('mine: a department member sees the items of the department, across groups', async () => {
    await h.setLocale(PEOPLE.financeMember, slack);
    const a = await h.slash(PEOPLE.financeMember, words.mine);
    const refs = [...a.shown.matchAll(/\*(P\d#\d)\*/g)].map((m) => m[1]);
    expect(refs).toEqual(['P1#1', 'P1#2']);
  });

  it('stats: overall headline and every domain; by group with group names', async () => {
    await h.setLocale(who, slack);
    const a = await h.slash(who, words.stats);
    expect(a.shown).toContain(zh ? '*总体：3 个方案，6 个事项*' : '*Overall: 3 plans, 6 items*');
    expect(a.shown).toContain(zh ? '✅ 已完成 2（33.3%）' : '✅ done 2 (33.3%)');
    expect(a.shown).toContain(zh ? '生态文明体制' : 'Ecological civilisation');
    const g = await h.slash(who, `${words.stats} ${words.group}`);
    expect(g.shown).toContain('G1 经济体制改革专项小组');
    expect(g.shown).toContain('G2 社会体制改革专项小组');
    expect((await h.slash(who, `${words.stats} planets`)).shown).toContain('`planets`');
  });

  it('update one-line: applies, confirms above the new card, and writes one history row', async () => {
    await h.setLocale(PEOPLE.ndrcMember, slack);
    const before = h.db.select().from(itemHistory).all().length;
    const a = await h.slash(
      PEOPLE.ndrcMember,
      `${words.update} P1#3 ${words.done} ${zh ? '已印发文件' : 'decree issued'}`,
    );
    expect(a.ephemeral).toBe(true);
    expect(a.shown).toContain(
      zh ? '已更新 P1#3：🔄 已启动未完成 → ✅ 已完成。' : 'Updated P1#3: 🔄 started → ✅ done.',
    );
    expect(a.shown).toContain(`<@${PEOPLE.ndrcMember}>`);
    expect(a.shown).toContain(zh ? '已印发文件' : 'decree issued');
    const rows = h.db.select().from(itemHistory).all();
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      field: 'status',
      fromValue: 'started',
      toValue: 'done',
      actor: PEOPLE.ndrcMember,
      source: 'slack',
    });
    // Put it back for the other language.
    const again = await h.slash(PEOPLE.ndrcMember, `${words.update} P1#3 ${words.started}`);
    expect(again.shown).toContain(zh ? '✅ 已完成 → 🔄 已启动未完成' : '✅ done → 🔄 started');
  });

  it('update one-line: the same status again changes nothing and says so', async () => {
    await h.setLocale(PEOPLE.ndrcMember, slack);
    const before = h.db.select().from(itemHistory).all().length;
    const a = await h.slash(PEOPLE.ndrcMember, `${words.update} P1#3 ${words.started}`);
    expect(a.shown).toContain(
      zh ? 'P1#3 已经是 🔄 已启动未完成，未做修改。' : 'P1#3 is already 🔄 started; nothing was changed.',
    );
    expect(h.db.select().from(itemHistory).all().length).toBe(before);
  });

  it('update one-line: bad reference, unknown item and unknown status are named', async () => {
    await h.setLocale(who, slack);
    expect((await h.slash(who, `${words.update} P1-3 done`)).shown).toContain('`P1-3`');
    expect((await h.slash(who, `${words.update} P1#77 done`)).shown).toContain('`77`');
    const bad = await h.slash(who, `${words.update} P1#3 finished`);
    expect(bad.shown).toContain(zh ? '`finished` 不是有效状态' : '`finished` is not a status');
  });

  it('update without a status opens the modal, prefilled when an item is named', async () => {
    await h.setLocale(who, slack);
    h.standIn.reset();
    await h.setLocale(who, slack);
    await h.slashRaw(who, words.update);
    const blank = await h.standIn.waitFor('views.open');
    expect((blank.args.view as { callback_id: string }).callback_id).toBe(VIEWS.itemUpdate);
    h.standIn.reset();
    await h.setLocale(who, slack);
    await h.slashRaw(who, `${words.update} P1#2`);
    const prefilled = await h.standIn.waitFor('views.open');
    expect(JSON.stringify(prefilled.args.view)).toContain('制定政府投资管理办法');
    expect(h.standIn.callsTo('response_url')).toHaveLength(0);
  });

  it('update of an unknown item does not open the modal', async () => {
    h.standIn.reset();
    await h.setLocale(who, slack);
    const a = await h.slash(who, `${words.update} P1#404`);
    expect(a.shown).toContain('`404`');
    expect(h.standIn.callsTo('views.open')).toHaveLength(0);
  });
});

describe('escaping', () => {
  it('a note with <!channel> is stored as typed and shown escaped on the card', async () => {
    await h.setLocale(PEOPLE.admin, 'en-US');
    const a = await h.slash(PEOPLE.admin, 'update P2#1 started <!channel> please look & <@U999|boss>');
    expect(a.shown).toContain('&lt;!channel&gt; please look &amp; &lt;@U999|boss&gt;');
    expect(a.shown).not.toContain('<!channel>');
    expect(a.shown).not.toContain('<@U999');
    const item = h.db
      .select()
      .from(items)
      .all()
      .find((i) => i.note?.includes('please look'));
    expect(item?.note).toBe('<!channel> please look & <@U999|boss>');
  });
});
