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
          <strong>Error:</strong> {errors[id]}
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
    <Page title={Object.keys(errors).length ? 'Error: Change your password' : 'Change your password'} ctx={ctx}>
      <h1>Change your password</h1>
      {required ? <p class="notice">You are using a temporary password. Choose your own before you continue.</p> : null}
      <form method="post" action="/account/password" class="stack-form">
        {field('current', 'Current password', 'current-password')}
        {field('password', 'New password', 'new-password', `At least ${minLength} characters. A few unrelated words make a strong password.`)}
        {field('confirm', 'New password again', 'new-password')}
        <div class="form-actions">
          <button type="submit" class="button primary">
            Change password
          </button>
        </div>
      </form>
    </Page>
  );
}
