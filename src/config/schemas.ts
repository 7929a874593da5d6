import * as v from 'valibot';

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const int = (min: number, max: number) =>
  v.pipe(v.number(), v.integer('must be a whole number'), v.minValue(min), v.maxValue(max));
const positive = v.pipe(v.number(), v.minValue(0));

/** rubric.yaml: what the memo is scored on. Cross-field rules live in rules.ts. */
export const RubricSchema = v.strictObject({
  name: text,
  description: text,
  scale: v.strictObject({
    min: int(0, 10),
    max: int(1, 10),
    labels: v.record(v.string(), text),
  }),
  bands: v.pipe(
    v.array(v.strictObject({ min: v.number(), label: text })),
    v.minLength(1, 'needs at least one band'),
  ),
  criteria: v.pipe(
    v.array(
      v.strictObject({
        id: v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lowercase letters, digits and _ (max 40)')),
        name: text,
        weight: int(1, 100),
        description: text,
        levels: v.record(v.string(), text),
      }),
    ),
    v.minLength(1, 'needs at least one criterion'),
    v.maxLength(12, 'at most 12 criteria'),
  ),
});

/** prompt.yaml: the evaluator's instructions (the rubric is appended by the prompt builder). */
export const PromptSchema = v.strictObject({
  system: text,
  evaluation_guidelines: text,
  segment_guidance: text,
  language_policy: text,
  security: text,
});

/** Effort levels of Claude 5.x adaptive thinking, lowest first (the order a retry steps down in). */
export const EFFORTS = ['low', 'medium', 'high', 'xhigh', 'max'] as const;
export type Effort = (typeof EFFORTS)[number];

const price = v.strictObject({ input: positive, output: positive, cache_write: positive, cache_read: positive });

/** llm.yaml: provider, model, limits and prices. Secrets never live here. */
export const LlmSchema = v.strictObject({
  provider: v.picklist(['auto', 'anthropic', 'demo']),
  model: text,
  // Where the API key and every memo go is an operator's decision, not an admin edit's.
  base_url: v.optional(v.never('cannot be set in llm.yaml: the API address comes only from ANTHROPIC_BASE_URL in the environment')),
  // How hard the model thinks; its thinking counts toward max_output_tokens.
  effort: v.optional(v.picklist(EFFORTS), 'medium'),
  max_output_tokens: int(1024, 128000),
  timeout_seconds: v.pipe(v.number(), v.minValue(1), v.maxValue(600)),
  total_timeout_seconds: v.pipe(v.number(), v.minValue(1), v.maxValue(3600)),
  max_retries: int(0, 10),
  concurrency: int(1, 64),
  prompt_caching: v.boolean(),
  max_chars: int(100, 200000),
  demo_delay_ms: int(0, 60000),
  // Days raw prompts and responses are kept for the admin debug view; scores and feedback stay.
  raw_retention_days: v.optional(int(1, 3650), 90),
  // How long the worker pool pauses after a rate limit without retry-after (doubling, with jitter).
  backoff: v.optional(
    v.strictObject({ initial_seconds: v.pipe(v.number(), v.minValue(0.01), v.maxValue(600)), max_seconds: v.pipe(v.number(), v.minValue(0.01), v.maxValue(3600)) }),
    { initial_seconds: 5, max_seconds: 300 },
  ),
  // Spending limits on the stored cost of calls (UTC day and month). Over one, new memos are refused
  // (or, with when_exceeded: demo, scored by the demo evaluator and labelled so); running ones finish.
  budget: v.optional(
    v.strictObject({ daily_usd: v.pipe(v.number(), v.minValue(0)), monthly_usd: v.pipe(v.number(), v.minValue(0)), when_exceeded: v.picklist(['refuse', 'demo']) }),
    { daily_usd: 25, monthly_usd: 250, when_exceeded: 'refuse' },
  ),
  // Memos waiting or running at most: past it, new memos get 503 with Retry-After and their text kept.
  queue_cap: v.optional(int(1, 1_000_000), 200),
  // Memos one client address may send per hour, whoever the writer (auth.yaml limits each writer).
  submissions_per_address_per_hour: v.optional(int(1, 1_000_000), 60),
  // US dollars per million tokens by model id; merged over the built-in table in src/llm/prices.ts.
  prices: v.optional(v.record(v.string(), price), {}),
  // Independent readings of each memo (k). With k > 1 they run in parallel, each criterion gets the
  // median score, the feedback comes from the reading closest to the medians, and it costs k times as much.
  samples: v.optional(int(1, 9), 1),
  // Students are told "scores varied by up to X between readings" when a criterion's range reaches this.
  spread_note_threshold: v.optional(v.pipe(v.number(), v.minValue(0)), 1),
  // Anchor-memo calibration: readings per anchor, and how far (as a fraction, 0.05 = 5 points) a
  // draft's hit rate may fall below the published config's before publishing needs an admin override.
  calibration: v.optional(
    v.strictObject({ samples: v.optional(int(1, 20), 3), tolerance: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1)), 0.05) }),
    { samples: 3, tolerance: 0.05 },
  ),
});

/** auth.yaml: student mode, sessions, lockout, passwords, rate limits. */
export const AuthSchema = v.strictObject({
  student_mode: v.picklist(['open', 'accounts']),
  sessions: v.strictObject({
    student_idle_days: v.pipe(v.number(), v.minValue(1), v.maxValue(3650)),
    admin_idle_hours: v.pipe(v.number(), v.minValue(0.25), v.maxValue(720)),
    // Absolute lifetimes: a session ends this long after sign-in (or the first memo) however active.
    student_max_days: v.optional(int(1, 3650), 120),
    admin_max_days: v.optional(int(1, 365), 7),
  }),
  // Per (username, address): max_failures free failures within window_minutes, then waits from
  // first_delay_seconds doubling up to lock_minutes. Never a lock on the account itself.
  lockout: v.strictObject({
    max_failures: int(1, 100),
    window_minutes: int(1, 1440),
    lock_minutes: int(1, 1440),
    first_delay_seconds: v.optional(int(1, 3600), 30),
  }),
  password: v.strictObject({
    admin_min_length: int(8, 128),
    student_min_length: int(6, 128),
  }),
  rate_limits: v.strictObject({
    submissions_per_writer_per_hour: int(1, 100000),
    requests_per_ip_per_hour: int(1, 10000000),
    logins_per_ip_per_15_minutes: int(1, 100000),
    // Polling of one's own pending evaluation counts here instead of per IP (a class behind one NAT).
    polls_per_session_per_hour: v.optional(int(1, 1000000), 3600),
  }),
});

export type Rubric = v.InferOutput<typeof RubricSchema>;
export type Criterion = Rubric['criteria'][number];
export type PromptConfig = v.InferOutput<typeof PromptSchema>;
export type LlmConfig = v.InferOutput<typeof LlmSchema>;
export type AuthConfig = v.InferOutput<typeof AuthSchema>;

/** The four YAML files, each with its schema. */
export const CONFIG_FILES = {
  rubric: RubricSchema,
  prompt: PromptSchema,
  llm: LlmSchema,
  auth: AuthSchema,
} as const;
export type ConfigName = keyof typeof CONFIG_FILES;
