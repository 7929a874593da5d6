CREATE TABLE `assignment_instructors` (
	`assignment_id` integer NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`assignment_id`, `user_id`),
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `assignment_instructors_user_idx` ON `assignment_instructors` (`user_id`);--> statement-breakpoint
CREATE TABLE `assignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`context` text DEFAULT '' NOT NULL,
	`release` text DEFAULT 'immediate' NOT NULL,
	`open` integer DEFAULT true NOT NULL,
	`rubric_version` integer,
	`prompt_version` integer,
	`owner_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assignments_slug_unique` ON `assignments` (`slug`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`evaluation_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer,
	`resolved_by` text,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `flags_evaluation_idx` ON `flags` (`evaluation_id`);--> statement-breakpoint
CREATE INDEX `flags_open_idx` ON `flags` (`resolved_at`,`id`);--> statement-breakpoint
CREATE TABLE `review_scores` (
	`evaluation_id` integer NOT NULL,
	`criterion_id` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`evaluation_id`, `criterion_id`),
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `reviews` (
	`evaluation_id` integer PRIMARY KEY NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`final_json` text,
	`final_overall` real,
	`final_band` text,
	`reviewer_id` text,
	`reviewer_name` text NOT NULL,
	`updated_at` integer NOT NULL,
	`released_at` integer,
	FOREIGN KEY (`evaluation_id`) REFERENCES `evaluations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
DROP INDEX `evaluation_attempts_started_idx`;--> statement-breakpoint
CREATE INDEX `evaluation_attempts_started_idx` ON `evaluation_attempts` (`started_at`,`cost_usd`);--> statement-breakpoint
ALTER TABLE `evaluations` ADD `release` text DEFAULT 'immediate' NOT NULL;--> statement-breakpoint
CREATE INDEX `evaluations_release_idx` ON `evaluations` (`release`,`id`);--> statement-breakpoint
ALTER TABLE `submissions` ADD `assignment_id` integer REFERENCES assignments(id);--> statement-breakpoint
CREATE INDEX `submissions_assignment_idx` ON `submissions` (`assignment_id`,`created_at`);