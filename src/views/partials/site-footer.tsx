import type { Child } from 'hono/jsx';
import type { I18n } from '../../i18n/index.ts';

export interface SiteFooterProps {
  i18n: I18n;
  /** Signed-in visitors get no staff sign-in link. */
  signedIn: boolean;
  /** The language switch (it needs the page context, which the layout holds). */
  children: Child;
}

/** The footer on every page: the site's note, a staff sign-in link, and the language switch. */
export function SiteFooter({ i18n: { t }, signedIn, children }: SiteFooterProps) {
  return (
    <footer class="site-footer">
      <p>
        {t('footer.note')}
        {signedIn ? null : (
          <>
            {' '}
            <a href="/login">{t('footer.staff')}</a>
          </>
        )}
      </p>
      {children}
    </footer>
  );
}
