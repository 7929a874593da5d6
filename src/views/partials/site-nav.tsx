import type { Role } from '../../auth/account-policy.ts';
import type { I18n } from '../../i18n/index.ts';

export interface SiteNavProps {
  i18n: I18n;
  /** The signed-in account, if any. */
  account: { username: string; role: Role } | undefined;
  /** In accounts mode a signed-out visitor gets a sign-in link. */
  studentMode: 'open' | 'accounts';
}

/** The site's main navigation: the writer's pages, the console for instructors and administrators, and signing in or out. */
export function SiteNav({ i18n: { t }, account, studentMode }: SiteNavProps) {
  return (
    <nav aria-label={t('nav.label')}>
      <ul>
        <li>
          <a href="/">{t('nav.new')}</a>
        </li>
        <li>
          <a href="/history">{t('nav.history')}</a>
        </li>
        <li>
          <a href="/rubric">{t('nav.rubric')}</a>
        </li>
        {account?.role === 'admin' || account?.role === 'instructor' ? (
          <li>
            <a href="/admin">{t('nav.admin')}</a>
          </li>
        ) : null}
        {account ? (
          <li class="account">
            <span class="account-name">{account.username}</span>
            <form method="post" action="/logout" class="inline-form">
              <button type="submit" class="link-button">
                {t('nav.logout')}
              </button>
            </form>
          </li>
        ) : studentMode === 'accounts' ? (
          <li>
            <a href="/login">{t('nav.login')}</a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
