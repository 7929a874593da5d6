import { isLocale } from '../i18n/index.ts';
import type { Ctx } from '../http/context.ts';
import { readForm } from '../http/form.ts';
import { rememberLocale } from '../http/locale.ts';
import { safeNext } from './auth.tsx';

/** POST /language — remembers the chosen UI language and goes back to the page it was chosen on. */
export async function changeLanguage(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const lang = form.fields.lang;
  if (isLocale(lang)) rememberLocale(c, lang);
  return c.redirect(safeNext(form.fields.next) ?? '/', 303);
}
