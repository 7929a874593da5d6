import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

export interface PasswordChangeProps {
  ctx: PageContext;
  minLength: number;
  required: boolean;
  errors: { current?: string; password?: string; confirm?: string };
}

/** GET /account/password: change one's own password (required after a generated or reset one). */
export function PasswordChangePage({ ctx, minLength, required, errors }: PasswordChangeProps) {
  const { t } = ctx.i18n;
  const field = (id: 'current' | 'password' | 'confirm', label: string, autocomplete: string, hint?: string) => (
    <>
      <label for={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      ) : null}
      {errors[id] ? (
        <p id={`${id}-error`} class="field-error">
          <strong>{t('error.prefix')}</strong> {errors[id]}
        </p>
      ) : null}
      <input
        id={id}
        name={id}
        type="password"
        autocomplete={autocomplete}
        required
        aria-invalid={errors[id] ? 'true' : undefined}
        aria-describedby={[hint ? `${id}-hint` : '', errors[id] ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
      />
    </>
  );
  return (
    <Page title={Object.keys(errors).length ? `${t('error.titlePrefix')} ${t('password.title')}` : t('password.title')} ctx={ctx}>
      <h1>{t('password.title')}</h1>
      {required ? <p class="notice">{t('password.required')}</p> : null}
      <form method="post" action="/account/password" class="stack-form">
        {field('current', t('password.current'), 'current-password')}
        {field('password', t('password.new'), 'new-password', t('password.hint', { min: minLength }))}
        {field('confirm', t('password.confirm'), 'new-password')}
        <div class="form-actions">
          <button type="submit" class="button primary">
            {t('password.submit')}
          </button>
        </div>
      </form>
    </Page>
  );
}
