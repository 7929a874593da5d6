import { listEvaluationsPage, readAdminEvaluation, scopedFilter } from '../../evaluations/admin.ts';
import { evaluationsCsv, evaluationsCsvFilename } from '../../evaluations/csv.ts';
import { parseFilters, type ParsedFilters } from '../../evaluations/filters.ts';
import { iterateAdminEvaluations, type AdminEvaluationRow } from '../../db/queries/admin-evaluations.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.tsx';
import { idParam } from '../../http/id-param.ts';
import { layoutKey, pageContext } from '../../http/page-context.ts';
import { renderCachedPage } from '../../http/page-cache.ts';
import { renderFragment, renderPage } from '../../http/render.ts';
import { isoDate } from '../../views/format.ts';
import { EvaluationDetailPage } from '../../views/pages/admin/evaluation-detail-page.tsx';
import { EvaluationFilters } from '../../views/partials/admin/evaluation-filters.tsx';
import { memoExcerpt, providerLabel, writerLabel } from '../../views/evaluation-labels.ts';
import { EvaluationsPage } from '../../views/pages/admin/evaluations-page.tsx';
import { EvaluationsUpdate } from '../../views/partials/admin/evaluations-update.tsx';

function invalidFilters(c: Ctx, p: Extract<ParsedFilters, { ok: false }>) {
  if (wantsJson(c)) return c.json({ error: 'Invalid filters', issues: p.errors }, 422);
  if (isHtmx(c)) return renderFragment(c, <EvaluationFilters values={p.values} errors={p.errors} enhance />, 422);
  return renderPage(c, <EvaluationsPage ctx={pageContext(c)} values={p.values} errors={p.errors} listing={undefined} />, 422);
}

/** GET /admin/evaluations — the filtered, sorted, paged history (page, htmx rows fragment, or JSON). */
export function listEvaluations(c: Ctx) {
  const p = parseFilters(c.req.query());
  if (!p.ok) return invalidFilters(c, p);
  const { rows, total, page, pages, pageSize } = listEvaluationsPage(c.get('deps').db, scopedFilter(p.filter, c.get('user')!), p.order, c.req.query('page'));
  if (wantsJson(c)) return c.json({ rows: rows.map(jsonRow), total, page, pageSize, pages });
  const emptyMessage = total === 0 ? 'No evaluations match these filters.' : undefined;
  const listing = { rows, order: p.order, page, pages, total, emptyMessage };
  if (isHtmx(c)) return renderFragment(c, <EvaluationsUpdate {...listing} values={p.values} />);
  const ctx = pageContext(c);
  // Keyed by everything it shows, rows included: a busy console re-reads the same page far more often than it changes.
  return renderCachedPage(c, `admin-evaluations ${layoutKey(ctx)} ${JSON.stringify([listing, p.values])}`, () => <EvaluationsPage ctx={ctx} values={p.values} errors={{}} listing={listing} />);
}

function jsonRow(r: AdminEvaluationRow) {
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
  const p = parseFilters(c.req.query());
  if (!p.ok) return invalidFilters(c, p);
  const { db, config, now } = c.get('deps');
  const criteria = config.current.files.rubric.criteria.map((x) => x.id);
  const body = evaluationsCsv(iterateAdminEvaluations(db, scopedFilter(p.filter, c.get('user')!), p.order), criteria);
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${evaluationsCsvFilename(now())}"`,
  });
}

/** GET /admin/evaluations/:id — everything about one evaluation, including the raw prompt and response (also JSON). */
export function showEvaluationDetail(c: Ctx) {
  const id = idParam(c.req.param('id'));
  const model = id === undefined ? undefined : readAdminEvaluation(c.get('deps').db, id, c.get('user')!);
  if (!model) return notFound(c);
  const { ev, result, resultProblem, attempts, spread, review } = model;
  if (resultProblem) c.get('deps').log.warn({ evaluationId: ev.id, problem: resultProblem }, 'stored evaluation result is corrupt');
  if (wantsJson(c)) {
    const { resultJson: _omit, spreadJson: _read, ...fields } = ev;
    const reviewJson = review ? { note: review.note, reviewer: review.reviewerName, releasedAt: review.releasedAt, overrides: review.overrides } : null;
    const results = { result: result ?? null, ai: result ?? null, final: review?.final ?? null, review: reviewJson };
    return c.json({ ...fields, writer: writerLabel(ev.username, ev.writerId), demo: ev.provider === 'demo', spread: spread ?? null, ...results, attemptLog: attempts.map(({ responseText: _r, ...a }) => a) });
  }
  return renderPage(c, <EvaluationDetailPage ctx={pageContext(c)} ev={ev} result={result} review={review} attempts={attempts} spread={spread} />);
}
