import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';
import { SubmissionForm, type SubmissionFormProps } from '../partials/submission-form.tsx';

export interface SubmissionPageProps extends SubmissionFormProps {
  ctx: PageContext;
  rubricName: string;
  criteria: { name: string; weight: number }[];
  demo: boolean;
}

/** GET /: the form, with the rubric summarised and linked. */
export function SubmissionPage(p: SubmissionPageProps) {
  return (
    <Page title={p.error ? 'Error: New memo' : p.parentId ? 'Revise your memo' : 'New memo'} ctx={p.ctx}>
      <h1>{p.parentId ? 'Revise and resubmit' : 'Get feedback on your memo'}</h1>
      <p class="lead">
        Paste your business memo. It is scored against the <a href="/rubric">{p.rubricName}</a>, and you get a
        score for each criterion, strengths, opportunities and comments on specific passages.
      </p>
      {p.demo ? (
        <p class="notice demo-notice">
          This server uses the <strong>demo evaluator</strong>: feedback is generated offline by simple rules, not by
          an AI model.
        </p>
      ) : null}
      <div class="two-col">
        <SubmissionForm text={p.text} maxChars={p.maxChars} error={p.error} parentId={p.parentId} />
        <aside class="rubric-summary" aria-labelledby="rubric-summary-title">
          <h2 id="rubric-summary-title">What is assessed</h2>
          <ul>
            {p.criteria.map((c) => (
              <li>
                {c.name} <span class="weight">({c.weight}%)</span>
              </li>
            ))}
          </ul>
          <p>
            <a href="/rubric">Read the full rubric</a>
          </p>
        </aside>
      </div>
    </Page>
  );
}
