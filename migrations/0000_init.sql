CREATE TABLE `evaluations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`provider` text,
	`model` text,
	`rubric_version` text,
	`prompt_version` text,
	`overall` real,
	`band` text,
	`result_json` text,
	`raw_prompt` text,
	`raw_response` text,
	`input_tokens` integer,
	`output_tokens` integer,
	`cache_read_tokens` integer,
	`cache_write_tokens` integer,
	`latency_ms` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`runs` integer DEFAULT 0 NOT NULL,
	`error_kind` text,
	`error_message` text,
	`queued_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evaluations_status_idx` ON `evaluations` (`status`,`id`);--> statement-breakpoint
CREATE INDEX `evaluations_submission_idx` ON `evaluations` (`submission_id`);--> statement-breakpoint
CREATE INDEX `evaluations_created_idx` ON `evaluations` (`created_at`);--> statement-breakpoint
CREATE INDEX `evaluations_overall_idx` ON `evaluations` (`overall`);--> statement-breakpoint
CREATE INDEX `evaluations_latency_idx` ON `evaluations` (`latency_ms`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_verified_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`writer_id` text NOT NULL,
	`parent_id` integer,
	`text` text NOT NULL,
	`char_count` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`writer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`parent_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `submissions_writer_idx` ON `submissions` (`writer_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `submissions_parent_idx` ON `submissions` (`parent_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text,
	`password_hash` text,
	`role` text DEFAULT 'student' NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (lower("username"));