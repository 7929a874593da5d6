import type { I18n } from '../../i18n/index.ts';

/** Whether the student flagged this result, and the form as it was sent back (422). */
export interface FlagState {
  status: 'none' | 'open' | 'answered';
  reason: string;
  error: string | undefined;
  max: number;
}

/** "Does this feedback seem wrong?": a plain form to the instructor, or what became of the flag already sent. */
export function FlagForm({ id, flag, i18n: { t, int } }: { id: number; flag: FlagState; i18n: I18n }) {
  if (flag.status === 'open') return <p class="notice flag-status">{t('flag.sent')}</p>;
  if (flag.status === 'answered') return <p class="notice flag-status">{t('flag.answered')}</p>;
  return (
    <section class="flag no-print" aria-labelledby="flag-title">
      <h2 id="flag-title">{t('flag.heading')}</h2>
      <form method="post" action={`/evaluations/${id}/flag`}>
        <label for="flag-reason">{t('flag.label')}</label>
        <p id="flag-help" class="hint">
          {t('flag.help', { max: int(flag.max) })}
        </p>
        {flag.error ? (
          <p id="flag-error" class="field-error">
            {t('error.prefix')} {flag.error}
          </p>
        ) : null}
        <textarea id="flag-reason" name="reason" rows={4} maxlength={flag.max} required aria-describedby={flag.error ? 'flag-help flag-error' : 'flag-help'} aria-invalid={flag.error ? 'true' : undefined}>
          {flag.reason}
        </textarea>
        <button type="submit" class="button">
          {t('flag.submit')}
        </button>
      </form>
    </section>
  );
}
