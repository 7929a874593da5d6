import type { Rubric } from '../../config/schemas.ts';
import type { I18n } from '../../i18n/index.ts';
import { BandRow } from './band-row.tsx';

/** Which band an overall score falls in, highest first. */
export function BandsTable({ bands, i18n }: { bands: Rubric['bands']; i18n: I18n }) {
  const { t } = i18n;
  return (
    <table class="bands">
      <caption>{t('rubric.bandsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('rubric.overallCol')}</th>
          <th scope="col">{t('rubric.bandCol')}</th>
        </tr>
      </thead>
      <tbody>
        {bands.map((b) => (
          <BandRow band={b} i18n={i18n} />
        ))}
      </tbody>
    </table>
  );
}
