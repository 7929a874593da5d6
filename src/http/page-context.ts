import type { AssetUrls } from './assets.ts';
import type { Ctx } from './context.ts';
import { takeFlash } from './flash.ts';

/** What every page's layout needs; assembled here and nowhere else. */
export interface PageContext {
  assets: AssetUrls;
  /** The signed-in account, if any (anonymous writers have none to show). */
  account: { username: string; role: 'student' | 'admin' } | undefined;
  flash: string | undefined;
  studentMode: 'open' | 'accounts';
}

export function pageContext(c: Ctx): PageContext {
  const user = c.var.user;
  return {
    assets: c.var.deps.assets.urls,
    account: user && !user.anonymous && user.username ? { username: user.username, role: user.role } : undefined,
    flash: takeFlash(c),
    studentMode: c.var.deps.config.current.files.auth.student_mode,
  };
}
