CREATE TABLE `item_reviews` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`claim_id` integer NOT NULL,
	`claimed_by` text,
	`claimed_at` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`decided_on` text,
	`reason` text,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `item_reviews_claim` ON `item_reviews` (`item_id`,`claim_id`);--> statement-breakpoint
CREATE INDEX `item_reviews_state` ON `item_reviews` (`state`,`decided_on`);