-- A counter of changes to plans and groups, for caches of the ledger's statistics. Item changes
-- need no trigger: every one appends to item_history, whose largest id already tells them apart.
-- (Triggers on items would cost a write per row in a 250,000-item import.)
INSERT INTO `settings` (`key`, `value`) VALUES ('plans_version', '0') ON CONFLICT(`key`) DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER `plans_version_insert` AFTER INSERT ON `plans` BEGIN
  UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'plans_version';
END;
--> statement-breakpoint
CREATE TRIGGER `plans_version_update` AFTER UPDATE ON `plans` BEGIN
  UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'plans_version';
END;
--> statement-breakpoint
CREATE TRIGGER `plans_version_delete` AFTER DELETE ON `plans` BEGIN
  UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'plans_version';
END;
--> statement-breakpoint
CREATE TRIGGER `groups_version_change` AFTER UPDATE OF `code` ON `groups` BEGIN
  UPDATE `settings` SET `value` = CAST(`value` AS INTEGER) + 1 WHERE `key` = 'plans_version';
END;
