import type { I18n } from '../../i18n/index.ts';

/** A released result: that the instructor reviewed it, and their note when they wrote one. */
export function InstructorNote({ note, i18n: { t } }: { note: string; i18n: I18n }) {
  return (
    <section class="notice instructor-note">
      <p>
        <strong>{t('result.reviewed')}</strong>
      </p>
      {note ? (
        <>
          <h2>{t('result.instructorNote')}</h2>
          <p class="note-text">{note}</p>
        </>
      ) : null}
    </section>
  );
}
