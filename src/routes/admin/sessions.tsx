import * as v from 'valibot';
import { endAccountSession, endAccountSessions } from '../../auth/accounts.ts';
import { findAccountSession, listAccountSessions } from '../../db/queries/admin-sessions.ts';
import { wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { readForm } from '../../http/form.ts';
import { pageContext } from '../../http/page-context.ts';
import { renderPage } from '../../http/render.ts';
import { endSession } from '../../http/session.ts';
import { plural } from '../../views/format.ts';
import { SessionsPage } from '../../views/pages/admin/sessions-page.tsx';
import { accountNotFound, done, loadAccount } from './users-shared.tsx';
import { actingUser } from '../../http/acting.ts';

/** Where "Revoke all" returns to: the page its form was on. */
export const RevokeAllSchema = v.object({ back: v.optional(v.picklist(['/admin/users', '/admin/sessions']), '/admin/users') });

/** GET /admin/sessions — unexpired sessions of named accounts (also JSON; never secrets). */
export function listSessions(c: Ctx) {
  const { db, now } = c.var.deps;
  const sessions = listAccountSessions(db, now());
  const currentSessionId = c.var.session?.id ?? '';
  if (wantsJson(c)) return c.json({ sessions: sessions.map((s) => ({ ...s, current: s.id === currentSessionId })) });
  return renderPage(c, <SessionsPage ctx={pageContext(c)} sessions={sessions} currentSessionId={currentSessionId} currentUserId={c.var.user?.id ?? ''} />);
}

/** After revoking one's own session(s): the cookie goes too, and the next stop is the login page. */
function signedOut(c: Ctx, message: string) {
  endSession(c);
  if (wantsJson(c)) return c.json({ ok: true, message, signedOut: true });
  setFlash(c, message);
  return c.redirect('/login', 303);
}

/** POST /admin/sessions/:id/revoke — ends one session (your own signs you out). */
export async function revokeSession(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const { db } = c.var.deps;
  const session = findAccountSession(db, c.req.param('id') ?? '');
  if (!session) return errorResponse(c, 404, 'This session no longer exists: it has ended, expired or was revoked already.');
  endAccountSession(db, actingUser(c), session);
  if (session.id === c.var.session?.id) return signedOut(c, 'You revoked your own session and are signed out.');
  return done(c, `Revoked a session of ${session.username}.`, '/admin/sessions');
}

/** POST /admin/users/:id/sessions/revoke — ends every session of one account. */
export async function revokeUserSessions(c: Ctx) {
  const form = await readForm(c);
  if (!form.ok) return form.response;
  const target = loadAccount(c);
  if (!target) return accountNotFound(c);
  const parsed = v.safeParse(RevokeAllSchema, form.fields);
  const back = parsed.success ? parsed.output.back : '/admin/users';
  const ended = endAccountSessions(c.var.deps.db, actingUser(c), target);
  if (target.id === c.var.user?.id) return signedOut(c, `You ended all ${plural(ended, 'session', 'sessions')} of your account and are signed out.`);
  return done(c, `Ended ${plural(ended, 'session', 'sessions')} of ${target.username}.`, back);
}
