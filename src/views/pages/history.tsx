import type { PageContext } from '../../http/page-context.ts';
import { formatDate, isoDate } from '../format.ts';
import { Page } from '../layouts/page.tsx';
import { Pager } from '../partials/pager.tsx';
import { ProgressChart, type ProgressChartProps } from '../partials/progress-chart.tsx';

export interface HistoryEntry {
  submissionId: number;
  evaluationId: number;
  createdAt: number;
  status: 'queued' | 'running' | 'done' | 'failed';
  overall: number | null;
  band: string | null;
  scores: Record<string, number>;
  excerpt: string;
  isRevision: boolean;
}

export interface HistoryPageProps {
  ctx: PageContext;
  entries: HistoryEntry[];
  criteria: { id: string; name: string }[];
  chart: ProgressChartProps | undefined;
  page: number;
  pages: number;
  total: number;
}

const STATUS = { queued: 'Waiting', running: 'Evaluating', done: 'Done', failed: 'Failed' } as const;

/** GET /history: the writer's own memos, newest first, with scores, and a progress chart. */
export function HistoryPage(p: HistoryPageProps) {
  const link = (n: number) => `/history?page=${n}`;
  return (
    <Page title="Your history" ctx={p.ctx}>
      <h1>Your memos and progress</h1>
      {p.total === 0 ? (
        <p class="lead">
          Nothing here yet. <a href="/">Submit your first memo</a>; your feedback and progress will appear here.
        </p>
      ) : null}
      {p.chart ? (
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">Progress</h2>
          <ProgressChart {...p.chart} />
        </section>
      ) : null}
      {p.total > 0 ? (
        <section aria-labelledby="memos-title">
          <h2 id="memos-title">Your memos</h2>
          <div class="table-wrap">
            <table class="data-table">
              <caption>Newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Submitted</th>
                  <th scope="col">Memo</th>
                  <th scope="col" class="num">Overall</th>
                  {p.criteria.map((c) => (
                    <th scope="col" class="num">
                      {c.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.entries.map((e) => (
                  <tr>
                    <th scope="row">
                      <a href={`/evaluations/${e.evaluationId}`}>
                        <time datetime={isoDate(e.createdAt)}>{formatDate(e.createdAt)}</time>
                      </a>
                    </th>
                    <td class="excerpt">
                      {e.isRevision ? <span class="tag">Revision</span> : null} {e.excerpt}
                    </td>
                    <td class="num">{e.status === 'done' && e.overall !== null ? `${e.overall.toFixed(1)} · ${e.band ?? ''}` : STATUS[e.status]}</td>
                    {p.criteria.map((c) => (
                      <td class="num">{e.scores[c.id] ?? '–'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            id="history-pager"
            page={p.page}
            pages={p.pages}
            total={p.total}
            noun={['memo', 'memos']}
            hrefs={{ prev: p.page > 1 ? link(p.page - 1) : undefined, next: p.page < p.pages ? link(p.page + 1) : undefined, last: link(p.pages) }}
          />
        </section>
      ) : null}
    </Page>
  );
}
