import * as v from 'valibot';
import { assessedRubric, formAssignment, homeChoice, postedAssignment, rubricHref, submissionTarget, type FormAssignment, type SubmissionTarget } from '../assignments/entry.ts';
import { findAssignmentBySlug, submissionAssignment } from '../db/queries/assignments.ts';
import { findWriterSubmission, insertSubmissionWithEvaluation } from '../db/queries/submissions.ts';
import { untilNextWrite } from '../db/data-version.ts';
import { i18n as i18nFor, type I18n } from '../i18n/index.ts';
import { isHtmx, wantsJson, type AppDeps, type Ctx } from '../http/context.ts';
import { notFound } from '../http/errors.tsx';
import { readForm } from '../http/form.ts';
import { ID_PATTERN, idParam } from '../http/id-param.ts';
import { layoutKey, pageContext } from '../http/page-context.ts';
import { renderCachedPage } from '../http/page-cache.ts';
import { redirectAfterPost, renderFragment, renderPage } from '../http/render.ts';
import { ensureWriter } from '../http/session.ts';
import { AssignmentClosedPage } from '../views/pages/assignment-closed.tsx';
import { AssignmentListPage } from '../views/pages/assignment-list.tsx';
import { SubmissionPage } from '../views/pages/submission-form.tsx';
import { SubmissionForm } from '../views/partials/submission-form.tsx';
import { normalizeNewlines } from '../text/newlines.ts';
import { admissionRefusal, refusalJson } from './submission-admission.ts';

/** The memo form's schema: non-empty after trim, no NUL, at most maxChars characters (code points); messages in the UI language. */
export function submissionSchema(maxChars: number, { t, int }: I18n = i18nFor('en')) {
  return v.object({
    text: v.pipe(
      v.string(t('validate.notText')),
      v.transform(normalizeNewlines),
      v.check((x) => x.length > 0, t('validate.empty')),
      v.check((x) => x.trim().length > 0, t('validate.blank')),
      v.check((x) => !x.includes('\0'), t('validate.nul')),
      v.check(
        (x) => [...x].length <= maxChars,
        (issue) => {
          const n = [...String(issue.input)].length;
          return t(n - maxChars === 1 ? 'validate.tooLong.one' : 'validate.tooLong.other', { count: int(n), max: int(maxChars), over: int(n - maxChars) });
        },
      ),
    ),
    parent: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN), v.transform(Number))),
    /** The assignment's slug; absent or empty: the default assignment. */
    assignment: v.optional(v.pipe(v.string(), v.trim())),
  });
}

interface FormProps {
  text: string;
  error?: string;
  parentId?: number;
  assignment?: FormAssignment;
}

/** Numbers for the config objects in force (each is replaced whole, never changed), for cache keys. */
const liveIds = new WeakMap<object, number>();
let lastLiveId = 0;
function liveId(live: object): number {
  let id = liveIds.get(live);
  if (id === undefined) liveIds.set(live, (id = ++lastLiveId));
  return id;
}

/**
 * What the form shows besides the writer's own input (limits, rubric summary, demo notice) and the
 * cache key it makes: read once per config in force, assignment and database version, since every
 * visit to `/` needs it.
 */
function formContent(deps: AppDeps, assignment: FormAssignment | undefined) {
  const { config, db } = deps;
  const live = config.current;
  return untilNextWrite(db, `form-content ${liveId(live)} ${JSON.stringify(assignment ?? null)}`, () => {
    const rubric = assessedRubric(db, config, assignment?.slug);
    const criteria = rubric.criteria.map((x) => ({ name: x.name, weight: x.weight }));
    const content = { maxChars: live.files.llm.max_chars, rubricName: rubric.name, rubricHref: rubricHref(assignment), criteria, demo: live.provider.name === 'demo' };
    return { content, key: JSON.stringify([content, assignment]) };
  });
}

function formPage(c: Ctx, props: FormProps, status: 200 | 409 | 422 | 429 | 503 = 200) {
  const { assignment, ...form } = props;
  const { content, key } = formContent(c.get('deps'), assignment);
  if (status !== 200 && isHtmx(c)) return renderFragment(c, <SubmissionForm {...form} assignmentSlug={assignment?.slug} maxChars={content.maxChars} i18n={c.get('i18n')} />, status);
  const ctx = pageContext(c);
  const page = () => <SubmissionPage {...props} {...content} ctx={ctx} />;
  // A blank form is the same for everyone with the same layout: rendered once, then sent from memory.
  const blank = status === 200 && props.text === '' && props.parentId === undefined && props.error === undefined;
  return blank ? renderCachedPage(c, `form ${layoutKey(ctx)} ${key}`, page) : renderPage(c, page(), status);
}

/** GET / — the memo form, or the open assignments when there are several; `?revise=<submission id>` pre-fills it with one of the writer's memos. */
export function showSubmissionForm(c: Ctx) {
  const { db } = c.get('deps');
  const revise = idParam(c.req.query('revise'));
  const user = c.get('user');
  if (revise !== undefined && user) {
    const parent = findWriterSubmission(db, revise, user.id);
    if (parent) return formPage(c, { text: parent.text, parentId: parent.id, assignment: formAssignment(submissionAssignment(db, parent.id)) });
  }
  const home = homeChoice(db);
  if (home.kind === 'list') return renderPage(c, <AssignmentListPage ctx={pageContext(c)} assignments={home.assignments} />);
  return formPage(c, { text: '' });
}

/** GET /a/:slug — one assignment's memo form (its title and brief above it), or word that it is closed. */
export function showAssignmentForm(c: Ctx) {
  const assignment = findAssignmentBySlug(c.get('deps').db, c.req.param('slug') ?? '');
  if (!assignment) return notFound(c);
  if (!assignment.open) return renderPage(c, <AssignmentClosedPage ctx={pageContext(c)} title={assignment.title} />);
  return formPage(c, { text: '', assignment: formAssignment(assignment, false) });
}

/** An invalid memo: 422 with the text as sent (NULs made visible) and the error beside it. */
function invalidSubmission(c: Ctx, fields: Record<string, unknown>, issues: v.BaseIssue<unknown>[]) {
  const text = typeof fields.text === 'string' ? normalizeNewlines(fields.text).replaceAll('\0', '\uFFFD') : '';
  const error = issues.find((i) => v.getDotPath(i) === 'text')?.message ?? c.get('i18n').t('validate.notText');
  if (wantsJson(c)) return c.json({ error, field: 'text' }, 422);
  const parent = typeof fields.parent === 'string' ? idParam(fields.parent) : undefined;
  return formPage(c, { text, error, parentId: parent, assignment: postedAssignment(c.get('deps').db, fields.assignment) }, 422);
}

/** A memo for an unknown (422) or closed (409) assignment: refused, the text kept in the form. */
function assignmentRefused(c: Ctx, target: Exclude<SubmissionTarget, { ok: true }>, text: string, parentId: number | undefined) {
  const { t } = c.get('i18n');
  const status = target.reason === 'unknown' ? 422 : 409;
  const error = target.reason === 'unknown' ? t('validate.assignmentUnknown', { slug: target.slug }) : t('validate.assignmentClosed', { title: target.assignment.title });
  if (wantsJson(c)) return c.json({ error, field: 'assignment' }, status);
  const assignment = target.reason === 'unknown' ? { slug: target.slug, title: '', context: '' } : formAssignment(target.assignment, false);
  return formPage(c, { text, error, parentId, assignment }, status);
}

/** POST /submissions — validate, store the memo in its assignment with a queued evaluation, 303 to its page. */
export async function createSubmission(c: Ctx) {
  const { db, config, now, queue } = c.get('deps');
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const parsed = v.safeParse(submissionSchema(config.current.files.llm.max_chars, c.get('i18n')), form.fields);
  if (!parsed.success) return invalidSubmission(c, form.fields, parsed.issues);
  const { text, parent, assignment: slug } = parsed.output;
  const target = submissionTarget(db, { slug, parent, writerId: c.get('user')?.id });
  if (!target.ok) return assignmentRefused(c, target, text, parent);
  // Limits, budget and queue cap: 429/503 with Retry-After, the memo text kept in the form.
  const refusal = admissionRefusal(c);
  const shown = { text, parentId: target.parentId ?? undefined, assignment: formAssignment(target.assignment, !slug) };
  if (refusal) return refusalJson(c, refusal) ?? formPage(c, { ...shown, error: refusal.error }, refusal.status);
  const writer = ensureWriter(c);
  const id = insertSubmissionWithEvaluation(db, { writerId: writer.id, text, parentId: target.parentId, assignment: target.assignment, now: now() });
  queue.notify();
  if (wantsJson(c)) return c.json({ id, status: 'queued', url: `/evaluations/${id}` }, 201, { Location: `/evaluations/${id}` });
  return redirectAfterPost(c, `/evaluations/${id}`, isHtmx(c));
}
