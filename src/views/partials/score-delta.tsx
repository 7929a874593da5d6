import type { I18n } from '../../i18n/index.ts';

export interface ScoreDeltaProps {
  /** Undefined when there was no score before (a new criterion). */
  delta: number | undefined;
  decimals: number;
  i18n: I18n;
}

/** A score change in words, with an arrow for sighted readers: up, down, the same, or new. */
export function ScoreDelta({ delta, decimals, i18n }: ScoreDeltaProps) {
  const { t } = i18n;
  if (delta === undefined) return <span class="delta">{t('rev.new')}</span>;
  if (delta === 0) return <span class="delta same">{t('rev.same')}</span>;
  const up = delta > 0;
  return (
    <span class={`delta ${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      {t(up ? 'rev.up' : 'rev.down', { n: Math.abs(delta).toFixed(decimals) })}
    </span>
  );
}
