CREATE TABLE `extension_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`from_due_on` text NOT NULL,
	`to_due_on` text NOT NULL,
	`reason` text NOT NULL,
	`request_key` text NOT NULL,
	`decision` text,
	`decided_by` text,
	`decided_at` text,
	`escalated_at` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `extension_requests_request_key_unique` ON `extension_requests` (`request_key`);--> statement-breakpoint
CREATE INDEX `extension_requests_item` ON `extension_requests` (`item_id`);--> statement-breakpoint
CREATE INDEX `extension_requests_open` ON `extension_requests` (`decision`,`requested_at`);--> statement-breakpoint
CREATE INDEX `items_extended` ON `items` (`original_due_on`) WHERE original_due_on is not null;