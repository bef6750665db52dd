// Central plans (中央深改组审议通过的方案) and their follow-up (盯跟): registration, the people a
// prompt goes to, the docking arrangement (对接工作安排) and where the channel prompt was posted.
import { and, asc, eq, isNull, like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { centralPlans, type GroupRole, groupMembers, groups, outbox } from '../db/schema.ts';
import { writeTransaction } from '../db/writeTransaction.ts';
import { addDays, isIsoDate, todayIn } from '../domain/dates.ts';
import { compareNatural } from '../domain/naturalOrder.ts';
import type { IsoDate } from '../domain/types.ts';

export const CENTRAL_TITLE_MAX = 300;
export const CENTRAL_MEETING_MAX = 200;
const CENTRAL_URL_MAX = 1000;
export const ARRANGEMENT_DEPARTMENT_MAX = 100;
export const ARRANGEMENT_NOTE_MAX = 1000;

export interface CentralPlanInput {
  title: string;
  passedOn: string;
  /** Typed (more groups than a select holds); ignored when `groupId` is given. */
  groupCode: string;
  /** Chosen from the select: the option carries the id, never the (unbounded) code. */
  groupId?: number | undefined;
  meeting?: string | undefined;
  url?: string | undefined;
  createdBy: string;
}

export type CentralField = 'title' | 'passedOn' | 'group' | 'meeting' | 'url';
export type CentralProblemCode = 'required' | 'tooLong' | 'badDate' | 'future' | 'unknownGroup' | 'badUrl';
interface CentralProblem {
  field: CentralField;
  code: CentralProblemCode;
}

export type RegisterResult =
  | { kind: 'created'; id: number; arrangementDueOn: IsoDate }
  | { kind: 'existing'; id: number; arrangementDueOn: IsoDate }
  | { kind: 'invalid'; problems: CentralProblem[] };

/** A link we are willing to put in a message: http(s) only, normalised, no mrkdwn-breaking `|`. */
function normaliseUrl(raw: string): string | undefined {
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href.replace(/\|/g, '%7C');
  } catch {
    return undefined;
  }
}

const tooLong = (text: string, max: number) => Array.from(text).length > max;

/**
 * Registers a central plan; its docking arrangement is due FOLLOWUP_DEADLINE_DAYS calendar days after it
 * passed ("3天之内" in the article counts calendar days, not working days). The same title, date
 * and group again returns the existing plan: a resubmitted modal or a re-run script registers once.
 */
export function registerCentralPlan(
  db: Db,
  input: CentralPlanInput,
  at: { now: Date; timeZone: string; deadlineDays: number },
): RegisterResult {
  const today = todayIn(at.now, at.timeZone);
  const title = input.title.trim();
  const meeting = input.meeting?.trim() || undefined;
  const problems: CentralProblem[] = [];
  if (title === '') problems.push({ field: 'title', code: 'required' });
  else if (tooLong(title, CENTRAL_TITLE_MAX)) problems.push({ field: 'title', code: 'tooLong' });
  if (input.passedOn.trim() === '') problems.push({ field: 'passedOn', code: 'required' });
  else if (!isIsoDate(input.passedOn)) problems.push({ field: 'passedOn', code: 'badDate' });
  else if (input.passedOn > today) problems.push({ field: 'passedOn', code: 'future' });
  const typed = input.groupCode.trim();
  const group =
    input.groupId !== undefined
      ? db.select().from(groups).where(eq(groups.id, input.groupId)).get()
      : typed === ''
        ? undefined
        : db.select().from(groups).where(eq(groups.code, typed)).get();
  if (!group)
    problems.push({ field: 'group', code: input.groupId === undefined && typed === '' ? 'required' : 'unknownGroup' });
  if (meeting && tooLong(meeting, CENTRAL_MEETING_MAX)) problems.push({ field: 'meeting', code: 'tooLong' });
  let url: string | undefined;
  if (input.url?.trim()) {
    url = normaliseUrl(input.url);
    if (!url) problems.push({ field: 'url', code: 'badUrl' });
    else if (url.length > CENTRAL_URL_MAX) problems.push({ field: 'url', code: 'tooLong' });
  }
  if (problems.length > 0 || !group) return { kind: 'invalid', problems };

  return writeTransaction(db, (tx) => {
    const same = tx
      .select({ id: centralPlans.id, arrangementDueOn: centralPlans.arrangementDueOn })
      .from(centralPlans)
      .where(
        and(
          eq(centralPlans.title, title),
          eq(centralPlans.passedOn, input.passedOn),
          eq(centralPlans.groupId, group.id),
        ),
      )
      .get();
    if (same) return { kind: 'existing', id: same.id, arrangementDueOn: same.arrangementDueOn } as const;
    const arrangementDueOn = addDays(input.passedOn, at.deadlineDays);
    const { id } = tx
      .insert(centralPlans)
      .values({
        title,
        passedOn: input.passedOn,
        groupId: group.id,
        meeting: meeting ?? null,
        url: url ?? null,
        arrangementDueOn,
        createdBy: input.createdBy,
        createdAt: at.now.toISOString(),
      })
      .returning({ id: centralPlans.id })
      .get();
    return { kind: 'created', id, arrangementDueOn } as const;
  });
}

export interface CentralPlanView {
  id: number;
  title: string;
  passedOn: IsoDate;
  meeting: string | null;
  url: string | null;
  arrangementDueOn: IsoDate;
  createdAt: string;
  group: { id: number; code: string; name: string; channel: string | null };
  /** The group's docking arrangement (对接工作安排), once recorded. */
  arrangement: {
    at: string;
    by: string;
    leadDepartment: string;
    draftsPlan: boolean;
    targetOn: IsoDate | null;
    note: string | null;
  } | null;
}

type Row = { plan: typeof centralPlans.$inferSelect; group: typeof groups.$inferSelect };

function toView({ plan, group }: Row): CentralPlanView {
  return {
    id: plan.id,
    title: plan.title,
    passedOn: plan.passedOn,
    meeting: plan.meeting,
    url: plan.url,
    arrangementDueOn: plan.arrangementDueOn,
    createdAt: plan.createdAt,
    group: { id: group.id, code: group.code, name: group.name, channel: group.channel },
    arrangement: plan.arrangedAt
      ? {
          at: plan.arrangedAt,
          by: plan.arrangedBy ?? '',
          leadDepartment: plan.arrangementLeadDepartment ?? '',
          draftsPlan: plan.arrangementDraftsPlan ?? false,
          targetOn: plan.arrangementTargetOn,
          note: plan.arrangementNote,
        }
      : null,
  };
}

const selectViews = (db: Db) =>
  db
    .select({ plan: centralPlans, group: groups })
    .from(centralPlans)
    .innerJoin(groups, eq(groups.id, centralPlans.groupId));

export function getCentralPlan(db: Db, id: number): CentralPlanView | undefined {
  const row = selectViews(db).where(eq(centralPlans.id, id)).get();
  return row ? toView(row) : undefined;
}

/** Central plans still waiting for their docking arrangement, the oldest deadline first: the follow-up job's work list. */
export function listCentralPlansAwaitingArrangement(db: Db): CentralPlanView[] {
  return selectViews(db)
    .where(isNull(centralPlans.arrangedAt))
    .orderBy(asc(centralPlans.arrangementDueOn), asc(centralPlans.id))
    .all()
    .map(toView);
}

export function listCentralPlans(db: Db): CentralPlanView[] {
  return selectViews(db).orderBy(asc(centralPlans.passedOn), asc(centralPlans.id)).all().map(toView);
}

export interface GroupRecipient {
  userId: string;
  role: GroupRole;
}

const ROLE_ORDER: Record<GroupRole, number> = { leader: 0, deputy: 1, liaison: 2 };

/** Leaders, deputies and liaisons of a group; a person with two roles is listed once, by the higher. */
export function groupRecipients(db: Db, groupId: number): GroupRecipient[] {
  const rows = db.select().from(groupMembers).where(eq(groupMembers.groupId, groupId)).all();
  const best = new Map<string, GroupRole>();
  for (const r of rows) {
    const had = best.get(r.userId);
    if (had === undefined || ROLE_ORDER[r.role] < ROLE_ORDER[had]) best.set(r.userId, r.role);
  }
  return [...best]
    .map(([userId, role]) => ({ userId, role }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.userId.localeCompare(b.userId));
}

export interface ArrangementInput {
  leadDepartment: string;
  draftsPlan: boolean;
  targetOn: IsoDate | null;
  note: string | null;
  by: string;
  at: Date;
}

/** Records the docking arrangement once: a double submit or Slack retry finds it recorded. */
export function recordArrangement(
  db: Db,
  centralPlanId: number,
  arrangement: ArrangementInput,
): 'recorded' | 'alreadyRecorded' | 'notFound' {
  const result = db
    .update(centralPlans)
    .set({
      arrangedAt: arrangement.at.toISOString(),
      arrangedBy: arrangement.by,
      arrangementLeadDepartment: arrangement.leadDepartment,
      arrangementDraftsPlan: arrangement.draftsPlan,
      arrangementTargetOn: arrangement.targetOn,
      arrangementNote: arrangement.note,
    })
    .where(and(eq(centralPlans.id, centralPlanId), isNull(centralPlans.arrangedAt)))
    .run();
  if (result.changes > 0) return 'recorded';
  return db.select({ id: centralPlans.id }).from(centralPlans).where(eq(centralPlans.id, centralPlanId)).get()
    ? 'alreadyRecorded'
    : 'notFound';
}

/** Outbox kinds of the follow-up messages; the channel prompt is looked up by its kind and subject. */
export const FOLLOWUP_KINDS = {
  promptChannel: 'followup.prompt.channel',
  promptDm: 'followup.prompt.dm',
  chase: 'followup.chase',
  supervise: 'followup.supervise',
  unreachable: 'followup.unreachable',
} as const;

export const centralSubject = (id: number) => `central-${id}`;

/** Where the channel prompt was posted, once the dispatcher has sent it. */
export function promptThread(db: Db, centralPlanId: number): { channel: string; ts: string } | undefined {
  const row = db
    .select({ channel: outbox.sentChannel, ts: outbox.sentTs })
    .from(outbox)
    .where(
      and(
        eq(outbox.kind, FOLLOWUP_KINDS.promptChannel),
        like(outbox.idempotencyKey, `%:${centralSubject(centralPlanId)}:%`),
      ),
    )
    .orderBy(asc(outbox.id))
    .all()
    .find((r) => r.channel && r.ts);
  return row?.channel && row.ts ? { channel: row.channel, ts: row.ts } : undefined;
}

/** A group's code by id (the registration form's choice), for the confirmation. */
export function groupCodeOf(db: Db, groupId: number | undefined): string | undefined {
  if (groupId === undefined) return undefined;
  return db.select({ code: groups.code }).from(groups).where(eq(groups.id, groupId)).get()?.code;
}

/** Every special group, in natural code order: the registration modal's choices. */
export function listGroupChoices(db: Db): { id: number; code: string; name: string }[] {
  return db
    .select({ id: groups.id, code: groups.code, name: groups.name })
    .from(groups)
    .all()
    .sort((a, b) => compareNatural(a.code, b.code));
}
