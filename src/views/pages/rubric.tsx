import type { Rubric } from '../../config/schemas.ts';
import type { PageContext } from '../../http/page-context.ts';
import { Page } from '../layouts/page.tsx';

/** GET /rubric: every criterion, its weight, what each level means, and how the overall is computed. */
export function RubricPage({ ctx, rubric }: { ctx: PageContext; rubric: Rubric }) {
  const { min, max, labels } = rubric.scale;
  const levels: number[] = [];
  for (let s = max; s >= min; s--) levels.push(s);
  return (
    <Page title="Rubric" ctx={ctx}>
      <h1>{rubric.name}</h1>
      <p class="lead">{rubric.description}</p>

      <h2>How your score is computed</h2>
      <p>
        Each criterion gets a whole-number score from {min} ({labels[String(min)]}) to {max} ({labels[String(max)]}).
        The overall score is the weighted average of those scores, rounded to one decimal; the server computes it,
        not the AI.
      </p>
      <table class="bands">
        <caption>Overall score bands</caption>
        <thead>
          <tr>
            <th scope="col">Overall score</th>
            <th scope="col">Band</th>
          </tr>
        </thead>
        <tbody>
          {rubric.bands.map((b) => (
            <tr>
              <td>{b.min.toFixed(1)} or more</td>
              <td>{b.label}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Criteria</h2>
      {rubric.criteria.map((c) => (
        <section class="rubric-criterion" aria-labelledby={`criterion-${c.id}`}>
          <h3 id={`criterion-${c.id}`}>
            {c.name} <span class="weight">({c.weight}% of the overall score)</span>
          </h3>
          <p>{c.description}</p>
          <dl class="levels">
            {levels.map((s) => (
              <>
                <dt>
                  {s} · {labels[String(s)]}
                </dt>
                <dd>{c.levels[String(s)]}</dd>
              </>
            ))}
          </dl>
        </section>
      ))}
    </Page>
  );
}
