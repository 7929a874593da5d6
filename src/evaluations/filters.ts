import * as v from 'valibot';
import type { EvaluationFilter, EvaluationOrder } from '../db/queries/admin-evaluations.ts';
import { EVALUATION_STATUSES } from '../db/schema.ts';
import { DAY } from '../time.ts';

/** The admin history's filter fields: the filter form's inputs and the query string keys its links keep. */
export const FILTER_FIELDS = ['from', 'to', 'writer', 'status', 'min', 'max', 'q', 'sort', 'dir'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

/** The filter form's values as the user typed them (absent or empty = not filtered). */
export type FilterValues = Partial<Record<FilterField, string>>;

/** True for "YYYY-MM-DD" naming a real day (no 2026-02-30). */
function isDay(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(t) && new Date(t).toISOString().startsWith(s);
}

/** "YYYY-MM-DD" that names a real day → its UTC midnight in ms. */
const Day = v.pipe(
  v.string(),
  v.check(isDay, (i) => `“${String(i.input)}” is not a date; use YYYY-MM-DD, for example 2026-03-31.`),
  v.transform((s) => Date.parse(`${s}T00:00:00Z`)),
);

const Score = v.pipe(
  v.string(),
  v.check((s) => /^\d(\.\d+)?$/.test(s) && Number(s) >= 1 && Number(s) <= 5, 'Enter a score from 1.0 to 5.0, for example 3.5.'),
  v.transform(Number),
);

/** The history's filters: every field optional; empty fields are dropped before parsing (`page` is paginate's). */
export const EvaluationFilterSchema = v.pipe(
  v.object({
    from: v.optional(Day),
    to: v.optional(Day),
    writer: v.optional(v.pipe(v.string(), v.maxLength(100, 'Use at most 100 characters.'))),
    status: v.optional(v.picklist(EVALUATION_STATUSES, 'Choose queued, running, done or failed.')),
    min: v.optional(Score),
    max: v.optional(Score),
    q: v.optional(v.pipe(v.string(), v.maxLength(200, 'Use at most 200 characters.'))),
    sort: v.optional(v.picklist(['date', 'score', 'duration'], 'Sort by date, score or duration.'), 'date'),
    dir: v.optional(v.picklist(['asc', 'desc'], 'Choose ascending or descending.'), 'desc'),
  }),
  v.forward(
    v.partialCheck([['from'], ['to']], (i) => i.from === undefined || i.to === undefined || i.from <= i.to, 'The end day is before the start day.'),
    ['to'],
  ),
  v.forward(
    v.partialCheck([['min'], ['max']], (i) => i.min === undefined || i.max === undefined || i.min <= i.max, 'The highest score is below the lowest.'),
    ['max'],
  ),
);

export type ParsedFilters =
  | { ok: true; values: FilterValues; filter: EvaluationFilter; order: EvaluationOrder }
  | { ok: false; values: FilterValues; errors: Partial<Record<FilterField, string>> };

/** The filter fields of a query string, trimmed, empty ones left out. */
function filterValues(query: Record<string, string | undefined>): FilterValues {
  const values: FilterValues = {};
  for (const key of FILTER_FIELDS) {
    const raw = query[key]?.trim();
    if (raw) values[key] = raw;
  }
  return values;
}

/** Query string → the filter and order, or an error per field. */
export function parseFilters(query: Record<string, string | undefined>): ParsedFilters {
  const values = filterValues(query);
  const parsed = v.safeParse(EvaluationFilterSchema, values);
  if (!parsed.success) {
    const nested = v.flatten<typeof EvaluationFilterSchema>(parsed.issues).nested ?? {};
    const errors: Partial<Record<FilterField, string>> = {};
    for (const key of FILTER_FIELDS) if (nested[key]?.[0]) errors[key] = nested[key][0];
    return { ok: false, values, errors };
  }
  const o = parsed.output;
  const filter: EvaluationFilter = { fromMs: o.from, toMs: o.to === undefined ? undefined : o.to + DAY, writer: o.writer, status: o.status, min: o.min, max: o.max, q: o.q };
  return { ok: true, values, filter, order: { sort: o.sort, dir: o.dir } };
}
