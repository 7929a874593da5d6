import type { I18n } from '../../i18n/index.ts';
import type { Segment } from '../../llm/evaluate.ts';

/** The numbered comments on quoted passages: comment, coaching questions, suggestion. */
export function SegmentNotes({ segments, criteria, i18n }: { segments: Segment[]; criteria: { id: string; name: string }[]; i18n: I18n }) {
  if (segments.length === 0) return null;
  const { t } = i18n;
  const nameOf = (id: string) => criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <ol class="notes">
      {segments.map((s, i) => (
        <li id={`note-${i + 1}`} class="note">
          <blockquote>{s.anchored ? <a href={`#quote-${i + 1}`}>“{s.quote}”</a> : <>“{s.quote}”</>}</blockquote>
          {s.anchored ? null : <p class="hint">{t('result.notFound')}</p>}
          <p class="note-criterion">{nameOf(s.criterion)}</p>
          <p>{s.comment}</p>
          <p class="questions-title">{t('result.questions')}</p>
          <ul class="questions">
            {s.questions.map((q) => (
              <li>{q}</li>
            ))}
          </ul>
          {s.suggestion ? (
            <p>
              <strong>{t('result.suggestion')}</strong> {s.suggestion}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
