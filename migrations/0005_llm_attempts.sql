CREATE TABLE `evaluation_attempts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`run` integer NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer NOT NULL,
	`outcome` text NOT NULL,
	`http_status` integer,
	`error_type` text,
	`error_message` text,
	`request_id` text,
	`model` text NOT NULL,
	`effort` text,
	`max_tokens` integer,
	`stop_reason` text,
	`refusal_category` text,
	`retry_after_ms` integer,
	`input_tokens` integer DEFAULT 0 NOT NULL,
	`output_tokens` integer DEFAULT 0 NOT NULL,
	`thinking_tokens` integer DEFAULT 0 NOT NULL,
	`cache_read_tokens` integer DEFAULT 0 NOT NULL,
	`cache_write_tokens` integer DEFAULT 0 NOT NULL,
	`cost_usd` real DEFAULT 0 NOT NULL,
	`problems` text,
	`response_text` text,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `evaluation_attempts_evaluation_idx` ON `evaluation_attempts` (`evaluation_id`,`id`);--> statement-breakpoint
CREATE INDEX `evaluation_attempts_started_idx` ON `evaluation_attempts` (`started_at`,`cost_usd`);--> statement-breakpoint
ALTER TABLE `evaluations` ADD `thinking_tokens` integer;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `cost_usd` real;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `first_started_at` integer;