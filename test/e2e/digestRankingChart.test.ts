// The ranking's movement over two weeks and the progress chart, end to end: items are marked done
// through signed /reform commands at fixed instants, the digest job runs on two Mondays, the real
// dispatcher posts its thread to the Slack stand-in and uploads the chart there
// (files.getUploadURLExternal, the bytes, files.completeUploadExternal); the PNG is decoded here.
// When the upload fails the digest still goes out and the admins are told once. Both languages.
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { runDigest } from '../../src/jobs/digest.ts';
import { createLogger } from '../../src/log.ts';
import { createDispatcher } from '../../src/outbox/dispatcher.ts';
import { createSlackPoster } from '../../src/slackApi/slackPoster.ts';
import { type Harness, startHarness } from '../support/appHarness.ts';
import { CHANNELS, DEPARTMENTS, PEOPLE } from '../support/office.ts';
import { AUDIT, RANKING_PLANS } from '../support/rankingOffice.ts';
import { textsOf } from '../support/slackLimits.ts';
import type { RecordedCall } from '../support/slackStandIn.ts';
import { BOT_TOKEN } from '../support/workspace.ts';

const log = createLogger({ level: 'silent' });
let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function office(locale: 'zh-CN' | 'en') {
  let clock = new Date('2016-06-18T03:00:00Z');
  h = await startHarness({
    plans: RANKING_PLANS,
    office: { digestChannel: true },
    env: { REFORM_LOCALE: locale },
    now: () => clock,
  });
  const harness = h;
  // P1#5 had an approved extension: due 09-30 now, 06-24 originally.
  harness.db.$client
    .prepare(
      "update items set original_due_on = '2016-06-24' where code = '5' and plan_id = (select id from plans where code = 'P1')",
    )
    .run();
  return {
    harness,
    /** `/reform update <ref> done <note>` by the office admin at `iso`. */
    async done(ref: string, iso: string) {
      clock = new Date(iso);
      const answer = await harness.slash(PEOPLE.admin, `update ${ref} done 已印发实施细则`);
      expect(answer.shown).not.toMatch(/失败|failed|refused/i);
    },
    /** The digest job at 09:00 Shanghai on `day`, then the dispatcher sends everything due. */
    async digest(day: string) {
      clock = new Date(`${day}T01:00:00Z`);
      const { deps } = harness;
      runDigest({ db: harness.db, now: clock, config: deps.config, calendar: deps.calendar });
      return createDispatcher({
        db: harness.db,
        post: createSlackPoster({ token: BOT_TOKEN, apiUrl: harness.standIn.url }, log),
        log,
        defaultLocale: locale,
        pacingMs: 0,
        baseBackoffMs: 5,
        now: () => clock,
        // Waits (backoff, Retry-After) pass at once on the test's clock.
        sleep: async (ms: number) => {
          clock = new Date(clock.getTime() + ms);
        },
      }).drain(60_000);
    },
  };
}

const postsTo = (h: Harness, channel: string) =>
  h.standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && !c.fault);
const shown = (c: RecordedCall) => textsOf(c.args.blocks).join('\n');

/** The digest thread of the week: its parent and replies as Slack got them. */
function thread(h: Harness, period: string) {
  const parent = postsTo(h, CHANNELS.digest).find((c) => shown(c).includes(period) && c.args.thread_ts === undefined);
  if (!parent) throw new Error(`no digest parent for ${period}`);
  // The ts Slack answered for the parent, as the dispatcher recorded it.
  const parentTs = h.db.$client
    .prepare('select sent_ts from outbox where idempotency_key = ?')
    .pluck()
    .get(`digest:${CHANNELS.digest}:parent:${period}`) as string;
  const replies = postsTo(h, CHANNELS.digest).filter((c) => c.args.thread_ts === parentTs);
  return { parent: shown(parent), parentTs, replies: replies.map(shown) };
}

const WORDS = {
  'zh-CN': {
    departments: '*动态排名 · 按责任单位（按期完成率）*',
    line: (rank: number, name: string, rate: string, due: number, onTime: number, overdue: number, move: string) =>
      `${rank}. *${name}* ${rate}%（到期 ${due} 项，按期完成 ${onTime} 项）· 逾期 ${overdue} 项 · ${move}`,
    new: '新',
    forecast: '进度预测：共 8 项，已完成 3 项，剩余 5 项；近四周平均每周完成 0.8 项，按此进度预计 2016-08-20 全部完成',
    told: 'files:write',
  },
  en: {
    departments: '*Ranking by responsible department (on-time completion)*',
    line: (rank: number, name: string, rate: string, due: number, onTime: number, overdue: number, move: string) =>
      `${rank}. *${name}* ${rate}% (${onTime} of ${due} due done on time) · ${overdue} overdue · ${move}`,
    new: 'new',
    forecast:
      'Forecast: 3 of 8 done, 5 to go; 0.8 a week over the last four weeks, all done by 2016-08-20 at that pace',
    told: 'files:write',
  },
} as const;

describe.each(['zh-CN', 'en'] as const)('digest ranking and chart through Slack (%s)', (locale) => {
  const w = WORDS[locale];

  it('ranks with the movement over two weeks and uploads the chart into each digest thread', async () => {
    const o = await office(locale);
    await o.done('P1#1', '2016-06-18T03:00:00Z'); // on time
    await o.done('P1#4', '2016-06-19T03:00:00Z'); // on time
    expect(await o.digest('2016-06-27')).toMatchObject({ failed: 0, pending: 0 });

    const week1 = thread(o.harness, '2016-W26');
    const ranking1 = week1.replies.find((r) => r.startsWith(w.departments)) ?? '';
    expect(ranking1).toContain(w.line(1, DEPARTMENTS.ndrc, '100.0', 1, 1, 0, '—'));
    expect(ranking1).toContain(w.line(2, DEPARTMENTS.finance, '50.0', 2, 1, 0, '↓1'));
    expect(ranking1).toContain(w.line(3, DEPARTMENTS.education, '0.0', 1, 0, 1, w.new));

    await o.done('P1#2', '2016-07-01T16:30:00Z'); // 00:30 on 07-02 in Shanghai: a day late
    expect(await o.digest('2016-07-04')).toMatchObject({ failed: 0, pending: 0 });
    const week2 = thread(o.harness, '2016-W27');
    expect(week2.parent).toContain(w.forecast);
    const ranking2 = week2.replies.find((r) => r.startsWith(w.departments)) ?? '';
    expect(ranking2).toContain(w.line(1, DEPARTMENTS.finance, '50.0', 2, 1, 0, '↑1'));
    expect(ranking2).toContain(w.line(2, DEPARTMENTS.ndrc, '33.3', 3, 1, 1, '↓1'));
    expect(ranking2).toContain(w.line(3, AUDIT, '0.0', 1, 0, 1, w.new));
    expect(ranking2).toContain(w.line(3, DEPARTMENTS.education, '0.0', 1, 0, 1, '—'));

    // One chart per digest, shared in that digest's thread.
    const { standIn } = o.harness;
    const completed = standIn.callsTo('files.completeUploadExternal');
    expect(completed.map((c) => [c.args.channel_id, c.args.thread_ts])).toEqual([
      [CHANNELS.digest, week1.parentTs],
      [CHANNELS.digest, week2.parentTs],
    ]);
    const reserved = standIn.callsTo('files.getUploadURLExternal');
    expect(reserved.map((c) => c.args.filename)).toEqual(['progress-2016-W26.png', 'progress-2016-W27.png']);
    const uploads = standIn.callsTo('files.upload');
    expect(uploads).toHaveLength(2);
    const [fileId] = (completed[1]?.args.files ?? []) as { id: string; title: string }[];
    expect(fileId?.title).toBe(locale === 'en' ? 'Progress chart 2016-W27' : '完成进度图 2016-W27');
    const upload = uploads.find((u) => u.args.file_id === fileId?.id);
    if (!upload?.body) throw new Error('the chart was not uploaded');
    const bytes = upload.body;
    expect(bytes.length).toBe(Number(reserved[1]?.args.length));

    // The PNG decodes, has the chart's size, and is not blank: white background, coloured lines.
    const png = PNG.sync.read(bytes);
    expect([png.width, png.height]).toEqual([1920, 1080]);
    let nonWhite = 0;
    let green = 0;
    for (let i = 0; i < png.data.length; i += 4) {
      const [r, g, b] = [png.data[i] as number, png.data[i + 1] as number, png.data[i + 2] as number];
      if (r < 240 || g < 240 || b < 240) nonWhite += 1;
      if (g > 100 && g > r + 40 && g > b + 40) green += 1; // the "done" line and its area
    }
    const pixels = png.width * png.height;
    expect(nonWhite / pixels).toBeGreaterThan(0.02);
    expect(nonWhite / pixels).toBeLessThan(0.6);
    expect(green).toBeGreaterThan(500);
    expect(png.data[0]).toBe(255); // the corner is background
  });

  it('sends the digest without the chart when the upload is refused, and tells the admins once', async () => {
    const o = await office(locale);
    o.harness.standIn.on('files.getUploadURLExternal', () => ({
      ok: false,
      error: 'missing_scope',
      needed: 'files:write',
    }));
    const report = await o.digest('2016-06-27');
    expect(report).toMatchObject({ failed: 1, pending: 0 });
    const week = thread(o.harness, '2016-W26');
    expect(week.replies.length).toBeGreaterThanOrEqual(8); // every text reply went out
    expect(week.replies.some((r) => r.startsWith(w.departments))).toBe(true);
    expect(o.harness.standIn.callsTo('files.completeUploadExternal')).toHaveLength(0);
    const told = postsTo(o.harness, PEOPLE.admin);
    expect(told).toHaveLength(1);
    expect(shown(told[0] as RecordedCall)).toContain(w.told);
    // Sending again later tells nobody twice.
    await o.digest('2016-06-27');
    expect(postsTo(o.harness, PEOPLE.admin)).toHaveLength(1);
  });

  it('retries an upload that failed on the way, without posting the digest twice', async () => {
    const o = await office(locale);
    o.harness.standIn.failNext('files.upload', 1, { kind: 'http', status: 503 });
    const report = await o.digest('2016-06-27');
    expect(report).toMatchObject({ failed: 0, pending: 0 });
    expect(o.harness.standIn.callsTo('files.upload')).toHaveLength(2);
    expect(o.harness.standIn.callsTo('files.completeUploadExternal')).toHaveLength(1);
    const parents = postsTo(o.harness, CHANNELS.digest).filter((c) => c.args.thread_ts === undefined);
    expect(parents).toHaveLength(1);
  });

  // Found by the chaos run: a 429 from the upload URL failed the chart for good.
  it('waits out a rate-limited upload and uploads the chart once, telling nobody', async () => {
    const o = await office(locale);
    o.harness.standIn.failNext('files.upload', 2, { kind: 'ratelimit', retryAfterSec: 7 });
    const report = await o.digest('2016-06-27');
    expect(report).toMatchObject({ failed: 0, pending: 0 });
    expect(o.harness.standIn.callsTo('files.upload')).toHaveLength(3);
    expect(o.harness.standIn.callsTo('files.completeUploadExternal')).toHaveLength(1);
    expect(postsTo(o.harness, PEOPLE.admin)).toHaveLength(0);
    const chart = o.harness.db.$client
      .prepare("select state, attempts from outbox where kind = 'digest.chart'")
      .get() as { state: string; attempts: number };
    expect(chart).toEqual({ state: 'sent', attempts: 3 });
  });
});
