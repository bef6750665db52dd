// The digest's thread reply on extensions (README "Extension requests"): this week's decisions,
// the figures against the original due dates, and the requests still waiting, oldest first.
import type { Translate } from '../../i18n/index.ts';
import type { ExtensionFigures } from '../../store/extensionFigures.ts';
import type { OpenRequestLine } from '../../store/extensions.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import { actorText, context, escapeClip, itemRefText, packLines, type SlackMessage, section } from '../parts/index.ts';

export interface DigestExtensionsData {
  period: string;
  figures: ExtensionFigures;
  /** The oldest waiting requests (at most a list's worth); `figures.pending` is the total. */
  waiting: readonly OpenRequestLine[];
}

/** Nothing to report (no extension ever, nothing waiting, nothing decided this week): no reply. */
export function hasExtensionNews(f: ExtensionFigures): boolean {
  return f.extended > 0 || f.pending > 0 || f.approvedSince > 0 || f.refusedSince > 0;
}

export function digestExtensionsReply(t: Translate, data: DigestExtensionsData): SlackMessage {
  const f = data.figures;
  const week = t('extension.digest.week', { ...f, approved: f.approvedSince, refused: f.refusedSince });
  const lines = data.waiting.map((r) =>
    t('extension.digest.waitingLine', {
      ref: itemRefText(r.planCode, r.itemCode),
      title: escapeClip(r.title, 80),
      from: r.fromDueOn,
      to: r.toDueOn,
      who: actorText(r.requestedBy),
    }),
  );
  const title = `*${escapeMrkdwn(t('extension.digest.topic'))}*`;
  return {
    text: t('digest.replyFallback', { period: data.period, topic: t('extension.digest.topic') }),
    blocks: [
      section(`${title}\n${week}`),
      ...packLines(lines),
      ...(f.pending > data.waiting.length
        ? [context(t('extension.digest.more', { count: f.pending - data.waiting.length }))]
        : []),
    ],
  };
}
