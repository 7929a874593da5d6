import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

export interface LoginPageProps {
  ctx: PageContext;
  username: string;
  next: string;
  error?: string;
}

/** GET /login: username and password; the same message for every failed attempt. */
export function LoginPage({ ctx, username, next, error }: LoginPageProps) {
  const { t } = ctx.i18n;
  return (
    <Page title={error ? `${t('error.titlePrefix')} ${t('login.title')}` : t('login.title')} ctx={ctx}>
      <h1>{t('login.title')}</h1>
      {error ? (
        <p id="login-error" class="notice error-notice" role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/login" class="stack-form">
        <input type="hidden" name="next" value={next} />
        <label for="username">{t('login.username')}</label>
        <input id="username" name="username" type="text" autocomplete="username" required value={username} aria-describedby={error ? 'login-error' : undefined} />
        <label for="password">{t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t('login.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
