CREATE TABLE `admins` (
	`user_id` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `central_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`passed_on` text NOT NULL,
	`group_id` integer NOT NULL,
	`meeting` text,
	`url` text,
	`answer_due_on` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`answered_at` text,
	`answered_by` text,
	`answer_lead_department` text,
	`answer_drafts_plan` integer,
	`answer_target_on` text,
	`answer_note` text,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `closeout_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`fingerprint` text NOT NULL,
	`proposed_at` text NOT NULL,
	`decision` text,
	`decided_by` text,
	`decided_at` text,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `closeout_plan_fingerprint` ON `closeout_proposals` (`plan_id`,`fingerprint`);--> statement-breakpoint
CREATE TABLE `department_members` (
	`department_id` integer NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`department_id`, `user_id`),
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `department_members_user` ON `department_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_name_unique` ON `departments` (`name`);--> statement-breakpoint
CREATE TABLE `digest_snapshots` (
	`period` text PRIMARY KEY NOT NULL,
	`taken_at` text NOT NULL,
	`stats` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_members` (
	`group_id` integer NOT NULL,
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`group_id`, `user_id`, `role`),
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `group_members_user` ON `group_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `groups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`channel` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `groups_code_unique` ON `groups` (`code`);--> statement-breakpoint
CREATE TABLE `item_departments` (
	`item_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`item_id`, `department_id`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_departments_dept` ON `item_departments` (`department_id`);--> statement-breakpoint
CREATE TABLE `item_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`note` text,
	`actor` text NOT NULL,
	`source` text NOT NULL,
	`at` text NOT NULL,
	`request_key` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_history_item` ON `item_history` (`item_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `item_history_request` ON `item_history` (`request_key`,`field`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`due_on` text,
	`status` text DEFAULT 'not_started' NOT NULL,
	`institutional_outcome` integer DEFAULT false NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `items_plan_code` ON `items` (`plan_id`,`code`);--> statement-breakpoint
CREATE INDEX `items_due` ON `items` (`due_on`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`scheduled_for` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`queued` integer,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_runs_slot` ON `job_runs` (`job`,`scheduled_for`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`kind` text NOT NULL,
	`target` text NOT NULL,
	`payload` text NOT NULL,
	`parent_id` integer,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_error` text,
	`sending_since` text,
	`sent_at` text,
	`sent_channel` text,
	`sent_ts` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`domain` text NOT NULL,
	`lead_group_id` integer,
	`lead_department_id` integer,
	`stage` text DEFAULT 'approved' NOT NULL,
	`approved_on` text,
	`issued_on` text,
	`closed_on` text,
	`closed_by` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`lead_group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lead_department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_code_unique` ON `plans` (`code`);--> statement-breakpoint
CREATE INDEX `plans_group` ON `plans` (`lead_group_id`);--> statement-breakpoint
CREATE TABLE `round_items` (
	`round_id` integer NOT NULL,
	`item_id` integer NOT NULL,
	`status` text NOT NULL,
	`due_on` text,
	`confirmed_by` text,
	`confirmed_at` text,
	PRIMARY KEY(`round_id`, `item_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `round_plans` (
	`round_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`coordinated` integer,
	`on_schedule` integer,
	`breakthroughs` integer,
	`note` text,
	`filled_by` text,
	`filled_at` text,
	PRIMARY KEY(`round_id`, `plan_id`),
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`as_of` text NOT NULL,
	`min_age_months` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `user_locales` (
	`user_id` text PRIMARY KEY NOT NULL,
	`locale` text NOT NULL,
	`fetched_at` text NOT NULL
);
