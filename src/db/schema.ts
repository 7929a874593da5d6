import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** Times are integer milliseconds since the epoch (UTC). */
const millis = (name: string) => integer(name, { mode: 'number' });

/** Students write memos; instructors run their assignments and reviews; admins run everything. */
export const ROLES = ['student', 'instructor', 'admin'] as const;

/** Writers, instructors and admins. Anonymous writers (open student mode) have no username or password. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username'),
    passwordHash: text('password_hash'),
    role: text('role', { enum: ROLES }).notNull().default('student'),
    anonymous: integer('anonymous', { mode: 'boolean' }).notNull().default(false),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: millis('last_login_at'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_username_unique').on(sql`lower(${t.username})`)],
);

/** Sessions per the Lucia guide: the cookie holds `id.secret`; only the secret's SHA-256 is stored. */
export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    createdAt: millis('created_at').notNull(),
    lastVerifiedAt: millis('last_verified_at').notNull(),
    expiresAt: millis('expires_at').notNull(),
    /** Shown to admins on /admin/sessions so they can tell sessions apart. */
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A memo as the writer sent it (CRLF normalised). Never changed after insert. */
export const submissions = sqliteTable(
  'submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    writerId: text('writer_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    parentId: integer('parent_id').references((): AnySQLiteColumn => submissions.id, { onDelete: 'set null' }),
    /** The assignment it answers (set on every insert; null only on rows older than assignments). */
    assignmentId: integer('assignment_id').references((): AnySQLiteColumn => assignments.id),
    text: text('text').notNull(),
    charCount: integer('char_count').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    index('submissions_writer_idx').on(t.writerId, t.createdAt),
    index('submissions_parent_idx').on(t.parentId),
    index('submissions_assignment_idx').on(t.assignmentId, t.createdAt),
  ],
);

export const EVALUATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
/**
 * What the student may see of a result: `immediate` (the AI's, as soon as it is done), `pending`
 * (an assignment with review before release: nothing until an instructor releases it), `released`
 * (the final result an instructor released, in `reviews`).
 */
export const RELEASE_STATES = ['immediate', 'pending', 'released'] as const;
export type ReleaseState = (typeof RELEASE_STATES)[number];
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** One evaluation job and its result. The row is the queue: queued → running → done | failed. */
export const evaluations = sqliteTable(
  'evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    submissionId: integer('submission_id').notNull().references(() => submissions.id, { onDelete: 'cascade' }),
    status: text('status', { enum: EVALUATION_STATUSES }).notNull().default('queued'),
    provider: text('provider'),
    model: text('model'),
    rubricVersion: text('rubric_version'),
    promptVersion: text('prompt_version'),
    llmVersion: text('llm_version'),
    overall: real('overall'),
    band: text('band'),
    /** JSON: the result (criteria with names, weights, scores, justifications; strengths; opportunities; segments). */
    resultJson: text('result_json'),
    rawPrompt: text('raw_prompt'),
    rawResponse: text('raw_response'),
    /** Token sums over every attempt of every run (evaluation_attempts holds each one). */
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    cacheReadTokens: integer('cache_read_tokens'),
    cacheWriteTokens: integer('cache_write_tokens'),
    /** Part of output_tokens the model spent thinking (adaptive thinking counts toward max_tokens). */
    thinkingTokens: integer('thinking_tokens'),
    /** US dollars over every attempt, each priced when it was made (never recomputed). */
    costUsd: real('cost_usd'),
    latencyMs: integer('latency_ms'),
    /** JSON: the criteria the current run has streamed so far (decision 014); null when no run is in progress. */
    partialJson: text('partial_json'),
    /** From queueing to the first criterion saved, for the first run that saved one. */
    firstFeedbackMs: integer('first_feedback_ms'),
    /** How many independent readings (llm.yaml samples) the result combines; 1 = a single reading. */
    samples: integer('samples').notNull().default(1),
    /** JSON, when samples > 1: per criterion every reading's score, min, max, range and std dev (decision 019). */
    spreadJson: text('spread_json'),
    attempts: integer('attempts').notNull().default(0),
    runs: integer('runs').notNull().default(0),
    release: text('release', { enum: RELEASE_STATES }).notNull().default('immediate'),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    queuedAt: millis('queued_at').notNull(),
    /** Not claimed before this time: set when the provider asked us to wait (429/529). */
    notBefore: millis('not_before'),
    /** When this run first started; the llm.yaml total timeout counts from here across requeues. */
    firstStartedAt: millis('first_started_at'),
    startedAt: millis('started_at'),
    finishedAt: millis('finished_at'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [
    index('evaluations_status_idx').on(t.status, t.id),
    index('evaluations_submission_idx').on(t.submissionId),
    index('evaluations_created_idx').on(t.createdAt),
    index('evaluations_overall_idx').on(t.overall),
    index('evaluations_latency_idx').on(t.latencyMs),
    // Admin history: a status filter sorted by date, and the sort by run time.
    index('evaluations_status_created_idx').on(t.status, t.createdAt),
    index('evaluations_duration_idx').on(sql`(${t.finishedAt} - ${t.startedAt})`),
    index('evaluations_release_idx').on(t.release, t.id),
  ],
);

export const CONFIG_NAMES = ['rubric', 'prompt', 'llm', 'auth'] as const;
export const CONFIG_VERSION_STATUSES = ['published', 'draft', 'discarded'] as const;

/** Admin edits of config/*.yaml: each save is a new version; the newest of each name is in force. */
export const configVersions = sqliteTable(
  'config_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name', { enum: CONFIG_NAMES }).notNull(),
    version: integer('version').notNull(),
    yaml: text('yaml').notNull(),
    /** Same hash as evaluations.*_version, so an evaluation can be traced to the text it used. */
    hash: text('hash').notNull(),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    note: text('note').notNull(),
    createdAt: millis('created_at').notNull(),
    /**
     * published: in the history, the newest is in force. draft: saved for calibration, never in force
     * until published (which appends a published copy and sets published_version). discarded: dropped draft.
     */
    status: text('status', { enum: CONFIG_VERSION_STATUSES }).notNull().default('published'),
    /** For a draft that was published: the published version it became. */
    publishedVersion: integer('published_version'),
  },
  (t) => [uniqueIndex('config_versions_name_version').on(t.name, t.version)],
);

/** Who did what and when, for admin actions. Kept when the actor is deleted. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actorId: text('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    target: text('target'),
    details: text('details'),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [index('audit_log_created_idx').on(t.createdAt)],
);

/** Failed sign-ins (`ip` is the address key: IPv4 or IPv6 /64), for throttling per (username, address) and per address. Old rows are pruned. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [index('login_failures_username_idx').on(t.username, t.createdAt), index('login_failures_ip_idx').on(t.ip, t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Submission = typeof submissions.$inferSelect;
export type Evaluation = typeof evaluations.$inferSelect;
export type ConfigVersion = typeof configVersions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

/** One run of a scheduled or command-line job (backups): shown on /admin/system and in /health. */
export const jobRuns = sqliteTable(
  'job_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    job: text('job').notNull(),
    status: text('status', { enum: ['running', 'ok', 'failed'] }).notNull(),
    startedAt: millis('started_at').notNull(),
    finishedAt: millis('finished_at'),
    /** JSON with what the run did (file, size, kept, removed). */
    detail: text('detail'),
    error: text('error'),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.id)],
);

export type JobRun = typeof jobRuns.$inferSelect;

/** One HTTP attempt at the LLM (or one demo call): appended, never updated, so Try again keeps history. */
export const evaluationAttempts = sqliteTable(
  'evaluation_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
    /** Which run of the evaluation (evaluations.runs at the time): 1, then 2 after Try again or a requeue. */
    run: integer('run').notNull(),
    /** Which reading (0-based) when llm.yaml samples > 1; always 0 for a single reading. */
    sample: integer('sample').notNull().default(0),
    startedAt: millis('started_at').notNull(),
    finishedAt: millis('finished_at').notNull(),
    /** ok, or the error kind (rate_limited, max_tokens, refusal, invalid_output, ...). */
    outcome: text('outcome').notNull(),
    httpStatus: integer('http_status'),
    /** Anthropic's error.type (rate_limit_error, overloaded_error, ...) and its message. */
    errorType: text('error_type'),
    errorMessage: text('error_message'),
    requestId: text('request_id'),
    model: text('model').notNull(),
    effort: text('effort'),
    maxTokens: integer('max_tokens'),
    stopReason: text('stop_reason'),
    refusalCategory: text('refusal_category'),
    retryAfterMs: integer('retry_after_ms'),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    thinkingTokens: integer('thinking_tokens').notNull().default(0),
    cacheReadTokens: integer('cache_read_tokens').notNull().default(0),
    cacheWriteTokens: integer('cache_write_tokens').notNull().default(0),
    costUsd: real('cost_usd').notNull().default(0),
    /** JSON list of what the server's checks found: why an answer was re-asked, which segments were dropped. */
    problems: text('problems'),
    /** The text the model returned on this attempt (pruned with the raw prompt after raw_retention_days). */
    responseText: text('response_text'),
  },
  // (started_at, cost_usd) covers the budget check made on every submission.
  (t) => [index('evaluation_attempts_evaluation_idx').on(t.evaluationId, t.id), index('evaluation_attempts_started_idx').on(t.startedAt, t.costUsd)],
);

export type EvaluationAttempt = typeof evaluationAttempts.$inferSelect;

/** How an assignment's results reach students: at once, or after an instructor's review. */
export const RELEASE_MODES = ['immediate', 'review'] as const;
export type ReleaseMode = (typeof RELEASE_MODES)[number];

/** A memo task: its brief (rendered into the cached system prompt), release mode and pinned config. */
export const assignments = sqliteTable('assignments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** In the student's URL: /a/<slug>. The default assignment is `memo`. */
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  /** The brief: company, audience, goals, what the memo must decide. */
  context: text('context').notNull().default(''),
  release: text('release', { enum: RELEASE_MODES }).notNull().default('immediate'),
  open: integer('open', { mode: 'boolean' }).notNull().default(true),
  /** config_versions.version of rubric.yaml / prompt.yaml it uses (0 = the shipped file); null follows the version in force. */
  rubricVersion: integer('rubric_version'),
  promptVersion: integer('prompt_version'),
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
  createdAt: millis('created_at').notNull(),
  updatedAt: millis('updated_at').notNull(),
});

export type Assignment = typeof assignments.$inferSelect;

/** Instructors who co-teach an assignment (its owner is in `assignments.owner_id`). */
export const assignmentInstructors = sqliteTable(
  'assignment_instructors',
  {
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.assignmentId, t.userId] }), index('assignment_instructors_user_idx').on(t.userId)],
);

/** An instructor's review of one evaluation. The AI's result is never changed; the final one is computed at release. */
export const reviews = sqliteTable('reviews', {
  evaluationId: integer('evaluation_id')
    .primaryKey()
    .references(() => evaluations.id, { onDelete: 'cascade' }),
  /** To the student, shown with the released result. */
  note: text('note').notNull().default(''),
  /** The released result (AI result with the instructor's scores and comments, overall recomputed). */
  finalJson: text('final_json'),
  finalOverall: real('final_overall'),
  finalBand: text('final_band'),
  reviewerId: text('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
  reviewerName: text('reviewer_name').notNull(),
  updatedAt: millis('updated_at').notNull(),
  releasedAt: millis('released_at'),
});

/** An instructor's score for one criterion of one evaluation, with the comment the student sees. */
export const reviewScores = sqliteTable(
  'review_scores',
  {
    evaluationId: integer('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.criterionId] })],
);

/** A student's "this feedback seems wrong": open until an instructor answers (override or note). */
export const flags = sqliteTable(
  'flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id').notNull().references(() => evaluations.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: millis('created_at').notNull(),
    resolvedAt: millis('resolved_at'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('flags_evaluation_idx').on(t.evaluationId), index('flags_open_idx').on(t.resolvedAt, t.id)],
);

export type Flag = typeof flags.$inferSelect;

/**
 * An admin's edit of one anchor memo of one assignment: appended, never updated (like config versions).
 * The newest version of each anchor id is in force; `yaml` null means the anchor was removed at that
 * version. Anchors without stored versions come from config/anchors/*.yaml (version 0).
 */
export const anchorVersions = sqliteTable(
  'anchor_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    anchorId: text('anchor_id').notNull(),
    version: integer('version').notNull(),
    yaml: text('yaml'),
    authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
    authorName: text('author_name').notNull(),
    note: text('note').notNull(),
    createdAt: millis('created_at').notNull(),
  },
  (t) => [uniqueIndex('anchor_versions_anchor_version').on(t.assignmentId, t.anchorId, t.version)],
);

export type AnchorVersion = typeof anchorVersions.$inferSelect;

export const CALIBRATION_STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/**
 * One calibration run: every anchor of an assignment evaluated `samples` times with one exact config
 * (hashes and stored version numbers, a draft's included). Totals are stored when it finishes.
 */
export const calibrationRuns = sqliteTable(
  'calibration_runs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    assignmentId: integer('assignment_id').notNull().references(() => assignments.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CALIBRATION_STATUSES }).notNull().default('queued'),
    samples: integer('samples').notNull(),
    /** direct: one Messages call per reading; batch: the Message Batches API (half price). */
    mode: text('mode', { enum: ['direct', 'batch'] }).notNull().default('direct'),
    provider: text('provider').notNull(),
    model: text('model').notNull(),
    effort: text('effort'),
    /** Content hashes of the configs used (same as evaluations.*_version). */
    rubricVersion: text('rubric_version').notNull(),
    promptVersion: text('prompt_version').notNull(),
    llmVersion: text('llm_version').notNull(),
    /** config_versions.version of each (0 = the shipped file); a draft's number when it is the draft. */
    rubricSource: integer('rubric_source').notNull(),
    promptSource: integer('prompt_source').notNull(),
    llmSource: integer('llm_source').notNull(),
    /** The config draft this run tests (name and version), null for the published config. */
    draftName: text('draft_name', { enum: CONFIG_NAMES }),
    draftVersion: integer('draft_version'),
    /** JSON: the anchors as used (id, title, tags, expected ranges, version), so the run reads the same later. */
    anchorsJson: text('anchors_json').notNull(),
    anchorsHash: text('anchors_hash').notNull(),
    /** Progress: readings finished out of anchors × samples. */
    readingsTotal: integer('readings_total').notNull(),
    readingsDone: integer('readings_done').notNull().default(0),
    hitRate: real('hit_rate'),
    meanDistance: real('mean_distance'),
    meanSpread: real('mean_spread'),
    worstSpread: real('worst_spread'),
    costUsd: real('cost_usd').notNull().default(0),
    startedById: text('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    startedByName: text('started_by_name').notNull(),
    error: text('error'),
    createdAt: millis('created_at').notNull(),
    finishedAt: millis('finished_at'),
  },
  (t) => [index('calibration_runs_assignment_idx').on(t.assignmentId, t.id), index('calibration_runs_draft_idx').on(t.draftName, t.draftVersion)],
);

export type CalibrationRun = typeof calibrationRuns.$inferSelect;

/**
 * One reading of one anchor in a calibration run: its scores or its failure, and what it cost. The
 * cost counts toward the llm.yaml budget like any evaluation attempt (started_at, cost_usd).
 */
export const calibrationReadings = sqliteTable(
  'calibration_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runId: integer('run_id').notNull().references(() => calibrationRuns.id, { onDelete: 'cascade' }),
    anchorId: text('anchor_id').notNull(),
    sample: integer('sample').notNull(),
    status: text('status', { enum: ['done', 'failed'] }).notNull(),
    /** JSON {criterionId: score}, when done. */
    scoresJson: text('scores_json'),
    overall: real('overall'),
    errorKind: text('error_kind'),
    errorMessage: text('error_message'),
    attempts: integer('attempts').notNull().default(0),
    inputTokens: integer('input_tokens').notNull().default(0),
    outputTokens: integer('output_tokens').notNull().default(0),
    costUsd: real('cost_usd').notNull().default(0),
    latencyMs: integer('latency_ms'),
    /** The model's answer(s), for the debug view; pruned with raw prompts after raw_retention_days. */
    rawResponse: text('raw_response'),
    startedAt: millis('started_at').notNull(),
    finishedAt: millis('finished_at').notNull(),
  },
  (t) => [index('calibration_readings_run_idx').on(t.runId, t.anchorId, t.sample), index('calibration_readings_started_idx').on(t.startedAt, t.costUsd)],
);

export type CalibrationReading = typeof calibrationReadings.$inferSelect;
