import * as v from 'valibot';
import { validateConfigText } from '../../config/load.ts';
import { configOverviews, configVersionView, lastEvaluationUse, type ConfigVersionView } from '../../config-versions/overview.ts';
import type { ConfigName } from '../../config/schemas.ts';
import { isCalibrated, rollbackConfigEdit, saveConfigEdit, type EditOutcome } from '../../config-versions/config-edits.ts';
import { effectiveYaml, issueText } from '../../config-versions/versions.ts';
import { findSavedDraft } from '../../db/queries/config-versions.ts';
import { normalizeNewlines } from '../../text/newlines.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { pageContext } from '../../http/page-context.ts';
import { redirectAfterPost, renderPage } from '../../http/render.ts';
import { ConfigEditPage } from '../../views/pages/admin/config-edit-page.tsx';
import { ConfigIndexPage } from '../../views/pages/admin/config-index-page.tsx';
import { ConfigVersionPage } from '../../views/pages/admin/config-version-page.tsx';
import { nameParam, str, versionParam } from './config-params.ts';

/** Longest YAML the editor accepts (the 64 KiB body limit applies too); the shipped rubric is ~6 500. */
export const MAX_YAML_CHARS = 60_000;

const NOTE_RULE = 'Say what changed and why, in 1 to 200 characters.';

/** The edit form: the whole file as YAML (checked by validateConfigText after this) and a note. */
export const ConfigSaveSchema = v.object({
  yaml: v.pipe(
    v.string('Enter the YAML.'),
    v.check((t) => t.trim().length > 0, 'The YAML is empty. Paste or type the whole file.'),
    v.maxLength(MAX_YAML_CHARS, `The YAML is longer than ${MAX_YAML_CHARS.toLocaleString('en-US')} characters.`),
  ),
  note: v.pipe(v.optional(v.string(NOTE_RULE), ''), v.trim(), v.minLength(1, NOTE_RULE), v.maxLength(200, NOTE_RULE)),
});

/** The rollback form: an optional note, added after "Rollback to vN". */
export const ConfigRollbackSchema = v.object({
  note: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(200, 'Keep the note to 200 characters.')),
});

const NOTHING_CHANGED = 'Nothing changed: this YAML means the same as the version in force (comments and formatting alone make no new version).';

/** GET /admin/config — the four configs, what is in force, and their histories (also JSON). */
export function showConfigIndex(c: Ctx) {
  const { db, config } = c.var.deps;
  const configs = configOverviews(db, config);
  const lastEvaluation = lastEvaluationUse(db, config);
  if (wantsJson(c)) return c.json({ configs, lastEvaluation });
  return renderPage(c, <ConfigIndexPage ctx={pageContext(c)} configs={configs} lastEvaluation={lastEvaluation} />);
}

interface EditState {
  yaml: string;
  note: string;
  yamlErrors: string[];
  noteError?: string;
}

function editPage(c: Ctx, name: ConfigName, state: EditState, status: 200 | 422 = 200) {
  const live = c.var.deps.config.current;
  if (status === 422 && wantsJson(c)) return c.json({ errors: state.yamlErrors, noteError: state.noteError }, 422);
  return renderPage(c, <ConfigEditPage ctx={pageContext(c)} name={name} inForce={live.sources[name]} hash={live.versions[name]} draft={isCalibrated(name)} {...state} />, status);
}

/** GET /admin/config/:name — the YAML in force, in an editor (also JSON). */
export function editConfig(c: Ctx) {
  const name = nameParam(c);
  if (!name) return errorResponse(c, 404);
  const { db, config } = c.var.deps;
  const yaml = effectiveYaml(db, config, name);
  if (wantsJson(c)) return c.json({ name, version: config.current.sources[name], hash: config.current.versions[name], yaml });
  return editPage(c, name, { yaml, note: '', yamlErrors: [] });
}

/** POST /admin/config/:name — validate, store as a draft (rubric, prompt, llm) or a new version in force (auth); 422 with line-numbered errors. */
export async function saveConfig(c: Ctx) {
  const name = nameParam(c);
  if (!name) return errorResponse(c, 404);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const kept = { yaml: normalizeNewlines(str(form.fields.yaml)), note: str(form.fields.note) };
  const parsed = v.safeParse(ConfigSaveSchema, form.fields);
  if (!parsed.success) {
    const errs = v.flatten<typeof ConfigSaveSchema>(parsed.issues).nested ?? {};
    // Report the YAML's own problems too, so one round trip shows everything.
    const checked = errs.yaml ? undefined : validateConfigText(name, kept.yaml);
    const yamlErrors = errs.yaml ?? (checked && !checked.ok ? checked.issues.map(issueText) : []);
    return editPage(c, name, { ...kept, yamlErrors, noteError: errs.note?.[0] }, 422);
  }
  const { db, config, now } = c.var.deps;
  const user = c.var.user!;
  const res = saveConfigEdit({ db, store: config, now }, { name, ...parsed.output, author: user });
  if (!res.ok) return editPage(c, name, { ...kept, yamlErrors: problems(res) }, 422);
  return saved(c, name, res, `Saved ${name}.yaml`);
}

function problems(res: Extract<EditOutcome, { ok: false }>): string[] {
  return res.reason === 'unchanged' ? [NOTHING_CHANGED] : res.issues.map(issueText);
}

/** After a save or rollback: a draft's page, or the overview for a version in force; with a flash saying which. */
function saved(c: Ctx, name: ConfigName, res: Extract<EditOutcome, { ok: true }>, what: string, from?: number) {
  setFlash(
    c,
    res.draft
      ? `${what} as draft v${res.version}. It is not in force: calibrate it, then publish it.`
      : `${what} as version ${res.version}. The next evaluation uses it.`,
  );
  if (wantsJson(c)) return c.json({ name, version: res.version, hash: res.hash, draft: res.draft, ...(from === undefined ? {} : { from }) }, 201);
  return redirectAfterPost(c, res.draft ? `/admin/config/${name}/drafts/${res.version}` : '/admin/config', isHtmx(c));
}

function versionPage(c: Ctx, view: ConfigVersionView, rollback: { note: string; noteError?: string; problems: string[] }, status: 200 | 422 = 200) {
  if (status === 422 && wantsJson(c)) return c.json({ errors: rollback.problems, noteError: rollback.noteError }, 422);
  return renderPage(c, <ConfigVersionPage ctx={pageContext(c)} {...view} rollback={rollback} />, status);
}

/** GET /admin/config/:name/versions/:version — one version (0 = the shipped file) and its diff (also JSON). */
export function showConfigVersion(c: Ctx) {
  const name = nameParam(c);
  const version = versionParam(c);
  if (!name || version === undefined) return errorResponse(c, 404);
  const { db, config } = c.var.deps;
  const view = configVersionView(db, config, name, version);
  if (!view) return findSavedDraft(db, name, version) ? c.redirect(`/admin/config/${name}/drafts/${version}`) : errorResponse(c, 404);
  if (wantsJson(c)) return c.json(view);
  return versionPage(c, view, { note: '', problems: [] });
}

/** POST /admin/config/:name/versions/:version/rollback — that version's text becomes a new draft (rubric, prompt, llm) or version (auth). */
export async function rollbackConfig(c: Ctx) {
  const name = nameParam(c);
  const version = versionParam(c);
  if (!name || version === undefined) return errorResponse(c, 404);
  const { db, config, now } = c.var.deps;
  const view = configVersionView(db, config, name, version);
  if (!view) return errorResponse(c, 404);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const note = str(form.fields.note);
  const parsed = v.safeParse(ConfigRollbackSchema, form.fields);
  if (!parsed.success) return versionPage(c, view, { note, noteError: parsed.issues[0].message, problems: [] }, 422);
  const res = rollbackConfigEdit({ db, store: config, now }, { name, version, yaml: view.yaml, note: parsed.output.note, author: c.var.user! });
  if (!res.ok) return versionPage(c, view, { note, problems: problems(res) }, 422);
  return saved(c, name, res, `Rolled ${name}.yaml back to ${version === 0 ? 'the shipped file' : `v${version}`}: saved`, version);
}
