import { arrivedCount, type PartialCriteria } from '../../evaluations/partial.ts';
import type { I18n } from '../../i18n/index.ts';
import { formatDuration } from '../format.ts';
import { CriteriaProgress } from './criteria-progress.tsx';

export interface PendingProps {
  id: number;
  status: 'queued' | 'running';
  /** 1-based place in the queue, when queued. */
  position: number | undefined;
  elapsedMs: number;
  /** How long it has been running (running only): the progress bar compares this with expectedMs. */
  runningMs: number | undefined;
  /** Recent average run time, when known. */
  expectedMs: number | undefined;
  /** The AI service asked us to slow down: the memo keeps its place and goes when it may. */
  waitingForProvider: boolean;
  /** The criteria streamed so far (only when the writer may see them). */
  partial: PartialCriteria | undefined;
  i18n: I18n;
}

/** What the live region says when the panel changes: the latest criterion scored, if any. */
function announcement(partial: PartialCriteria | undefined, t: I18n['t']): string | undefined {
  const latest = partial?.criteria.findLast((c) => c.score !== undefined);
  if (!partial || !latest) return undefined;
  return t('pending.announce', { done: arrivedCount(partial), total: partial.criteria.length, name: latest.name, score: latest.score!, max: partial.scale.max });
}

/** Waiting state, with the criteria scored so far. With htmx it polls itself every 2 s and morphs into the result. */
export function EvaluationPending({ id, status, position, elapsedMs, runningMs, expectedMs, waitingForProvider, partial, i18n }: PendingProps) {
  const { t, plural } = i18n;
  const expected = expectedMs && expectedMs > 0 ? expectedMs : undefined;
  const pct = expected && runningMs !== undefined ? Math.min(95, Math.round((runningMs / expected) * 100)) : undefined;
  const where = status === 'queued' ? (position && position > 1 ? plural('pending.ahead', position - 1) : t('pending.next')) : t('pending.running');
  return (
    <section
      id="evaluation-panel"
      class="panel pending"
      aria-labelledby="pending-title"
      aria-busy="true"
      data-announce={announcement(partial, t)}
      data-hx-get={`/evaluations/${id}`}
      data-hx-trigger="every 2s"
      data-hx-target="this"
      data-hx-swap="outerMorph"
    >
      <h1 id="pending-title">{t('pending.heading')}</h1>
      <p class="status-line">{where}</p>
      {waitingForProvider ? <p class="notice">{t('pending.waitingService')}</p> : null}
      <p>
        {t('pending.elapsed')} <span class="elapsed">{formatDuration(elapsedMs, t)}</span>
        {expected ? <> · {t('pending.usually', { duration: formatDuration(expected, t) })}</> : null}
      </p>
      {pct !== undefined ? (
        <progress class="progress" max="100" value={String(pct)} aria-label={t('pending.progress')}>
          {pct}%
        </progress>
      ) : (
        <progress class="progress" aria-label={t('pending.inProgress')}></progress>
      )}
      {partial ? <CriteriaProgress partial={partial} i18n={i18n} /> : null}
      <p class="hint">{t('pending.saved')}</p>
      <noscript>
        <p class="hint">
          {t('pending.reloads')} <a href={`/evaluations/${id}`}>{t('pending.reloadNow')}</a>
        </p>
      </noscript>
    </section>
  );
}
