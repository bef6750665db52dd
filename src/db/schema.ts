// The ledger's data model. Dates are `YYYY-MM-DD` text, instants ISO-8601 UTC text: both sort
// as strings and read well in a SQLite shell, which offices will open.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () => text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** 专项小组 */
export const groups = sqliteTable('groups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  channel: text('channel'),
  /** The group's default 改革领域 (org file), for ledgers whose rows do not name a domain. */
  domain: text('domain'),
  createdAt: createdAt(),
});

export const GROUP_ROLES = ['leader', 'deputy', 'liaison'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

export const groupMembers = sqliteTable(
  'group_members',
  {
    groupId: integer('group_id')
      .notNull()
      .references(() => groups.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
    role: text('role', { enum: GROUP_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId, t.role] }), index('group_members_user').on(t.userId)],
);

/** 省直部门/单位 */
export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: createdAt(),
});

/**
 * Other names a ledger writes for a department (省发改委 for 发展改革委), from the org file.
 * An alias names exactly one department; the import reads it as that department.
 */
export const departmentAliases = sqliteTable('department_aliases', {
  alias: text('alias').primaryKey(),
  departmentId: integer('department_id')
    .notNull()
    .references(() => departments.id, { onDelete: 'cascade' }),
});

export const departmentMembers = sqliteTable(
  'department_members',
  {
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index('department_members_user').on(t.userId)],
);

/** 改革办 staff. */
export const admins = sqliteTable('admins', {
  userId: text('user_id').primaryKey(),
});

/** Office-wide settings from the org file (digest_channel ...). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** 专项改革方案 */
export const plans = sqliteTable(
  'plans',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    title: text('title').notNull(),
    domain: text('domain').notNull(),
    leadGroupId: integer('lead_group_id').references(() => groups.id),
    leadDepartmentId: integer('lead_department_id').references(() => departments.id),
    stage: text('stage').notNull().default('approved'),
    approvedOn: text('approved_on'),
    issuedOn: text('issued_on'),
    closedOn: text('closed_on'),
    closedBy: text('closed_by'),
    createdAt: createdAt(),
  },
  (t) => [index('plans_group').on(t.leadGroupId)],
);

/** 具体改革事项 */
export const items = sqliteTable(
  'items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** The current due date: reminders and overdue lights use it (an approved extension moves it). */
    dueOn: text('due_on'),
    /**
     * The due date before the first approved extension (延期); null while never extended. On-time
     * completion (statistics, digest, ranking) counts against `originalDueOn ?? dueOn`.
     */
    originalDueOn: text('original_due_on'),
    status: text('status').notNull().default('not_started'),
    institutionalOutcome: integer('institutional_outcome', { mode: 'boolean' }).notNull().default(false),
    note: text('note'),
    /** Bumped on every change; lets a modal refuse a submission built on a stale view. */
    version: integer('version').notNull().default(1),
    /**
     * The version the ledger file last agreed with (set by an import that applied or matched
     * the file). A later version means someone changed the item outside the file since, so an
     * import of an older file must not revert it. Null: unknown (treated as changed).
     */
    syncedVersion: integer('synced_version'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('items_plan_code').on(t.planId, t.code),
    index('items_due').on(t.dueOn),
    // Extended items only (README "Extension requests"): their figures read this, not the whole table.
    index('items_extended').on(t.originalDueOn).where(sql`original_due_on is not null`),
  ],
);

/** 责任单位: the departments responsible for an item. */
export const itemDepartments = sqliteTable(
  'item_departments',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.departmentId] }), index('item_departments_dept').on(t.departmentId)],
);

/** 配合单位: departments that cooperate on an item; they are not responsible for it. */
export const itemCooperatingDepartments = sqliteTable(
  'item_cooperating_departments',
  {
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.departmentId] }), index('item_cooperating_dept').on(t.departmentId)],
);

/**
 * Append-only: every change of an item (status, title, due date, departments, outcome flag).
 * `requestKey` makes Slack retries and double clicks apply once: a second insert with the same
 * key fails the unique index and the whole change is rolled back.
 */
export const itemHistory = sqliteTable(
  'item_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    note: text('note'),
    actor: text('actor').notNull(),
    source: text('source').notNull(),
    at: text('at').notNull(),
    requestKey: text('request_key'),
  },
  (t) => [index('item_history_item').on(t.itemId, t.id), uniqueIndex('item_history_request').on(t.requestKey, t.field)],
);

/**
 * Evidence files (佐证材料, README "Evidence files") an item change came with: Slack keeps the
 * file, the ledger its id, name and permalink. `historyId` is the item_history row of that change
 * (its first row when it changed several fields), so a file is shown with the change it proves.
 * Written in the change's transaction: a change applied once (request key) stores its files once.
 */
export const itemEvidenceFiles = sqliteTable(
  'item_evidence_files',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    historyId: integer('history_id')
      .notNull()
      .references(() => itemHistory.id),
    slackFileId: text('slack_file_id').notNull(),
    name: text('name').notNull(),
    permalink: text('permalink').notNull(),
    mimetype: text('mimetype'),
    size: integer('size'),
    addedBy: text('added_by').notNull(),
    addedAt: text('added_at').notNull(),
  },
  (t) => [
    index('item_evidence_files_item').on(t.itemId, t.id),
    uniqueIndex('item_evidence_files_change').on(t.historyId, t.slackFileId),
  ],
);

export const REVIEW_STATES = ['pending', 'confirmed', 'returned'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

/**
 * 审核: one row per done claim that a reviewer was asked about or decided (README "Review of
 * claimed results"). `claimId` is the item_history row that set the status to done, or 0 for an
 * item that is done with no such row (imported as done); a later claim of the same item is a new
 * row, so a decision on an old claim cannot pass for one on the current claim. The first decision
 * wins: it is written only while the row is `pending`.
 */
export const itemReviews = sqliteTable(
  'item_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    claimId: integer('claim_id').notNull(),
    /** Who marked it done and when (null for an item imported as done). */
    claimedBy: text('claimed_by'),
    claimedAt: text('claimed_at'),
    state: text('state', { enum: REVIEW_STATES }).notNull().default('pending'),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    /** The office's date of the decision (REFORM_TZ): the digest counts returns by it. */
    decidedOn: text('decided_on'),
    /** Why it was returned (required for a return). */
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('item_reviews_claim').on(t.itemId, t.claimId),
    index('item_reviews_state').on(t.state, t.decidedOn),
  ],
);

/** 中央深改组审议通过的方案, followed up by one special group (盯跟). */
export const centralPlans = sqliteTable('central_plans', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  passedOn: text('passed_on').notNull(),
  groupId: integer('group_id')
    .notNull()
    .references(() => groups.id),
  meeting: text('meeting'),
  url: text('url'),
  // The docking arrangement (对接工作安排) was first called the group's "answer": the columns keep
  // that name (renaming them needs a migration and gains nothing), the properties say what it is.
  arrangementDueOn: text('answer_due_on').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
  /** 对接工作安排, once the group recorded it. */
  arrangedAt: text('answered_at'),
  arrangedBy: text('answered_by'),
  arrangementLeadDepartment: text('answer_lead_department'),
  arrangementDraftsPlan: integer('answer_drafts_plan', { mode: 'boolean' }),
  arrangementTargetOn: text('answer_target_on'),
  arrangementNote: text('answer_note'),
});

/** 督察评估: a supervision round and its snapshot. */
export const rounds = sqliteTable('rounds', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind').notNull(),
  asOf: text('as_of').notNull(),
  minAgeMonths: integer('min_age_months').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: createdAt(),
});

/** Per selected plan, the three checks (三看). Null = not answered yet. */
export const roundPlans = sqliteTable(
  'round_plans',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    coordinated: integer('coordinated', { mode: 'boolean' }),
    onSchedule: integer('on_schedule', { mode: 'boolean' }),
    breakthroughs: integer('breakthroughs', { mode: 'boolean' }),
    note: text('note'),
    filledBy: text('filled_by'),
    filledAt: text('filled_at'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.planId] })],
);

export const roundItems = sqliteTable(
  'round_items',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    status: text('status').notNull(),
    dueOn: text('due_on'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: text('confirmed_at'),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.itemId] })],
);

/**
 * One row per self-check submission (the view id), with the outcome its person was shown. A
 * redelivered submission is answered from here with that same outcome and changes nothing: the
 * round rows alone cannot say it again, since recording overwrites the snapshot statuses.
 */
export const roundSelfCheckReceipts = sqliteTable('round_self_check_receipts', {
  requestKey: text('request_key').primaryKey(),
  roundId: integer('round_id')
    .notNull()
    .references(() => rounds.id, { onDelete: 'cascade' }),
  planId: integer('plan_id').notNull(),
  /** JSON: SelfCheckOutcome (kind, corrected, applied, keptNewer). */
  outcome: text('outcome').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/**
 * Every scheduled message goes through here. `idempotencyKey` = kind:target:subject:period, so a
 * job run twice for the same period queues nothing new. `parentId` orders thread replies after
 * their parent (the reply needs the parent's ts).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    kind: text('kind').notNull(),
    target: text('target').notNull(),
    payload: text('payload').notNull(),
    parentId: integer('parent_id'),
    state: text('state').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull(),
    lastError: text('last_error'),
    /** Set just before the Web API call; a row found `sending` after a crash may have been delivered. */
    sendingSince: text('sending_since'),
    sentAt: text('sent_at'),
    sentChannel: text('sent_channel'),
    sentTs: text('sent_ts'),
    createdAt: createdAt(),
  },
  (t) => [index('outbox_due').on(t.state, t.nextAttemptAt)],
);

/** Scheduled job runs, so a restart catches up what cron missed, exactly once. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    scheduledFor: text('scheduled_for').notNull(),
    startedAt: text('started_at').notNull(),
    finishedAt: text('finished_at'),
    queued: integer('queued'),
    error: text('error'),
  },
  (t) => [uniqueIndex('job_runs_slot').on(t.job, t.scheduledFor)],
);

/** Weekly digest figures, kept to report next week's change. */
export const digestSnapshots = sqliteTable('digest_snapshots', {
  period: text('period').primaryKey(),
  takenAt: text('taken_at').notNull(),
  stats: text('stats').notNull(),
});

/** Close-out proposals; `fingerprint` stops re-proposing until the plan's items change. */
export const closeoutProposals = sqliteTable(
  'closeout_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    planId: integer('plan_id')
      .notNull()
      .references(() => plans.id),
    fingerprint: text('fingerprint').notNull(),
    proposedAt: text('proposed_at').notNull(),
    decision: text('decision'),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
  },
  (t) => [uniqueIndex('closeout_plan_fingerprint').on(t.planId, t.fingerprint)],
);

/** Slack locale per user (users.info include_locale), cached. */
export const userLocales = sqliteTable('user_locales', {
  userId: text('user_id').primaryKey(),
  locale: text('locale').notNull(),
  fetchedAt: text('fetched_at').notNull(),
});

export const LEASE_COMMANDS = ['start', 'restore'] as const;
export type LeaseCommand = (typeof LEASE_COMMANDS)[number];

/**
 * Who runs on this database file (src/lease): one row at most, held by the running bot (or by a
 * `restore` while it replaces the file). The holder renews `heartbeat_at_ms` every TTL/3; a row
 * whose heartbeat is older than the TTL, or whose pid is gone on the same host, is free to take.
 * Instants are wall-clock milliseconds so that age is a subtraction, whatever FAST_CLOCK says.
 */
export const botLease = sqliteTable(
  'bot_lease',
  {
    id: integer('id').primaryKey(),
    /** Random per process start: tells a renewed lease of ours from one another bot took. */
    instanceId: text('instance_id').notNull(),
    command: text('command', { enum: LEASE_COMMANDS }).notNull(),
    pid: integer('pid').notNull(),
    host: text('host').notNull(),
    startedAtMs: integer('started_at_ms').notNull(),
    heartbeatAtMs: integer('heartbeat_at_ms').notNull(),
  },
  (t) => [check('bot_lease_single_row', sql`${t.id} = 1`)],
);

export const EXTENSION_DECISIONS = ['approved', 'refused'] as const;
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number];

/**
 * 延期申请 (README "Extension requests"): a responsible person asks to move an item's due date.
 * The first answer of an approver decides (`decision` is set once); an approval moves
 * `items.due_on` and keeps the first original in `items.original_due_on`. `requestKey` (the
 * command's trigger, the form's view id) makes a redelivered request save once. `escalatedAt`:
 * when the request, unanswered too long, was raised to the office (once).
 */
export const extensionRequests = sqliteTable(
  'extension_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    requestedBy: text('requested_by').notNull(),
    requestedAt: text('requested_at').notNull(),
    /** The item's due date when asked (what the approvers were shown). */
    fromDueOn: text('from_due_on').notNull(),
    toDueOn: text('to_due_on').notNull(),
    reason: text('reason').notNull(),
    requestKey: text('request_key').notNull().unique(),
    decision: text('decision', { enum: EXTENSION_DECISIONS }),
    decidedBy: text('decided_by'),
    decidedAt: text('decided_at'),
    escalatedAt: text('escalated_at'),
  },
  (t) => [
    index('extension_requests_item').on(t.itemId),
    index('extension_requests_open').on(t.decision, t.requestedAt),
  ],
);
