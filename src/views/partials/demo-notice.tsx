import type { I18n } from '../../i18n/index.ts';

/** "This server uses the demo evaluator" (form) or "Scored by the demo evaluator" (a result). */
export function DemoNotice({ i18n, kind }: { i18n: I18n; kind: 'server' | 'result' }) {
  const { t } = i18n;
  return kind === 'server' ? (
    <p class="notice demo-notice">
      {t('demo.notice.before')} <strong>{t('demo.notice.strong')}</strong>
      {t('demo.notice.after')}
    </p>
  ) : (
    <p class="notice demo-notice">
      {t('result.demo.before')} <strong>{t('result.demo.strong')}</strong> {t('result.demo.after')}
    </p>
  );
}
