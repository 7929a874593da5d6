import type { RevisionComparison, TextChange } from '../../revisions.ts';

export interface Revision {
  parentEvaluationId: number;
  comparison: RevisionComparison;
  changes: TextChange[];
}

function Delta({ delta, decimals }: { delta: number | undefined; decimals: number }) {
  if (delta === undefined) return <span class="delta">new criterion</span>;
  if (delta === 0) return <span class="delta same">no change</span>;
  const up = delta > 0;
  return (
    <span class={`delta ${up ? 'up' : 'down'}`}>
      <span aria-hidden="true">{up ? '▲' : '▼'} </span>
      {up ? 'up' : 'down'} {Math.abs(delta).toFixed(decimals)}
    </span>
  );
}

/** "Compared with your previous version": score changes per criterion and the text that changed. */
export function RevisionComparisonView({ revision, max }: { revision: Revision; max: number }) {
  const { comparison: c, changes } = revision;
  return (
    <section class="revision" aria-labelledby="revision-title">
      <h2 id="revision-title">Compared with your previous version</h2>
      <p>
        Overall {c.overall.before.toFixed(1)} → <strong>{c.overall.after.toFixed(1)}</strong> / {max}: <Delta delta={c.overall.delta} decimals={1} />.{' '}
        <a href={`/evaluations/${revision.parentEvaluationId}`}>See the previous feedback</a>
      </p>
      <div class="table-wrap">
        <table class="data-table">
          <caption>Change per criterion</caption>
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col" class="num">Before</th>
              <th scope="col" class="num">Now</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {c.criteria.map((x) => (
              <tr>
                <th scope="row">{x.name}</th>
                <td class="num">{x.before ?? '–'}</td>
                <td class="num">{x.after}</td>
                <td>
                  <Delta delta={x.delta} decimals={0} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details class="text-changes">
        <summary>What you changed in the text</summary>
        <p class="hint">
          Added text is <ins>underlined</ins>, removed text is <del>struck through</del>.
        </p>
        <div class="memo-text">
          {changes.map((ch) => (ch.kind === 'add' ? <ins>{ch.text}</ins> : ch.kind === 'del' ? <del>{ch.text}</del> : ch.text))}
        </div>
      </details>
    </section>
  );
}
