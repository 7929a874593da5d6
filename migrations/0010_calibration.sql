CREATE TABLE `anchor_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`anchor_id` text NOT NULL,
	`version` integer NOT NULL,
	`yaml` text,
	`author_id` text,
	`author_name` text NOT NULL,
	`note` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anchor_versions_anchor_version` ON `anchor_versions` (`assignment_id`,`anchor_id`,`version`);--> statement-breakpoint
CREATE TABLE `calibration_readings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` integer NOT NULL,
	`anchor_id` text NOT NULL,
	`sample` integer NOT NULL,
	`status` text NOT NULL,
	`scores_json` text,
	`overall` real,
	`error_kind` text,
	`error_message` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`latency_ms` integer,
	`raw_response` text,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	FOREIGN KEY (`run_id`) REFERENCES `calibration_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calibration_readings_run_idx` ON `calibration_readings` (`run_id`,`anchor_id`,`sample`);--> statement-breakpoint
CREATE INDEX `calibration_readings_started_idx` ON `calibration_readings` (`started_at`,`cost_usd`);--> statement-breakpoint
CREATE TABLE `calibration_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`assignment_id` integer NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`samples` integer NOT NULL,
	`mode` text DEFAULT 'direct' NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`effort` text,
	`rubric_version` text NOT NULL,
	`prompt_version` text NOT NULL,
	`llm_version` text NOT NULL,
	`rubric_source` integer NOT NULL,
	`prompt_source` integer NOT NULL,
	`llm_source` integer NOT NULL,
	`draft_name` text,
	`draft_version` integer,
	`anchors_json` text NOT NULL,
	`anchors_hash` text NOT NULL,
	`readings_total` integer NOT NULL,
	`readings_done` integer DEFAULT 0 NOT NULL,
	`hit_rate` real,
	`mean_distance` real,
	`mean_spread` real,
	`worst_spread` real,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`started_by_id` text,
	`started_by_name` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`started_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `calibration_runs_assignment_idx` ON `calibration_runs` (`assignment_id`,`id`);--> statement-breakpoint
CREATE INDEX `calibration_runs_draft_idx` ON `calibration_runs` (`draft_name`,`draft_version`);--> statement-breakpoint
ALTER TABLE `config_versions` ADD `status` text DEFAULT 'published' NOT NULL;--> statement-breakpoint
ALTER TABLE `config_versions` ADD `published_version` integer;--> statement-breakpoint
ALTER TABLE `evaluation_attempts` ADD `sample` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `samples` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `spread_json` text;