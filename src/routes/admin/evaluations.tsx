import * as v from 'valibot';
import { findAdminEvaluation, iterateAdminEvaluations, listAdminEvaluations, type EvaluationFilter, type EvaluationOrder } from '../../db/queries/admin-evaluations.ts';
import { EVALUATION_STATUSES } from '../../db/schema.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.tsx';
import { pageContext } from '../../http/page-context.ts';
import { renderFragment, renderPage } from '../../http/render.ts';
import { listAttempts } from '../../db/queries/attempts.ts';
import type { EvaluationResult } from '../../llm/evaluate.ts';
import { isoDate } from '../../views/format.ts';
import { EvaluationDetailPage } from '../../views/pages/admin/evaluation-detail-page.tsx';
import { EvaluationFilters } from '../../views/partials/admin/evaluation-filters.tsx';
import { memoExcerpt, providerLabel, writerLabel } from '../../views/evaluation-labels.ts';
import { FILTER_FIELDS, type FilterField, type FilterValues } from '../../views/admin/evaluation-links.ts';
import { EvaluationsPage } from '../../views/pages/admin/evaluations-page.tsx';
import { EvaluationsUpdate } from '../../views/partials/admin/evaluations-update.tsx';
import { evaluationsCsv, evaluationsCsvFilename } from '../../views/admin/evaluations-csv.ts';

/** Rows per page of the history. */
export const PAGE_SIZE = 50;

const DAY_MS = 86_400_000;
/** Pages beyond this are treated as this one (it is past the end of any real history anyway). */
const MAX_PAGE = 1_000_000;

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

/** `page` never fails: anything but a positive integer is clamped to page 1 (a hand-edited URL still shows the list). */
const Page = v.pipe(
  v.string(),
  v.transform((s) => (/^\d+$/.test(s) && Number(s) >= 1 ? Math.min(Number(s), MAX_PAGE) : 1)),
);

/** The history's query string: every field optional; empty fields are dropped before parsing. */
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
    page: v.optional(Page, '1'),
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

type ParsedFilters =
  | { ok: true; values: FilterValues; filter: EvaluationFilter; order: EvaluationOrder; page: number }
  | { ok: false; values: FilterValues; errors: Partial<Record<FilterField, string>> };

/** Query string → the filter, order and page, or an error per field. */
function parseFilters(c: Ctx): ParsedFilters {
  const values: FilterValues = {};
  for (const key of FILTER_FIELDS) {
    const raw = c.req.query(key)?.trim();
    if (raw) values[key] = raw;
  }
  const page = c.req.query('page')?.trim();
  const parsed = v.safeParse(EvaluationFilterSchema, page ? { ...values, page } : values);
  if (!parsed.success) {
    const nested = v.flatten<typeof EvaluationFilterSchema>(parsed.issues).nested ?? {};
    const errors: Partial<Record<FilterField, string>> = {};
    for (const key of FILTER_FIELDS) if (nested[key]?.[0]) errors[key] = nested[key][0];
    return { ok: false, values, errors };
  }
  const o = parsed.output;
  const filter: EvaluationFilter = { fromMs: o.from, toMs: o.to === undefined ? undefined : o.to + DAY_MS, writer: o.writer, status: o.status, min: o.min, max: o.max, q: o.q };
  return { ok: true, values, filter, order: { sort: o.sort, dir: o.dir }, page: o.page };
}

function invalidFilters(c: Ctx, p: Extract<ParsedFilters, { ok: false }>) {
  if (wantsJson(c)) return c.json({ error: 'Invalid filters', issues: p.errors }, 422);
  if (isHtmx(c)) return renderFragment(c, <EvaluationFilters values={p.values} errors={p.errors} enhance />, 422);
  return renderPage(c, <EvaluationsPage ctx={pageContext(c)} values={p.values} errors={p.errors} listing={undefined} />, 422);
}

/** GET /admin/evaluations — the filtered, sorted, paged history (page, htmx rows fragment, or JSON). */
export function listEvaluations(c: Ctx) {
  const p = parseFilters(c);
  if (!p.ok) return invalidFilters(c, p);
  const { rows, total } = listAdminEvaluations(c.var.deps.db, p.filter, p.order, { limit: PAGE_SIZE, offset: (p.page - 1) * PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (wantsJson(c)) return c.json({ rows: rows.map(jsonRow), total, page: p.page, pageSize: PAGE_SIZE, pages });
  const emptyMessage = total === 0 ? 'No evaluations match these filters.' : undefined;
  const listing = { rows, order: p.order, page: p.page, pages, total, emptyMessage };
  if (isHtmx(c)) return renderFragment(c, <EvaluationsUpdate {...listing} values={p.values} />);
  return renderPage(c, <EvaluationsPage ctx={pageContext(c)} values={p.values} errors={{}} listing={listing} />);
}

function jsonRow(r: ReturnType<typeof listAdminEvaluations>['rows'][number]) {
  return {
    id: r.id,
    createdAt: isoDate(r.createdAt),
    writer: writerLabel(r.username, r.writerId),
    writerId: r.writerId,
    status: r.status,
    errorKind: r.errorKind,
    overall: r.overall,
    band: r.band,
    durationMs: r.durationMs,
    provider: r.provider,
    model: r.model,
    providerLabel: providerLabel(r.provider, r.model),
    excerpt: memoExcerpt(r.memoStart, r.memoChars),
  };
}

/** GET /admin/evaluations.csv — every evaluation the filters select (page ignored, sort kept), one column per criterion. */
export function exportEvaluationsCsv(c: Ctx) {
  const p = parseFilters(c);
  if (!p.ok) return invalidFilters(c, p);
  const { db, config, now } = c.var.deps;
  const criteria = config.current.files.rubric.criteria.map((x) => x.id);
  const body = evaluationsCsv(iterateAdminEvaluations(db, p.filter, p.order), criteria);
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${evaluationsCsvFilename(now())}"`,
  });
}

/** The stored result JSON, or undefined when absent or unreadable (the page still shows everything else). */
function readResult(json: string | null): EvaluationResult | undefined {
  if (!json) return undefined;
  try {
    return JSON.parse(json) as EvaluationResult;
  } catch {
    return undefined;
  }
}

/** GET /admin/evaluations/:id — everything about one evaluation, including the raw prompt and response (also JSON). */
export function showEvaluationDetail(c: Ctx) {
  const id = c.req.param('id') ?? '';
  if (!/^\d{1,15}$/.test(id)) return notFound(c);
  const { db } = c.var.deps;
  const ev = findAdminEvaluation(db, Number(id));
  if (!ev) return notFound(c);
  const result = ev.status === 'done' ? readResult(ev.resultJson) : undefined;
  const attempts = listAttempts(db, ev.id);
  if (wantsJson(c)) {
    const { resultJson: _omit, ...fields } = ev;
    return c.json({ ...fields, writer: writerLabel(ev.username, ev.writerId), demo: ev.provider === 'demo', result: result ?? null, attemptLog: attempts.map(({ responseText: _r, ...a }) => a) });
  }
  return renderPage(c, <EvaluationDetailPage ctx={pageContext(c)} ev={ev} result={result} attempts={attempts} />);
}
