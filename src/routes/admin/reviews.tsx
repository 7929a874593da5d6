import * as v from 'valibot';
import type { EvaluationResult } from '../../evaluations/result.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { notFound } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { idParam } from '../../http/id-param.ts';
import { pageContext } from '../../http/page-context.ts';
import { redirectAfterPost, renderPage } from '../../http/render.ts';
import type { ReviewInput } from '../../reviews/final-result.ts';
import { applyReview, readReviewPage, readReviewQueue, type ReviewFormValues, type ReviewPageModel } from '../../reviews/reviews.ts';
import { rubricUsed } from '../../reviews/rubric-used.ts';
import { normalizeNewlines } from '../../text/newlines.ts';
import { ReviewPage } from '../../views/pages/admin/review-page.tsx';
import { ReviewsPage } from '../../views/pages/admin/reviews-page.tsx';

/** Longest comment per criterion, and longest note. */
const MAX_COMMENT = 2000;
const MAX_NOTE = 4000;

const text = (max: number, what: string) => v.optional(v.pipe(v.string(), v.transform(normalizeNewlines), v.trim(), v.maxLength(max, `Keep the ${what} to ${max} characters.`)), '');

/** The review form for one AI result: per criterion a whole score on its scale (`score_<id>`) and a comment (`comment_<id>`), a note, the action. */
export function reviewFormSchema(ai: EvaluationResult) {
  const { min, max } = ai.scale;
  const msg = `Choose a whole number from ${min} to ${max}.`;
  const score = v.pipe(v.string(msg), v.trim(), v.regex(/^-?\d+$/, msg), v.transform(Number), v.minValue(min, msg), v.maxValue(max, msg));
  const fields = Object.fromEntries(ai.criteria.flatMap((c) => [[`score_${c.id}`, score], [`comment_${c.id}`, text(MAX_COMMENT, 'comment')]]));
  return v.object({ ...fields, note: text(MAX_NOTE, 'note'), action: v.picklist(['save', 'release'], 'Choose Save or Release.') });
}

/** The parsed form as the domain's input. */
function reviewInput(ai: EvaluationResult, out: Record<string, unknown>): ReviewInput {
  const scores = Object.fromEntries(ai.criteria.map((c) => [c.id, out[`score_${c.id}`] as number]));
  const comments = Object.fromEntries(ai.criteria.map((c) => [c.id, out[`comment_${c.id}`] as string]));
  return { scores, comments, note: out.note as string, action: out.action as ReviewInput['action'] };
}

/** The form's text fields as sent, for a 422 re-render. */
function sentValues(ai: EvaluationResult, fields: Record<string, unknown>): ReviewFormValues {
  const str = (k: string) => (typeof fields[k] === 'string' ? (fields[k] as string) : '');
  return { scores: Object.fromEntries(ai.criteria.map((c) => [c.id, str(`score_${c.id}`)])), comments: Object.fromEntries(ai.criteria.map((c) => [c.id, str(`comment_${c.id}`)])), note: str('note') };
}

/** The review the `:id` names, if the signed-in staff member may review it. */
function loadReview(c: Ctx): ReviewPageModel | undefined {
  const id = idParam(c.req.param('id'));
  return id === undefined ? undefined : readReviewPage(c.var.deps.db, id, c.var.user!);
}

/** GET /admin/reviews — results held for review and flagged results, oldest first (instructors: their assignments). */
export function listReviews(c: Ctx) {
  const rows = readReviewQueue(c.var.deps.db, c.var.user!);
  if (wantsJson(c)) return c.json({ rows: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString(), url: `/admin/reviews/${r.id}` })) });
  return renderPage(c, <ReviewsPage ctx={pageContext(c)} rows={rows} />);
}

/** GET /admin/reviews/:id — the memo and the AI's result beside the review form (also JSON). */
export function showReview(c: Ctx) {
  const model = loadReview(c);
  if (!model) return notFound(c);
  if (wantsJson(c)) return c.json({ id: model.ev.id, release: model.ev.release, ai: model.ai, final: model.final ?? null, values: model.values });
  return renderPage(c, <ReviewPage ctx={pageContext(c)} model={model} values={model.values} errors={{}} />);
}

/** The form again with what was sent and what was wrong (422); nothing is saved. */
function reviewRejected(c: Ctx, model: ReviewPageModel, fields: Record<string, unknown>, issues: v.BaseIssue<unknown>[]) {
  const errors = Object.fromEntries(issues.map((i) => [v.getDotPath(i) ?? 'action', i.message]).reverse());
  if (wantsJson(c)) return c.json({ error: 'Invalid review', issues: errors }, 422);
  return renderPage(c, <ReviewPage ctx={pageContext(c)} model={model} values={sentValues(model.ai, fields)} errors={errors} />, 422);
}

/** POST /admin/reviews/:id — saves the overrides and note; action=release also releases the final result. 303 with a flash. */
export async function saveReview(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const model = loadReview(c);
  if (!model) return notFound(c);
  const parsed = v.safeParse(reviewFormSchema(model.ai), form.fields);
  if (!parsed.success) return reviewRejected(c, model, form.fields, parsed.issues);
  const { db, config, now } = c.var.deps;
  const by = { actor: { id: c.var.user!.id, username: c.var.user!.username }, now: now() };
  const out = applyReview(db, by, model, reviewInput(model.ai, parsed.output), rubricUsed(db, config, model.ev.rubricVersion));
  if (wantsJson(c)) return c.json({ id: model.ev.id, released: out.released, overrides: out.overrides, flagsResolved: out.flagsResolved, final: out.final ?? null });
  setFlash(c, out.released ? `Released review #${model.ev.id}: overall ${out.final!.overall.toFixed(1)} (${out.final!.band}).` : `Saved review #${model.ev.id}; the student does not see it until you release it.`);
  return redirectAfterPost(c, out.released ? '/admin/reviews' : `/admin/reviews/${model.ev.id}`, isHtmx(c));
}
