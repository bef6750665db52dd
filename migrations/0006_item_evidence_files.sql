CREATE TABLE `item_evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`history_id` integer NOT NULL,
	`slack_file_id` text NOT NULL,
	`name` text NOT NULL,
	`permalink` text NOT NULL,
	`mimetype` text,
	`size` integer,
	`added_by` text NOT NULL,
	`added_at` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`history_id`) REFERENCES `item_history`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `item_evidence_files_item` ON `item_evidence_files` (`item_id`,`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `item_evidence_files_change` ON `item_evidence_files` (`history_id`,`slack_file_id`);