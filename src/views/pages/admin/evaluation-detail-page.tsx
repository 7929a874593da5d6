import type { Child } from 'hono/jsx';
import type { AdminEvaluationDetail } from '../../../db/queries/admin-evaluations.ts';
import type { EvaluationAttempt } from '../../../db/schema.ts';
import type { PageContext } from '../../../http/page-context.ts';
import type { EvaluationResult } from '../../../llm/evaluate.ts';
import { formatInt, isoDate } from '../../format.ts';
import { AdminPage } from '../../layouts/admin-page.tsx';
import { MemoText } from '../../partials/memo-text.tsx';
import { AttemptsTable } from '../../partials/admin/attempts-table.tsx';
import { durationLabel, providerLabel, writerLabel } from '../../evaluation-labels.ts';
import { evaluationsHref } from '../../admin/evaluation-links.ts';

export interface EvaluationDetailProps {
  ctx: PageContext;
  ev: AdminEvaluationDetail;
  /** The stored result, when the evaluation is done and its JSON reads. */
  result: EvaluationResult | undefined;
  attempts: EvaluationAttempt[];
}

/** To the second: the debug view compares queued, started and finished times. */
const when = (ms: number | null) => (ms === null ? '–' : <time datetime={isoDate(ms)}>{`${isoDate(ms).slice(0, 19).replace('T', ' ')} UTC`}</time>);
const count = (n: number | null) => (n === null ? '–' : formatInt(n));

/** A definition list of facts (a helper, not a component). */
function facts(items: [string, Child][]) {
  return (
    <dl class="facts">
      {items.map(([term, value]) => (
        <div>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The stored result: overall score, band and a score per criterion (a helper, not a component). */
function resultSection(result: EvaluationResult) {
  return (
    <>
      <h2>Result</h2>
      <p class="overall-line">
        Overall <strong>{result.overall.toFixed(1)}</strong> · {result.band} ({result.rubricName})
      </p>
      <div class="table-wrap">
        <table class="data-table">
          <caption>Scores by criterion</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" class="num">Weight</th>
              <th scope="col" class="num">Score</th>
            </tr>
          </thead>
          <tbody>
            {result.criteria.map((c) => (
              <tr>
                <th scope="row">
                  {c.name} <code>{c.id}</code>
                </th>
                <td class="num">{c.weight}</td>
                <td class="num">
                  {c.score} / {result.scale.max}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** GET /admin/evaluations/:id: everything about one evaluation, with the raw prompt and response for debugging. */
export function EvaluationDetailPage({ ctx, ev, result, attempts }: EvaluationDetailProps) {
  const duration = ev.startedAt !== null && ev.finishedAt !== null ? ev.finishedAt - ev.startedAt : null;
  return (
    <AdminPage title={`Evaluation #${ev.id}`} ctx={ctx} section="/admin/evaluations">
      <p>
        <a href="/admin/evaluations">← All evaluations</a>
      </p>
      <h1>Evaluation #{ev.id}</h1>
      {ev.provider === 'demo' ? (
        <p class="notice">
          Scored by the <strong>demo evaluator</strong> (offline rules, not an AI model).
        </p>
      ) : null}
      {ev.status === 'failed' ? (
        <p class="notice error-notice">
          <strong>Failed{ev.errorKind ? ` (${ev.errorKind})` : ''}:</strong> {ev.errorMessage ?? 'no message recorded'}
        </p>
      ) : null}
      <h2>Run</h2>
      {facts([
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
      ])}
      <h2>Tokens and cost (all attempts)</h2>
      {facts([
        ['Input tokens', count(ev.inputTokens)],
        ['Output tokens (thinking included)', count(ev.outputTokens)],
        ['Thinking tokens', count(ev.thinkingTokens)],
        ['Cache hits (cache read tokens)', count(ev.cacheReadTokens)],
        ['Cache write tokens', count(ev.cacheWriteTokens)],
        ['Cost (each attempt at its price when made)', ev.costUsd === null ? 'not recorded' : `$${ev.costUsd.toFixed(4)}`],
      ])}
      <h2>Attempts</h2>
      <AttemptsTable attempts={attempts} />
      {result ? resultSection(result) : null}
      <h2>Memo ({formatInt(ev.memoChars)} characters)</h2>
      <MemoText memo={ev.memo} segments={result?.segments ?? []} i18n={ctx.i18n} />
      <h2>Debug</h2>
      <details>
        <summary>Raw prompt</summary>
        <pre class="code">{ev.rawPrompt ?? '(none: not recorded, or deleted after the retention period in llm.yaml)'}</pre>
      </details>
      <details>
        <summary>Raw response</summary>
        <pre class="code">{ev.rawResponse ?? '(none: not recorded, or deleted after the retention period in llm.yaml)'}</pre>
      </details>
    </AdminPage>
  );
}
