import * as v from 'valibot';
import { findWriterSubmission, insertSubmissionWithEvaluation } from '../db/queries/submissions.ts';
import { i18n as i18nFor, type I18n } from '../i18n/index.ts';
import { isHtmx, wantsJson, type Ctx } from '../http/context.ts';
import { readForm } from '../http/form.ts';
import { ID_PATTERN, idParam } from '../http/id-param.ts';
import { pageContext } from '../http/page-context.ts';
import { redirectAfterPost, renderFragment, renderPage } from '../http/render.ts';
import { ensureWriter } from '../http/session.ts';
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
  });
}

function formPage(c: Ctx, props: { text: string; error?: string; parentId?: number }, status: 200 | 422 | 429 | 503 = 200) {
  const { config } = c.var.deps;
  const { rubric, llm } = config.current.files;
  const maxChars = llm.max_chars;
  if (status !== 200 && isHtmx(c)) return renderFragment(c, <SubmissionForm {...props} maxChars={maxChars} i18n={c.var.i18n} />, status);
  const page = (
    <SubmissionPage
      {...props}
      maxChars={maxChars}
      ctx={pageContext(c)}
      rubricName={rubric.name}
      criteria={rubric.criteria.map((x) => ({ name: x.name, weight: x.weight }))}
      demo={config.current.provider.name === 'demo'}
    />
  );
  return renderPage(c, page, status);
}

/** GET / — the memo form; `?revise=<submission id>` pre-fills it with one of the writer's memos. */
export function showSubmissionForm(c: Ctx) {
  const revise = idParam(c.req.query('revise'));
  const user = c.var.user;
  if (revise !== undefined && user) {
    const parent = findWriterSubmission(c.var.deps.db, revise, user.id);
    if (parent) return formPage(c, { text: parent.text, parentId: parent.id });
  }
  return formPage(c, { text: '' });
}

/** POST /submissions — validate, store the memo with a queued evaluation, 303 to its page. */
export async function createSubmission(c: Ctx) {
  const { db, config, now, queue } = c.var.deps;
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const parsed = v.safeParse(submissionSchema(config.current.files.llm.max_chars, c.var.i18n), form.fields);
  if (!parsed.success) {
    const text = typeof form.fields.text === 'string' ? normalizeNewlines(form.fields.text).replaceAll('\0', '\uFFFD') : '';
    const error = parsed.issues.find((i) => v.getDotPath(i) === 'text')?.message ?? c.var.i18n.t('validate.notText');
    if (wantsJson(c)) return c.json({ error, field: 'text' }, 422);
    const parent = typeof form.fields.parent === 'string' ? idParam(form.fields.parent) : undefined;
    return formPage(c, { text, error, parentId: parent }, 422);
  }
  // Limits, budget and queue cap: 429/503 with Retry-After, the memo text kept in the form.
  const refusal = admissionRefusal(c);
  if (refusal) return refusalJson(c, refusal) ?? formPage(c, { text: parsed.output.text, error: refusal.error }, refusal.status);
  const writer = ensureWriter(c);
  const parentId = parsed.output.parent !== undefined && findWriterSubmission(db, parsed.output.parent, writer.id) ? parsed.output.parent : null;
  const id = insertSubmissionWithEvaluation(db, { writerId: writer.id, text: parsed.output.text, parentId, now: now() });
  queue.notify();
  if (wantsJson(c)) return c.json({ id, status: 'queued', url: `/evaluations/${id}` }, 201, { Location: `/evaluations/${id}` });
  return redirectAfterPost(c, `/evaluations/${id}`, isHtmx(c));
}
