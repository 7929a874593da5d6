import { formatDuration } from '../format.ts';

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
}

/** Waiting state. With htmx it polls itself every 2 s and is replaced by the result. */
export function EvaluationPending({ id, status, position, elapsedMs, runningMs, expectedMs }: PendingProps) {
  const expected = expectedMs && expectedMs > 0 ? expectedMs : undefined;
  const pct = expected && runningMs !== undefined ? Math.min(95, Math.round((runningMs / expected) * 100)) : undefined;
  const where =
    status === 'queued'
      ? position && position > 1
        ? `Waiting in line: ${position - 1} memo${position - 1 === 1 ? '' : 's'} ahead of yours.`
        : 'Next in line.'
      : 'Your memo is being evaluated now.';
  return (
    <section
      id="evaluation-panel"
      class="panel pending"
      aria-labelledby="pending-title"
      aria-busy="true"
      hx-get={`/evaluations/${id}`}
      hx-trigger="every 2s"
      hx-target="this"
      hx-swap="outerHTML"
    >
      <h1 id="pending-title">Evaluating your memo…</h1>
      <p class="status-line">{where}</p>
      <p>
        Elapsed: <span class="elapsed">{formatDuration(elapsedMs)}</span>
        {expected ? <> · usually takes about {formatDuration(expected)}</> : null}
      </p>
      {pct !== undefined ? (
        <progress class="progress" max="100" value={String(pct)} aria-label="Estimated progress">
          {pct}%
        </progress>
      ) : (
        <progress class="progress" aria-label="Evaluation in progress"></progress>
      )}
      <p class="hint">
        Your memo is saved. You can leave this page and come back to this address later; it updates by itself.
      </p>
      <noscript>
        <p class="hint">
          This page reloads every few seconds. <a href={`/evaluations/${id}`}>Reload now</a>
        </p>
      </noscript>
    </section>
  );
}
