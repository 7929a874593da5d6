ALTER TABLE `evaluations` ADD `partial_json` text;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `first_feedback_ms` integer;