import type { Rubric } from '../../config/schemas.ts';
import type { I18n } from '../../i18n/index.ts';

/** One band: the overall score it starts at, and its name. */
export function BandRow({ band, i18n: { t } }: { band: Rubric['bands'][number]; i18n: I18n }) {
  return (
    <tr>
      <td>{t('rubric.orMore', { n: band.min.toFixed(1) })}</td>
      <td>{band.label}</td>
    </tr>
  );
}
