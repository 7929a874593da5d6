import type { PageContext } from '../../http/page-context.ts';

const NAMES = { en: 'English', es: 'Español' } as const;

/** English / Español: a POST form (works without JavaScript); the choice is remembered in a cookie. */
export function LanguageSwitch({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx.i18n;
  return (
    <form method="post" action="/language" class="language-switch" aria-label={t('lang.switch')}>
      <input type="hidden" name="next" value={ctx.here} />
      <span class="hint">{t('lang.label')}:</span>
      {(Object.keys(NAMES) as (keyof typeof NAMES)[]).map((l) => (
        <button type="submit" name="lang" value={l} class="link-button" lang={l} aria-pressed={l === locale ? 'true' : 'false'}>
          {NAMES[l]}
        </button>
      ))}
    </form>
  );
}
