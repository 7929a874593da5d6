-- Hand-written: every memo now belongs to an assignment. The default one (slug `memo`) answers the
-- shipped rubric and prompt as they stand (no pinned versions) and releases at once, so the flow
-- before assignments is unchanged; every existing submission moves into it.
INSERT INTO `assignments` (`slug`, `title`, `context`, `release`, `open`, `rubric_version`, `prompt_version`, `owner_id`, `created_at`, `updated_at`)
VALUES ('memo', 'Business memo', '', 'immediate', 1, NULL, NULL, NULL, CAST(unixepoch('subsec') * 1000 AS INTEGER), CAST(unixepoch('subsec') * 1000 AS INTEGER));
--> statement-breakpoint
UPDATE `submissions` SET `assignment_id` = (SELECT `id` FROM `assignments` WHERE `slug` = 'memo') WHERE `assignment_id` IS NULL;
