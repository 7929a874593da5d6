import * as v from 'valibot';
import { attemptLogin, checkPasswordThrottled } from '../auth/login.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Wait } from '../auth/throttle.ts';
import { invalidateUserSessions } from '../auth/sessions.ts';
import { updatePassword } from '../db/queries/users.ts';
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
  password: v.pipe(v.string(), v.nonEmpty(), v.maxLength(1000)),
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

function minLength(c: Ctx): number {
  const { password } = c.var.deps.config.current.files.auth;
  return c.var.user?.role === 'admin' ? password.admin_min_length : password.student_min_length;
}

/** GET /account/password */
export function showPasswordForm(c: Ctx) {
  const user = c.var.user;
  if (!user || user.anonymous) return c.redirect('/login?next=%2Faccount%2Fpassword', 303);
  return renderPage(c, <PasswordChangePage ctx={pageContext(c)} minLength={minLength(c)} required={user.mustChangePassword} errors={{}} />);
}

/** POST /account/password — checks the current password (throttled like sign-in), ends every session of the user, signs this browser in again. */
export async function changePassword(c: Ctx) {
  const user = c.var.user;
  if (!user || user.anonymous) return c.redirect('/login', 303);
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const str = (k: string) => (typeof form.fields[k] === 'string' ? (form.fields[k] as string) : '');
  const [current, password, confirm] = [str('current'), str('password'), str('confirm')];
  const min = minLength(c);
  const errors: { current?: string; password?: string; confirm?: string } = {};
  const { t } = c.var.i18n;
  const { db, config, now } = c.var.deps;
  const check = await checkPasswordThrottled(db, config.current.files.auth, { username: user.username ?? '', password: current, ip: clientKey(c), now: now() }, user);
  if (!check.ok && check.reason !== 'invalid') {
    const page = <PasswordChangePage ctx={pageContext(c)} minLength={min} required={user.mustChangePassword} errors={{ current: waitMessage(c, check) }} />;
    return renderPage(c, page, 429);
  }
  if (!check.ok) errors.current = t('password.wrongCurrent');
  if ([...password].length < min) errors.password = t('password.tooShort', { min });
  else if (password.length > 1000) errors.password = t('password.tooLong');
  else if (password === current) errors.password = t('password.same');
  if (!errors.password && confirm !== password) errors.confirm = t('password.mismatch');
  if (Object.keys(errors).length) {
    return renderPage(c, <PasswordChangePage ctx={pageContext(c)} minLength={min} required={user.mustChangePassword} errors={errors} />, 422);
  }
  updatePassword(db, user.id, await hashPassword(password), false);
  invalidateUserSessions(db, user.id);
  c.set('session', undefined);
  startSession(c, { ...user, mustChangePassword: false });
  setFlash(c, c.var.i18n.t('flash.passwordChanged'));
  return c.redirect(user.role === 'admin' ? '/admin' : '/', 303);
}
