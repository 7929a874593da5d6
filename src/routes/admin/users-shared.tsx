import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { minPasswordLengths } from '../../auth/account-policy.ts';
import { MAX_IMPORT_LINES } from '../../auth/account-import.ts';
import { findUserById, listAccounts } from '../../db/queries/users.ts';
import type { User } from '../../db/schema.ts';
import { isHtmx, wantsJson, type Ctx } from '../../http/context.ts';
import { errorResponse } from '../../http/errors.tsx';
import { setFlash } from '../../http/flash.ts';
import { pageContext } from '../../http/page-context.ts';
import { redirectAfterPost, renderPage } from '../../http/render.ts';
import { UsersPage, type UsersPageProps } from '../../views/pages/admin/users-page.tsx';

// HTTP helpers shared by the /admin/users handlers (users.tsx, user-actions.tsx, user-import.tsx,
// sessions.tsx); the account rules themselves are in src/auth/accounts.ts.

type PageExtras = Partial<Pick<UsersPageProps, 'create' | 'importForm' | 'issued' | 'problem' | 'rowError'>>;

/** The users page with whatever this request adds (errors, a refusal, generated passwords). */
export function renderUsersPage(c: Ctx, extras: PageExtras = {}, status: ContentfulStatusCode = 200) {
  const { db } = c.var.deps;
  const page = (
    <UsersPage
      ctx={pageContext(c)}
      users={listAccounts(db)}
      currentUserId={c.var.user?.id ?? ''}
      minLengths={minPasswordLengths(c.var.deps.config.current.files.auth)}
      maxImportLines={MAX_IMPORT_LINES}
      create={extras.create ?? { values: { username: '', role: 'student' }, errors: {} }}
      importForm={extras.importForm ?? { text: '', errors: [] }}
      issued={extras.issued}
      problem={extras.problem}
      rowError={extras.rowError}
    />
  );
  // Pages that show generated passwords must not be kept by the browser or a proxy.
  if (extras.issued) c.header('Cache-Control', 'no-store');
  return renderPage(c, page, status);
}

/** The named account the `:id` parameter points at, or undefined (anonymous writers are not managed here). */
export function loadAccount(c: Ctx): User | undefined {
  const user = findUserById(c.var.deps.db, c.req.param('id') ?? '');
  return user && !user.anonymous && user.username ? user : undefined;
}

/** 404 for an account id that doesn't exist (or isn't a named account). */
export function accountNotFound(c: Ctx) {
  return errorResponse(c, 404, 'There is no account with this address. It may have been deleted; go back to the users page and reload it.');
}


/** An action refused by a rule (409): the users page with the reason on top, or JSON. */
export function refuse(c: Ctx, message: string, status: 409 | 422 = 409) {
  if (wantsJson(c)) return c.json({ error: message }, status);
  return renderUsersPage(c, { problem: message }, status);
}

/** A successful action: JSON, or a flash message and 303 back to the page it came from. */
export function done(c: Ctx, message: string, location = '/admin/users') {
  if (wantsJson(c)) return c.json({ ok: true, message });
  setFlash(c, message);
  return redirectAfterPost(c, location, isHtmx(c));
}
