import type { StoredAttempt } from '../../../db/queries/attempts.ts';
import { durationLabel } from '../../evaluation-labels.ts';
import { formatInt, isoDate } from '../../format.ts';

const usd = (n: number) => `$${n.toFixed(4)}`;

/** What went wrong, in one cell: Anthropic's error type and message, the stop reason, the server's checks. */
function whatHappened(a: StoredAttempt) {
  const problems = a.problems;
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

/** One HTTP attempt: run (and reading, when the memo was read several times), start time and length, outcome, request id, model settings, tokens, cost and what went wrong. */
export function AttemptRow({ attempt: a, reading = false }: { attempt: StoredAttempt; reading?: boolean }) {
  return (
    <tr>
      <td>{a.run}</td>
      {reading ? <td>{a.sample + 1}</td> : null}
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
  );
}
