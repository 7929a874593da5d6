import * as v from 'valibot';
import { discardDraft } from '../../config-versions/config-edits.ts';
import { configDraftView, type ConfigDraftView } from '../../config-versions/draft-view.ts';
import type { DraftRef } from '../../config-versions/drafts.ts';
import { MAX_OVERRIDE_NOTE, publishDraft, type PublishOutcome } from '../../config-versions/publish.ts';
import { issueText } from '../../config-versions/versions.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { pageContext } from '../../http/page-context.ts';
import { redirectAfterPost, renderPage } from '../../http/render.ts';
import { ConfigDraftPage } from '../../views/pages/admin/config-draft-page.tsx';
import { nameParam, str, versionParam } from './config-params.ts';

const OVERRIDE_RULE = `Say why you publish despite the calibration, in 1 to ${MAX_OVERRIDE_NOTE} characters.`;

/** The "Publish anyway" form: the override note, required. */
export const PublishOverrideSchema = v.object({
  override_note: v.pipe(v.optional(v.string(OVERRIDE_RULE), ''), v.trim(), v.minLength(1, OVERRIDE_RULE), v.maxLength(MAX_OVERRIDE_NOTE, OVERRIDE_RULE)),
});

interface Outcome {
  /** What was not done, e.g. "Draft v3 was not published". */
  what?: string;
  problems: string[];
  overrideNote: string;
  overrideError?: string;
}

const NO_OUTCOME: Outcome = { problems: [], overrideNote: '' };

function draftParam(c: Ctx): DraftRef | undefined {
  const name = nameParam(c);
  const version = versionParam(c);
  return name && version !== undefined ? { name, version } : undefined;
}

function draftPage(c: Ctx, view: ConfigDraftView, outcome: Outcome, status: 200 | 409 | 422 = 200) {
  if (status !== 200 && wantsJson(c)) return c.json({ errors: outcome.problems, overrideError: outcome.overrideError, check: view.check }, status);
  return renderPage(c, <ConfigDraftPage ctx={pageContext(c)} {...view} outcome={outcome} maxOverrideNote={MAX_OVERRIDE_NOTE} />, status);
}

/** GET /admin/config/:name/drafts/:version — a draft (or discarded draft), its diff, calibration and the publish verdict (also JSON). */
export function showConfigDraft(c: Ctx) {
  const ref = draftParam(c);
  const view = ref && configDraftView(c.var.deps.db, c.var.deps.config, ref);
  if (!view) return errorResponse(c, 404);
  if (wantsJson(c)) return c.json(view);
  return draftPage(c, view, NO_OUTCOME);
}

/** POST /admin/config/:name/drafts/:version/discard — the draft is kept but marked discarded (audited). */
export function discardConfigDraft(c: Ctx) {
  const ref = draftParam(c);
  const { db, config, now } = c.var.deps;
  const view = ref && configDraftView(db, config, ref);
  if (!ref || !view) return errorResponse(c, 404);
  if (!discardDraft({ db, store: config, now }, ref, c.var.user!)) return draftPage(c, view, { ...NO_OUTCOME, what: `Draft v${ref.version} was not discarded`, problems: [notOpen(view)] }, 409);
  setFlash(c, `Discarded ${ref.name}.yaml draft v${ref.version}.`);
  return redirectAfterPost(c, '/admin/config', isHtmx(c));
}

function notOpen(view: ConfigDraftView): string {
  return view.state.kind === 'published' ? `It was published already, as v${view.state.version}.` : 'It was discarded: save the text again as a new draft to use it.';
}

/** Why a publish failed, in words: the gate's reasons, the text's problems, or that nothing would change. */
function publishProblems(res: Exclude<PublishOutcome, { ok: true } | { reason: 'not-draft' }>): string[] {
  if (res.reason === 'refused') return res.check.reasons;
  if (res.reason === 'unchanged') return ['Its text is what is in force already, so publishing would change nothing. Discard the draft instead.'];
  return res.issues.map(issueText);
}

/** POST /admin/config/:name/drafts/:version/publish — publish if the gate allows (409 why not), or with an override note. */
export async function publishConfigDraft(c: Ctx) {
  const ref = draftParam(c);
  const { db, config, now } = c.var.deps;
  const view = ref && configDraftView(db, config, ref);
  if (!ref || !view) return errorResponse(c, 404);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const overrideNote = str(form.fields.override_note);
  const override = form.fields.override === undefined ? undefined : v.safeParse(PublishOverrideSchema, form.fields);
  if (override && !override.success) return draftPage(c, view, { problems: [], overrideNote, overrideError: override.issues[0].message }, 422);
  const res = publishDraft({ db, store: config, now }, { ref, author: c.var.user!, overrideNote: override?.output.override_note });
  if (!res.ok) {
    const problems = res.reason === 'not-draft' ? [notOpen(view)] : publishProblems(res);
    return draftPage(c, configDraftView(db, config, ref) ?? view, { problems, overrideNote }, res.reason === 'invalid' ? 422 : 409);
  }
  setFlash(c, `Published ${ref.name}.yaml draft v${ref.version} as version ${res.version}${override ? ' (override noted in the audit log)' : ''}. The next evaluation uses it.`);
  if (wantsJson(c)) return c.json({ name: ref.name, version: res.version, draft: ref.version }, 201);
  return redirectAfterPost(c, '/admin/config', isHtmx(c));
}
