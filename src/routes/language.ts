import { isLocale } from '../i18n/index.ts';
import type { Ctx } from '../http/context.ts';
import { readForm } from '../http/form.ts';
import { rememberLocale } from '../http/locale.ts';
import { errorResponse } from '../http/errors.tsx';
import { parseNext } from '../http/next-path.ts';

/** POST /language — remembers the chosen UI language and goes back to the page it was chosen on (400 for a `next` that is not a local path). */
export async function changeLanguage(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const next = parseNext(form.fields.next);
  if (!next.ok) return errorResponse(c, 400);
  const lang = form.fields.lang;
  if (isLocale(lang)) rememberLocale(c, lang);
  return c.redirect(next.path ?? '/', 303);
}
