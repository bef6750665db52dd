// Follow-up (盯跟) messages: the prompt (对接提示通知) to the group's channel and its people, the
// daily chase once the deadline has passed (督办), the office admins' notice, and the
// confirmation posted in the prompt's thread. Pure: data in, text + blocks out.
import type { GroupRole } from '../../db/schema.ts';
import type { IsoDate } from '../../domain/types.ts';
import type { Translate } from '../../i18n/index.ts';
import type { CentralPlanView } from '../../store/centralPlans.ts';
import { ACTIONS } from '../ids.ts';
import { escapeMrkdwn } from '../mrkdwn.ts';
import {
  type Block,
  context as contextLine,
  header as headerBlock,
  section as mrkdwnSection,
  plain,
  type SlackMessage,
  actorText as who,
} from '../parts/index.ts';
import { escapeClip } from '../parts/text.ts';

export type { SlackMessage };

export interface FollowupPlanData {
  id: number;
  title: string;
  passedOn: IsoDate;
  meeting: string | null;
  url: string | null;
  arrangementDueOn: IsoDate;
  group: { code: string; name: string };
}

export function followupData(plan: CentralPlanView): FollowupPlanData {
  return {
    id: plan.id,
    title: plan.title,
    passedOn: plan.passedOn,
    meeting: plan.meeting,
    url: plan.url,
    arrangementDueOn: plan.arrangementDueOn,
    group: { code: plan.group.code, name: plan.group.name },
  };
}

export interface ArrangementData {
  by: string;
  on: IsoDate;
  leadDepartment: string;
  draftsPlan: boolean;
  targetOn: IsoDate | null;
  note: string | null;
}

// Titles are cut well below the 3000-character section limit so a whole message stays short.
const TITLE_MAX = 300;
const NOTE_MAX = 1000;
const MENTIONS_MAX = 30;

const title = (p: FollowupPlanData) => escapeClip(p.title, TITLE_MAX);
const groupText = (p: FollowupPlanData) => `${escapeMrkdwn(p.group.code)} ${escapeClip(p.group.name, 100)}`;

function arrangementButton(t: Translate, planId: number): Block {
  return {
    type: 'actions',
    block_id: `followup-${planId}`,
    elements: [
      {
        type: 'button',
        action_id: ACTIONS.followupArrangement,
        style: 'primary',
        value: String(planId),
        text: plain(t('followup.button')),
      },
    ],
  };
}

function passedLine(t: Translate, p: FollowupPlanData): string {
  const meeting = p.meeting ? escapeClip(p.meeting, 200) : '';
  return t('followup.passed', { title: title(p), passedOn: p.passedOn, meeting });
}

/** The prompt; `role` set for a direct message to a leader, deputy or liaison. */
export function followupPromptMessage(t: Translate, p: FollowupPlanData, role?: GroupRole): SlackMessage {
  const blocks: Block[] = [
    headerBlock(t('followup.prompt.header')),
    mrkdwnSection(passedLine(t, p)),
    mrkdwnSection(t('followup.prompt.ask', { group: groupText(p), due: p.arrangementDueOn })),
  ];
  if (p.url) blocks.push(contextLine(`<${p.url}|${t('followup.link')}>`));
  if (role) blocks.push(contextLine(t('followup.prompt.youAre', { group: groupText(p), role: t(`role.${role}`) })));
  blocks.push(arrangementButton(t, p.id));
  return { text: t('followup.prompt.text', { title: title(p), due: p.arrangementDueOn }), blocks };
}

/** The daily reminder to the group's people once the deadline has passed. */
export function followupChaseMessage(t: Translate, p: FollowupPlanData, overdueDays: number): SlackMessage {
  const body = t('followup.chase.body', {
    title: title(p),
    passedOn: p.passedOn,
    due: p.arrangementDueOn,
    days: overdueDays,
    group: groupText(p),
  });
  return {
    text: t('followup.chase.text', { title: title(p), days: overdueDays }),
    blocks: [headerBlock(t('followup.chase.header')), mrkdwnSection(body), arrangementButton(t, p.id)],
  };
}

/** To each office admin, once per working day per plan still without its arrangement: a supervised matter (督办事项). */
export function followupSuperviseMessage(
  t: Translate,
  p: FollowupPlanData,
  overdueDays: number,
  reminded: readonly string[],
): SlackMessage {
  const shown = reminded.slice(0, MENTIONS_MAX).map(who).join(' ');
  const more =
    reminded.length > MENTIONS_MAX ? ` ${t('followup.andMore', { count: reminded.length - MENTIONS_MAX })}` : '';
  const blocks: Block[] = [
    mrkdwnSection(
      t('followup.supervise.body', {
        title: title(p),
        passedOn: p.passedOn,
        due: p.arrangementDueOn,
        days: overdueDays,
        group: groupText(p),
      }),
    ),
    contextLine(
      reminded.length > 0
        ? t('followup.supervise.reminded', { people: `${shown}${more}` })
        : t('followup.supervise.nobody'),
    ),
  ];
  return {
    text: t('followup.supervise.text', { title: title(p), group: escapeMrkdwn(p.group.code), days: overdueDays }),
    blocks,
  };
}

/** To the office admins when a prompt has nobody to go to (no channel, no people in the group). */
export function followupUnreachableMessage(t: Translate, p: FollowupPlanData): SlackMessage {
  const text = t('followup.unreachable', { title: title(p), group: groupText(p) });
  return { text, blocks: [mrkdwnSection(text)] };
}

/** Posted in the prompt's thread (or to the person) when the arrangement is recorded. */
export function followupConfirmationMessage(t: Translate, p: FollowupPlanData, a: ArrangementData): SlackMessage {
  const lines = [
    t('followup.confirm.head', { who: who(a.by), on: a.on, title: title(p) }),
    t('followup.confirm.lead', { department: escapeClip(a.leadDepartment, 200) }),
    a.draftsPlan
      ? t('followup.confirm.drafts', { target: a.targetOn ?? '—' })
      : t('followup.confirm.noDraft', { target: a.targetOn ?? '—' }),
  ];
  if (a.note) lines.push(t('followup.confirm.note', { note: escapeClip(a.note, NOTE_MAX) }));
  return {
    text: t('followup.confirm.text', { title: title(p) }),
    blocks: [mrkdwnSection(lines.join('\n')), contextLine(t('followup.confirm.stopped'))],
  };
}
