import type { AdminEvaluationDetail } from '../../../db/queries/admin-evaluations.ts';
import { durationLabel, providerLabel, writerLabel } from '../../evaluation-labels.ts';
import { formatInt, isoDate } from '../../format.ts';
import { evaluationsHref } from '../../evaluation-links.ts';
import { FactsList } from './facts-list.tsx';

/** To the second: the debug view compares queued, started and finished times. */
const when = (ms: number | null) => (ms === null ? '–' : <time datetime={isoDate(ms)}>{`${isoDate(ms).slice(0, 19).replace('T', ' ')} UTC`}</time>);

/** How an evaluation ran: writer, status, its timeline, attempts and runs, and the provider, model and config versions used. */
export function EvaluationRunFacts({ ev }: { ev: AdminEvaluationDetail }) {
  const duration = ev.startedAt !== null && ev.finishedAt !== null ? ev.finishedAt - ev.startedAt : null;
  return (
    <FactsList
      items={[
        ['Writer', <a href={evaluationsHref({ writer: ev.username ?? ev.writerId })}>{writerLabel(ev.username, ev.writerId)}</a>],
        ['Writer id', <code>{ev.writerId}</code>],
        ['Status', <span class={`status-${ev.status}`}>{ev.status}</span>],
        ['Error kind', ev.errorKind ?? '–'],
        ['Created', when(ev.createdAt)],
        ['Queued', when(ev.queuedAt)],
        ['Started', when(ev.startedAt)],
        ['Finished', when(ev.finishedAt)],
        ['Duration (finished − started)', durationLabel(duration)],
        ['LLM latency', durationLabel(ev.latencyMs)],
        ['Attempts (HTTP calls, all runs)', formatInt(ev.attempts)],
        ['Waiting for the provider until', when(ev.notBefore)],
        ['Runs (times picked from the queue)', formatInt(ev.runs)],
        ['Provider', providerLabel(ev.provider, null)],
        ['Model', ev.model ?? '–'],
        ['Rubric version', <code>{ev.rubricVersion ?? '–'}</code>],
        ['Prompt version', <code>{ev.promptVersion ?? '–'}</code>],
        ['LLM config version', <code>{ev.llmVersion ?? '–'}</code>],
      ]}
    />
  );
}
