CREATE TABLE `department_aliases` (
	`alias` text PRIMARY KEY NOT NULL,
	`department_id` integer NOT NULL,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `item_cooperating_departments` (
	`item_id` integer NOT NULL,
	`department_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`item_id`, `department_id`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`department_id`) REFERENCES `departments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_cooperating_dept` ON `item_cooperating_departments` (`department_id`);--> statement-breakpoint
ALTER TABLE `groups` ADD `domain` text;--> statement-breakpoint
ALTER TABLE `items` ADD `synced_version` integer;--> statement-breakpoint
-- Items whose last change came from a ledger import agree with that ledger; any other item may
-- have been changed in Slack since, so it stays NULL (unknown) and an older file cannot revert it.
UPDATE `items` SET `synced_version` = `version`
WHERE (SELECT `source` FROM `item_history` h WHERE h.`item_id` = `items`.`id` ORDER BY h.`id` DESC LIMIT 1) = 'import';
