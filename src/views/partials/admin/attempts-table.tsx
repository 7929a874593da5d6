import type { EvaluationAttempt } from '../../../db/schema.ts';
import { formatInt, isoDate } from '../../format.ts';
import { durationLabel } from '../../evaluation-labels.ts';

export interface AttemptsTableProps {
  attempts: EvaluationAttempt[];
}

const usd = (n: number) => `$${n.toFixed(4)}`;

/** What went wrong, in one cell: Anthropic's error type and message, the stop reason, the server's checks. */
function whatHappened(a: EvaluationAttempt) {
  const problems = a.problems ? (JSON.parse(a.problems) as string[]) : [];
  return (
    <>
      {a.errorType || a.errorMessage ? (
        <p>
          {a.httpStatus ? `HTTP ${a.httpStatus} ` : ''}
          {a.errorType ? <code>{a.errorType}</code> : null} {a.errorMessage ?? ''}
        </p>
      ) : null}
      {a.stopReason && a.stopReason !== 'end_turn' ? <p>stop reason <code>{a.stopReason}</code>{a.refusalCategory ? ` (${a.refusalCategory})` : ''}</p> : null}
      {a.retryAfterMs !== null ? <p>retry-after {durationLabel(a.retryAfterMs)}</p> : null}
      {problems.length ? (
        <ul>
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Every HTTP attempt of an evaluation, all runs, oldest first: the operator's view of what the API said. */
export function AttemptsTable({ attempts }: AttemptsTableProps) {
  if (attempts.length === 0) return <p>No attempts recorded (evaluations from before attempts were recorded show totals only).</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Attempts ({formatInt(attempts.length)})</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Started (UTC)</th>
            <th scope="col">Outcome</th>
            <th scope="col">Request id</th>
            <th scope="col">Model, effort, max tokens</th>
            <th scope="col" class="num">Input</th>
            <th scope="col" class="num">Output (thinking)</th>
            <th scope="col" class="num">Cache read / write</th>
            <th scope="col" class="num">Cost</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr>
              <td>{a.run}</td>
              <td>
                <time datetime={isoDate(a.startedAt)}>{isoDate(a.startedAt).slice(11, 19)}</time> ({durationLabel(a.finishedAt - a.startedAt)})
              </td>
              <td>
                <span class={a.outcome === 'ok' ? 'status-done' : 'status-failed'}>{a.outcome}</span>
              </td>
              <td>{a.requestId ? <code>{a.requestId}</code> : '–'}</td>
              <td>
                {a.model}, {a.effort ?? '–'}, {a.maxTokens === null ? '–' : formatInt(a.maxTokens)}
              </td>
              <td class="num">{formatInt(a.inputTokens)}</td>
              <td class="num">
                {formatInt(a.outputTokens)} ({formatInt(a.thinkingTokens)})
              </td>
              <td class="num">
                {formatInt(a.cacheReadTokens)} / {formatInt(a.cacheWriteTokens)}
              </td>
              <td class="num">{usd(a.costUsd)}</td>
              <td>{whatHappened(a)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
