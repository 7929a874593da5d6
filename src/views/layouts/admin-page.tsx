import type { Child } from 'hono/jsx';
import type { PageContext } from '../../http/page-context.ts';
import { AdminNav } from '../partials/admin/admin-nav.tsx';
import { Page } from './page.tsx';

export interface AdminPageProps {
  title: string;
  ctx: PageContext;
  /** Path of the admin section this page belongs to, e.g. `/admin/users`. */
  section: string;
  /** Without JavaScript, reload after this many seconds (a calibration run in progress). */
  refreshSeconds?: number;
  children: Child;
}

/** The admin shell: the site layout plus the admin section navigation. */
export function AdminPage({ title, ctx, section, refreshSeconds, children }: AdminPageProps) {
  return (
    <Page title={`${title} · Admin`} ctx={ctx} refreshSeconds={refreshSeconds}>
      <AdminNav current={section} role={ctx.account?.role} />
      {children}
    </Page>
  );
}
