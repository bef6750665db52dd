// The digest's progress chart (README "Progress chart"): drawn here, on the job thread, inside the
// digest's transaction, and queued as one more thread reply whose payload carries the PNG. The
// dispatcher uploads it like it posts a message (files.getUploadURLExternal, the bytes,
// files.completeUploadExternal), with the same retries, pacing and admin alerts; so the chart is
// queued exactly once with the digest, and the thread that acknowledges Slack never draws.
//
// A chart that cannot be drawn does not hold the digest back: it goes out without it and the
// office admins are told once for that week.
import type { DigestData } from '../blocks/messages/digest.ts';
import { burnUpPng } from '../chart/renderBurnUp.ts';
import type { Db } from '../db/client.ts';
import type { Locale } from '../domain/types.ts';
import { t, translator } from '../i18n/index.ts';
import { enqueue, outboxKey } from '../store/outbox.ts';
import { listAdmins } from '../store/people.ts';
import { recipientLocales } from '../store/recipientLocale.ts';

const DIGEST_CHART_KIND = 'digest.chart';

/** The chart's outbox key; also how the chaos run tells which row an upload was. */
export function digestChartKey(channel: string, period: string): string {
  return outboxKey(DIGEST_CHART_KIND, channel, 'chart', period);
}

function chartFileName(period: string): string {
  return `progress-${period}.png`;
}

interface ChartContext {
  channel: string;
  parentKey: string;
  locale: Locale;
  now: Date;
}

/** Rows queued, and the run's detail: the PNG's size in KB, or why it was not drawn. */
export function queueDigestChart(db: Db, data: DigestData, ctx: ChartContext): { queued: number; detail: string } {
  const tr = translator(ctx.locale);
  let png: Buffer;
  try {
    png = burnUpPng(tr, data.burnUp, data.forecast);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
    const admins = listAdmins(db);
    const locales = recipientLocales(db, admins, ctx.locale);
    let queued = 0;
    for (const admin of admins) {
      const text = t(locales.get(admin) ?? ctx.locale, 'chartFile.notDrawn', { period: data.period, error: message });
      const key = outboxKey('digest.chart_failed', admin, 'chart', data.period);
      if (enqueue(db, { idempotencyKey: key, kind: 'digest.chart_failed', target: admin, payload: { text } }, ctx.now))
        queued += 1;
    }
    return { queued, detail: `not drawn: ${message}` };
  }
  const f = data.forecast;
  const queued = enqueue(
    db,
    {
      idempotencyKey: digestChartKey(ctx.channel, data.period),
      kind: DIGEST_CHART_KIND,
      target: ctx.channel,
      parentKey: ctx.parentKey,
      payload: {
        text: tr('chartFile.comment', { period: data.period }),
        file: {
          filename: chartFileName(data.period),
          title: tr('chartFile.title', { period: data.period }),
          altText: tr('chartFile.altText', { done: f.done, total: f.total, asOf: f.asOf }),
          base64: png.toString('base64'),
        },
      },
    },
    ctx.now,
  );
  return { queued: queued ? 1 : 0, detail: `${Math.ceil(png.length / 1024)} KB` };
}
