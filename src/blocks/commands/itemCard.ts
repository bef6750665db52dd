// The item card (`/reform item P1#3`, and the answer to every change of an item): plan, title,
// responsible departments, due date, status with its light, latest note, evidence files (README
// "Evidence files"), the last changes, and (for people who may update it) buttons carrying the
// item id and the version shown.
import type { types } from '@slack/bolt';
import { extensionBlocker } from '../../domain/extensions.ts';
import type { Light, Status } from '../../domain/types.ts';
import { STATUSES } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { ItemEvidence } from '../../store/evidenceFiles.ts';
import { EVIDENCE_FILES_FIELD, type HistoryEntry, type ItemDetail } from '../../store/items.ts';
import type { ReviewView } from '../../store/reviews.ts';
import { ACTIONS, encodeItemButton } from '../ids.ts';
import { reviewButtons } from '../messages/review.ts';
import { evidenceFileLines, evidenceFileLink } from '../parts/evidenceFiles.ts';
import {
  actorText,
  type Block,
  context,
  escapeClip,
  formatInstant,
  HEADER_MAX,
  header,
  itemRefText,
  lightEmoji,
  lightLabel,
  plain,
  type SlackMessage,
  section,
  statusLabel,
} from '../parts/index.ts';

export interface ItemCardData {
  item: ItemDetail;
  light: Light;
  /** Working days since the due date (0 when not overdue). */
  overdueWorkdays: number;
  /** Newest first, as recentHistory returns them. */
  history: HistoryEntry[];
  timeZone: string;
  /** Buttons are shown only to people who may use them. */
  canUpdate: boolean;
  /** An extension request waiting for an answer (README "Extension requests"). */
  pendingExtension?: { requestedBy: string; toDueOn: string };
  /** The newest evidence files and how many the item has (none when absent). */
  evidence?: ItemEvidence;
  /** How many evidence files came with each change shown (history id → count). */
  fileCounts?: ReadonlyMap<number, number>;
  /** A done item's claim and its review (README "Review of claimed results"); absent when not done. */
  review?: ReviewView;
  /** Confirm / Return for the lead group's liaison or an office admin while the claim is undecided. */
  canReview?: boolean;
}

const NOTE_MAX = 1500;
const HISTORY_NOTE_MAX = 300;
/** Characters of the evidence files section: ten files with long names and links fit; more say "…and n more". */
const CARD_FILES_TEXT_MAX = 2400;
/** Files read for the card (the section shows those that fit in CARD_FILES_TEXT_MAX). */
export const CARD_FILES = 10;
const isStatus = (v: string | null): v is Status => v !== null && (STATUSES as readonly string[]).includes(v);

function statusValue(t: Translate, value: string | null): string {
  return isStatus(value) ? statusLabel(t, value) : escapeClip(value ?? '', 60);
}

function changeLine(t: Translate, entry: HistoryEntry, timeZone: string, files: number): string {
  const when = formatInstant(entry.at, timeZone);
  const who = actorText(entry.actor);
  let line: string;
  if (entry.field === 'status')
    line = t('card.change.status', {
      when,
      who,
      from: statusValue(t, entry.fromValue),
      to: statusValue(t, entry.toValue),
    });
  else if (entry.field === 'institutional_outcome')
    line = t('card.change.outcome', { when, who, to: entry.toValue === 'true' ? t('card.yes') : t('card.no') });
  else if (entry.field === 'note') line = t('card.change.note', { when, who });
  else if (entry.field === 'due_on' && entry.source === 'slack')
    // Only an approved extension changes the due date from Slack; the note is its reason.
    line = t('extension.card.change', {
      when,
      who,
      from: escapeClip(entry.fromValue ?? '', 20),
      to: escapeClip(entry.toValue ?? '', 20),
    });
  else if (entry.field === EVIDENCE_FILES_FIELD)
    line = t('card.change.files', { when, who, count: files || Number(entry.toValue) || 0 });
  else if (entry.field === 'review' && (entry.toValue === 'confirmed' || entry.toValue === 'returned'))
    line = t(entry.toValue === 'confirmed' ? 'review.history.confirmed' : 'review.history.returned', { when, who });
  else {
    line = t('card.change.other', {
      when,
      who,
      field: escapeClip(entry.field, 40),
      from: escapeClip(entry.fromValue ?? '', 100),
      to: escapeClip(entry.toValue ?? '', 100),
    });
  }
  // A status (or other) change that came with files says so; the files section lists them.
  if (files > 0 && entry.field !== EVIDENCE_FILES_FIELD)
    line = `${line} · ${t('evidence.changeFiles', { count: files })}`;
  return entry.note ? `• ${line} — ${escapeClip(entry.note, HISTORY_NOTE_MAX)}` : `• ${line}`;
}

/** "2017-03-31", or "Extended to 2017-03-31 (originally 2016-12-31)" once an extension moved it. */
function dueText(t: Translate, item: ItemDetail): string {
  if (item.dueOn === null) return t('parts.noDue');
  if (item.originalDueOn === null || item.originalDueOn === item.dueOn) return item.dueOn;
  return t('extension.card.due', { due: item.dueOn, original: item.originalDueOn });
}

/** `*Evidence files (n)*` and one line per file: the name linked to Slack, when, who. */
function evidenceSection(t: Translate, evidence: ItemEvidence, timeZone: string): Block | undefined {
  if (evidence.total === 0) return undefined;
  const lines = evidenceFileLines(t, evidence.files, {
    budget: CARD_FILES_TEXT_MAX,
    total: evidence.total,
    describe: (f) => `📎 ${evidenceFileLink(f)} · ${formatInstant(f.addedAt, timeZone)} ${actorText(f.addedBy)}`,
  });
  return section([`*${t('evidence.titleCount', { count: evidence.total })}*`, ...lines].join('\n'));
}

function button(text: string, actionId: string, value: string, style?: 'primary'): types.Button {
  return { type: 'button', text: plain(text), action_id: actionId, value, ...(style ? { style } : {}) };
}

function reviewBlocks(t: Translate, review: ReviewView, itemId: number, data: ItemCardData): Block[] {
  if (review.state === 'confirmed')
    return [
      context(
        t('review.card.confirmed', {
          who: actorText(review.decidedBy ?? '—'),
          when: review.decidedAt ? formatInstant(review.decidedAt, data.timeZone) : '—',
        }),
      ),
    ];
  // A returned claim is no longer the item's claim (it is back to started): only pending or unasked here.
  const blocks = [context(t(review.state === 'unasked' ? 'review.card.unasked' : 'review.card.pending'))];
  if (data.canReview) blocks.push(reviewButtons(t, { itemId, claimId: review.claimId }));
  return blocks;
}

export function buildItemCard(t: Translate, data: ItemCardData): SlackMessage {
  const { item } = data;
  const ref = itemRefText(item.plan.code, item.code);
  const plainRef = `${item.plan.code}#${item.code}`;
  const headerText = `${plainRef} ${item.title}`;
  const blocks: Block[] = [header(headerText)];
  // The header is cut at 150 characters; a longer title is shown whole below it.
  if (Array.from(headerText).length > HEADER_MAX) blocks.push(section(escapeClip(item.title, 2900)));

  const light =
    data.overdueWorkdays > 0
      ? `${lightEmoji(data.light)} ${t('card.overdueDays', { days: data.overdueWorkdays })}`
      : lightLabel(t, data.light);
  const separator = t('cmd.refused.join');
  const departments =
    item.departments.length > 0 ? item.departments.map((d) => d.name).join(separator) : t('common.none');
  const fields: types.MrkdwnElement[] = [
    {
      type: 'mrkdwn',
      text: `*${t('card.plan')}*\n${escapeClip(item.plan.code, 40)} ${escapeClip(item.plan.title, 400)}`,
    },
    { type: 'mrkdwn', text: `*${t('card.departments')}*\n${escapeClip(departments, 1000)}` },
    ...(item.cooperatingDepartments.length > 0
      ? [
          {
            type: 'mrkdwn' as const,
            text: `*${t('card.cooperating')}*\n${escapeClip(item.cooperatingDepartments.map((d) => d.name).join(separator), 1000)}`,
          },
        ]
      : []),
    { type: 'mrkdwn', text: `*${t('card.due')}*\n${dueText(t, item)}` },
    { type: 'mrkdwn', text: `*${t('card.status')}*\n${statusLabel(t, item.status)}` },
    { type: 'mrkdwn', text: `*${t('card.light')}*\n${light}` },
    { type: 'mrkdwn', text: `*${t('card.outcome')}*\n${item.institutionalOutcome ? t('card.yes') : t('card.no')}` },
  ];
  blocks.push({ type: 'section', fields });
  if (item.note) blocks.push(section(`*${t('card.note')}*\n${escapeClip(item.note, NOTE_MAX)}`));
  if (data.pendingExtension)
    blocks.push(
      context(
        t('extension.card.pending', {
          who: actorText(data.pendingExtension.requestedBy),
          to: data.pendingExtension.toDueOn,
        }),
      ),
    );
  const files = data.evidence && evidenceSection(t, data.evidence, data.timeZone);
  if (files) blocks.push(files);

  const changes = data.history.map((entry) => changeLine(t, entry, data.timeZone, data.fileCounts?.get(entry.id) ?? 0));
  blocks.push(section(`*${t('card.history')}*\n${changes.length > 0 ? changes.join('\n') : t('card.noHistory')}`));
  if (item.plan.stage === 'closed' || item.plan.closedOn) blocks.push(context(t('card.closedPlan')));
  if (data.review) blocks.push(...reviewBlocks(t, data.review, item.id, data));

  if (data.canUpdate) {
    const value = encodeItemButton({ itemId: item.id, version: item.version });
    const buttons: types.Button[] = [];
    if (item.status !== 'started' && item.status !== 'done')
      buttons.push(button(t('card.button.started'), ACTIONS.itemMarkStarted, value));
    if (item.status !== 'done') buttons.push(button(t('card.button.done'), ACTIONS.itemMarkDone, value, 'primary'));
    buttons.push(button(t('card.button.update'), ACTIONS.itemOpenUpdate, value));
    const extendable =
      !data.pendingExtension &&
      !extensionBlocker({ status: item.status, dueOn: item.dueOn, planStage: item.plan.stage });
    if (extendable) buttons.push(button(t('extension.button'), ACTIONS.extensionOpen, value));
    blocks.push({ type: 'actions', block_id: `item.${item.id}`, elements: buttons });
  } else blocks.push(context(t('card.readOnly')));

  return {
    text: t('card.text', { ref, title: escapeClip(item.title, 100), status: t(`status.${item.status}`) }),
    blocks,
  };
}
