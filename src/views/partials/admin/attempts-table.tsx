import type { StoredAttempt } from '../../../db/queries/attempts.ts';
import { formatInt } from '../../format.ts';
import { AttemptRow } from './attempt-row.tsx';

export interface AttemptsTableProps {
  attempts: StoredAttempt[];
  /** Show which reading (llm.yaml samples) each attempt belongs to. */
  readings?: boolean;
}

/** Every HTTP attempt of an evaluation, all runs, oldest first: the operator's view of what the API said. */
export function AttemptsTable({ attempts, readings = false }: AttemptsTableProps) {
  if (attempts.length === 0) return <p>No attempts recorded (evaluations from before attempts were recorded show totals only).</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>Attempts ({formatInt(attempts.length)})</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            {readings ? <th scope="col">Reading</th> : null}
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
            <AttemptRow attempt={a} reading={readings} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
