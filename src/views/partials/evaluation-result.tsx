import type { EvaluationResult } from '../../llm/evaluate.ts';
import { formatDate, isoDate } from '../format.ts';
import { MemoText } from './memo-text.tsx';
import { RevisionComparisonView, type Revision } from './revision-comparison.tsx';
import { ScoreBar } from './score-bar.tsx';

export interface ResultProps {
  id: number;
  submissionId: number;
  memo: string;
  result: EvaluationResult;
  finishedAt: number;
  /** Set when this memo revises an earlier one that was evaluated. */
  revision: Revision | undefined;
}

/** The finished evaluation: overall, criteria, strengths, opportunities, the memo with comments. */
export function EvaluationResultView({ submissionId, memo, result, finishedAt, revision }: ResultProps) {
  const { min, max } = result.scale;
  const criterionName = (id: string) => result.criteria.find((c) => c.id === id)?.name ?? id;
  return (
    <section
      id="evaluation-panel"
      class="panel result"
      aria-labelledby="result-title"
      data-announce={`Evaluation ready. Overall score ${result.overall.toFixed(1)} out of ${max}: ${result.band}.`}
    >
      <h1 id="result-title">Your feedback</h1>
      {result.demo ? (
        <p class="notice demo-notice">
          Scored by the <strong>demo evaluator</strong> (offline rules, not an AI model).
        </p>
      ) : null}
      <div class="overall">
        <p class="overall-score">
          <span class="overall-number">{result.overall.toFixed(1)}</span>
          <span class="overall-max"> / {max}</span>
        </p>
        <p class="overall-band">{result.band}</p>
        <p class="hint">
          Overall score: the weighted average of the criterion scores. Evaluated{' '}
          <time datetime={isoDate(finishedAt)}>{formatDate(finishedAt)}</time> against the{' '}
          <a href="/rubric">{result.rubricName}</a>.
        </p>
      </div>

      {revision ? <RevisionComparisonView revision={revision} max={max} /> : null}

      <h2>Scores by criterion</h2>
      <ol class="criteria">
        {result.criteria.map((c) => (
          <li class="criterion">
            <h3>{c.name}</h3>
            <p class="criterion-score">
              <strong>
                {c.score} / {max}
              </strong>{' '}
              <span class="label">{result.scale.labels[String(c.score)]}</span>{' '}
              <span class="weight">· weight {c.weight}%</span>
            </p>
            <ScoreBar score={c.score} min={min} max={max} />
            <p>{c.justification}</p>
          </li>
        ))}
      </ol>

      <div class="two-col">
        <section aria-labelledby="strengths-title">
          <h2 id="strengths-title">Strengths</h2>
          <ul>
            {result.strengths.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="opportunities-title">
          <h2 id="opportunities-title">Opportunities</h2>
          <ul>
            {result.opportunities.map((s) => (
              <li>{s}</li>
            ))}
          </ul>
        </section>
      </div>

      <h2>Your memo, with comments</h2>
      <MemoText memo={memo} segments={result.segments} />
      {result.segments.length > 0 ? (
        <ol class="notes">
          {result.segments.map((s, i) => (
            <li id={`note-${i + 1}`} class="note">
              <blockquote>
                {s.anchored ? <a href={`#quote-${i + 1}`}>“{s.quote}”</a> : <>“{s.quote}”</>}
              </blockquote>
              {s.anchored ? null : <p class="hint">This passage could not be found word for word in your memo.</p>}
              <p class="note-criterion">{criterionName(s.criterion)}</p>
              <p>{s.comment}</p>
              <p class="questions-title">Questions to ask yourself:</p>
              <ul class="questions">
                {s.questions.map((q) => (
                  <li>{q}</li>
                ))}
              </ul>
              {s.suggestion ? (
                <p>
                  <strong>Suggestion:</strong> {s.suggestion}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}

      <div class="form-actions no-print">
        <a class="button primary" href={`/?revise=${submissionId}`}>
          Revise and resubmit
        </a>
        <a class="button" href="/">
          Start a new memo
        </a>
      </div>
    </section>
  );
}
