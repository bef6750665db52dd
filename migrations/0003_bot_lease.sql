CREATE TABLE `bot_lease` (
	`id` integer PRIMARY KEY NOT NULL,
	`instance_id` text NOT NULL,
	`command` text NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`started_at_ms` integer NOT NULL,
	`heartbeat_at_ms` integer NOT NULL,
	CONSTRAINT "bot_lease_single_row" CHECK("bot_lease"."id" = 1)
);
