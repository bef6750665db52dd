CREATE TABLE `round_self_check_receipts` (
	`request_key` text PRIMARY KEY NOT NULL,
	`round_id` integer NOT NULL,
	`plan_id` integer NOT NULL,
	`outcome` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
