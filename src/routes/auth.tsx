import * as v from 'valibot';
import { MAX_PASSWORD_LENGTH, minPasswordLengths } from '../auth/account-policy.ts';
import { changeOwnPassword, type PasswordChangeProblems } from '../auth/accounts.ts';
import { attemptLogin } from '../auth/login.ts';
import type { Wait } from '../auth/throttle.ts';
import type { User } from '../db/schema.ts';
import { clientKey } from '../http/client-ip.ts';
import type { Ctx } from '../http/context.ts';
import { errorResponse } from '../http/errors.tsx';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/form.ts';
import { parseNext } from '../http/next-path.ts';
import { pageContext } from '../http/page-context.ts';
import { renderPage } from '../http/render.ts';
import { endSession, startSession } from '../http/session.ts';
import { LoginPage } from '../views/pages/login.tsx';
import { PasswordChangePage } from '../views/pages/password-change.tsx';

export const LoginSchema = v.object({
  username: v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(100)),
  password: v.pipe(v.string(), v.nonEmpty(), v.maxLength(MAX_PASSWORD_LENGTH)),
});

/** The 429 answer's Retry-After header and its sentence (the same for existing and unknown usernames). */
function waitMessage(c: Ctx, wait: Wait): string {
  c.header('Retry-After', String(wait.retryAfterSeconds));
  const minutes = Math.max(1, Math.ceil(wait.retryAfterSeconds / 60));
  return c.var.i18n.t(wait.reason === 'account' ? 'login.tooManyForUser' : 'login.throttled', { minutes });
}

/** GET /login — `?next=` must be a local path (400 otherwise). */
export function showLogin(c: Ctx) {
  const next = parseNext(c.req.query('next'));
  if (!next.ok) return errorResponse(c, 400);
  return renderPage(c, <LoginPage ctx={pageContext(c)} username="" next={next.path ?? ''} />);
}

/** POST /login — the same answer for unknown user and wrong password; the sign-in throttle answers 429 with Retry-After. */
export async function login(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const parsedNext = parseNext(form.fields.next);
  if (!parsedNext.ok) return errorResponse(c, 400);
  const next = parsedNext.path ?? '';
  const username = typeof form.fields.username === 'string' ? form.fields.username.trim() : '';
  const page = (error: string, status: 401 | 422 | 429) => renderPage(c, <LoginPage ctx={pageContext(c)} username={username} next={next} error={error} />, status);
  const parsed = v.safeParse(LoginSchema, form.fields);
  const { t } = c.var.i18n;
  if (!parsed.success) return page(t('login.empty'), 422);

  const { db, config, now } = c.var.deps;
  const res = await attemptLogin(db, config.current.files.auth, { ...parsed.output, ip: clientKey(c), now: now() });
  if (!res.ok) return res.reason === 'invalid' ? page(t('login.failed'), 401) : page(waitMessage(c, res), 429);
  startSession(c, res.user);
  if (res.user.mustChangePassword) return c.redirect('/account/password', 303);
  return c.redirect(next || (res.user.role === 'admin' ? '/admin' : '/'), 303);
}

/** POST /logout */
export function logout(c: Ctx) {
  endSession(c);
  setFlash(c, c.var.i18n.t('flash.signedOut'));
  return c.redirect('/', 303);
}

/** The shortest new password the signed-in user may choose. */
function minLength(c: Ctx, user: User): number {
  return minPasswordLengths(c.var.deps.config.current.files.auth)[user.role];
}

/** The password-change page, with errors beside their fields. */
function passwordPage(c: Ctx, user: User, errors: PasswordChangeErrors = {}, status: 200 | 422 | 429 = 200) {
  return renderPage(c, <PasswordChangePage ctx={pageContext(c)} minLength={minLength(c, user)} required={user.mustChangePassword} errors={errors} />, status);
}

type PasswordChangeErrors = { [field in keyof PasswordChangeProblems]?: string };

/** A password change's problems in the user's language. */
function passwordChangeErrors(c: Ctx, user: User, problems: PasswordChangeProblems): PasswordChangeErrors {
  const { t } = c.var.i18n;
  const password = { 'too-short': t('password.tooShort', { min: minLength(c, user) }), 'too-long': t('password.tooLong'), same: t('password.same') };
  return { current: problems.current && t('password.wrongCurrent'), password: problems.password && password[problems.password], confirm: problems.confirm && t('password.mismatch') };
}

/** GET /account/password */
export function showPasswordForm(c: Ctx) {
  const user = c.var.user;
  if (!user || user.anonymous) return c.redirect('/login?next=%2Faccount%2Fpassword', 303);
  return passwordPage(c, user);
}

/** POST /account/password — checks the current password (throttled like sign-in), ends every session of the user, signs this browser in again. */
export async function changePassword(c: Ctx) {
  const user = c.var.user;
  if (!user || user.anonymous) return c.redirect('/login', 303);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const str = (k: string) => (typeof form.fields[k] === 'string' ? (form.fields[k] as string) : '');
  const { db, config, now } = c.var.deps;
  const input = { user, current: str('current'), password: str('password'), confirm: str('confirm'), ip: clientKey(c), now: now() };
  const res = await changeOwnPassword(db, config.current.files.auth, input);
  if (!res.ok && 'wait' in res) return passwordPage(c, user, { current: waitMessage(c, res.wait) }, 429);
  if (!res.ok) return passwordPage(c, user, passwordChangeErrors(c, user, res.problems), 422);
  c.set('session', undefined);
  startSession(c, { ...user, mustChangePassword: false });
  setFlash(c, c.var.i18n.t('flash.passwordChanged'));
  return c.redirect(user.role === 'admin' ? '/admin' : '/', 303);
}
